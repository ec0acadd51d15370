package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import io.github.mlinfra.policy.Effect;
import java.util.ArrayList;
import java.util.List;

/**
 * MLI-VPC-04: a VPC endpoint has a policy, and no statement of it allows every principal on every
 * resource without a condition. An endpoint without a policy gets AWS's default policy, full access
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html).
 */
final class VpcEndpointPolicyRule extends SimpleResourceRule {
    VpcEndpointPolicyRule() {
        super(Control.VPC_ENDPOINT_POLICY, "An endpoint without a restrictive policy lets a credential of any account "
                + "use the VPC's private path to AWS, so data can leave through it to another account; a policy that "
                + "allows only the account's principals (aws:PrincipalAccount) closes that path.", Types.VPC_ENDPOINT);
    }

    @Override
    public List<String> check(PlannedResource r) {
        Object raw = r.getInputs().get("policy");
        if (raw == null) {
            return List.of("no endpoint policy: AWS attaches its default policy, full access for any principal");
        }
        var text = PlanIndex.text(raw);
        if (text.isEmpty()) {
            return List.of();
        }
        var doc = Policies.parse(text.get());
        if (doc.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (var s : doc.get().getStatements()) {
            boolean everyone = s.getPrincipal().map(p -> p.isAnyone()
                    || p.getIdentifiers().getOrDefault("AWS", List.of()).contains("*")).orElse(false);
            // a statement naming its resources (AWS-owned buckets, say) restricts; "*" with no condition does not
            if (s.getEffect() == Effect.Allow && everyone && s.getConditions().isEmpty() && s.getResources().contains("*")) {
                out.add("statement " + s.getSid().orElse("(no Sid)") + " allows every principal on every resource with no condition");
            }
        }
        return out;
    }
}
