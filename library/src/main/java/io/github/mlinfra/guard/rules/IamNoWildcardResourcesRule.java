package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Rule;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** MLI-IAM-03: no Allow statement of an identity policy has Resource "*" outside the allowlist. */
final class IamNoWildcardResourcesRule implements Rule {
    @Override
    public Control control() {
        return Control.IAM_NO_WILDCARD_RESOURCES;
    }

    @Override
    public String rationale() {
        return "Resource \"*\" extends a grant to every bucket, key and job in the account, present and future; "
                + "only actions AWS cannot scope (ecr:GetAuthorizationToken, cloudwatch:PutMetricData, "
                + "VPC network-interface actions, ...) may use it.";
    }

    @Override
    public List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        for (Policies.Found f : Policies.identityPolicies(plan)) {
            Optional<PolicyDocument> doc = Policies.parse(f.text);
            if (doc.isEmpty()) {
                out.add(Violation.notEvaluated(f.resource, f.input + " is not a valid policy document"));
                continue;
            }
            for (Statement s : doc.get().getStatements()) {
                if (s.getEffect() != Effect.Allow || !s.getResources().contains("*")) {
                    continue;
                }
                List<String> scoped = new ArrayList<>();
                s.getActions().stream().filter(a -> !WildcardResourceAllowlist.allows(a)).forEach(scoped::add);
                if (!scoped.isEmpty() || !s.getNotActions().isEmpty()) {
                    out.add(Violation.of(f.resource, f.input + ": statement " + s.getSid().orElse("(no Sid)")
                            + " allows " + (scoped.isEmpty() ? "NotAction " + s.getNotActions() : scoped) + " on Resource \"*\""));
                }
            }
        }
        for (Policies.Found f : Policies.unreadable(plan, true)) {
            out.add(Violation.notEvaluated(f.resource, f.input + " is " + f.text));
        }
        return out;
    }
}
