package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-EC2-10: no security group allows all traffic out to 0.0.0.0/0 or ::/0. */
final class Ec2RestrictedEgressRule extends SimpleResourceRule {
    Ec2RestrictedEgressRule() {
        super(Control.EC2_RESTRICTED_EGRESS, "All-traffic egress to the internet is the exfiltration path for "
                + "weights and data and the command channel for malware; egress should go to VPC endpoints or "
                + "named destinations and ports.", Types.SECURITY_GROUP, Types.DEFAULT_SECURITY_GROUP,
                Types.SECURITY_GROUP_RULE, Types.SG_EGRESS_RULE);
    }

    @Override
    public List<String> check(PlannedResource r) {
        List<String> out = new ArrayList<>();
        switch (r.getType()) {
            case Types.SECURITY_GROUP_RULE:
                if ("egress".equals(r.input("type").orElse(null))) {
                    SecurityGroups.allTrafficRule(r.getInputs(), "rule").ifPresent(out::add);
                }
                break;
            case Types.SG_EGRESS_RULE:
                SecurityGroups.allTrafficVpcRule(r.getInputs(), "rule").ifPresent(out::add);
                break;
            default:
                List<Object> egress = PlanIndex.list(r, "egress");
                for (int i = 0; i < egress.size(); i++) {
                    SecurityGroups.allTrafficRule(egress.get(i), "egress." + i).ifPresent(out::add);
                }
        }
        return out;
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        switch (r.getType()) {
            case Types.SECURITY_GROUP_RULE:
                return "egress".equals(r.input("type").orElse(null)) ? SecurityGroups.opaqueCidrs(r.getInputs(), "rule") : List.of();
            case Types.SG_EGRESS_RULE:
                return SecurityGroups.opaqueCidrs(r.getInputs(), "rule");
            default:
                List<String> out = new ArrayList<>(opaque(r, "egress"));
                List<Object> rules = PlanIndex.list(r, "egress");
                for (int i = 0; i < rules.size(); i++) {
                    out.addAll(SecurityGroups.opaqueCidrs(rules.get(i), "egress." + i));
                }
                return out;
        }
    }
}
