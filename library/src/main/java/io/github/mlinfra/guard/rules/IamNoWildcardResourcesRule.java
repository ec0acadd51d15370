package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.List;

/** MLI-IAM-03: no Allow statement of an identity policy has Resource "*" outside the allowlist. */
final class IamNoWildcardResourcesRule extends AllowStatementRule {
    IamNoWildcardResourcesRule() {
        super(Control.IAM_NO_WILDCARD_RESOURCES,
                "Resource \"*\" extends a grant to every bucket, key and job in the account, present and future; "
                + "only actions AWS cannot scope (ecr:GetAuthorizationToken, cloudwatch:PutMetricData, "
                + "VPC network-interface actions, ...) may use it.");
    }

    @Override
    void check(Policies.Found f, Statement s, List<Violation> out) {
        if (!s.getResources().contains("*")) {
            return;
        }
        List<String> scoped = new ArrayList<>();
        s.getActions().stream().filter(a -> !WildcardResourceAllowlist.allows(a)).forEach(scoped::add);
        if (!scoped.isEmpty() || !s.getNotActions().isEmpty()) {
            out.add(Violation.of(f.resource, f.input + ": statement " + s.getSid().orElse("(no Sid)")
                    + " allows " + (scoped.isEmpty() ? "NotAction " + s.getNotActions() : scoped) + " on Resource \"*\""));
        }
    }
}
