package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-EC2-04: no security group allows ingress from 0.0.0.0/0 or ::/0. */
final class Ec2NoOpenIngressRule extends SimpleResourceRule {
    Ec2NoOpenIngressRule() {
        super(Control.EC2_NO_OPEN_INGRESS, "Ingress from 0.0.0.0/0 or ::/0 exposes the port to every scanner on "
                + "the internet; training and notebook hosts need no inbound internet access at all.",
                Types.SECURITY_GROUP, Types.DEFAULT_SECURITY_GROUP, Types.SECURITY_GROUP_RULE, Types.SG_INGRESS_RULE);
    }

    @Override
    public List<String> check(PlannedResource r) {
        List<String> out = new ArrayList<>();
        switch (r.getType()) {
            case Types.SECURITY_GROUP_RULE:
                if ("ingress".equals(r.input("type").orElse(null))) {
                    SecurityGroups.openRule(r.getInputs(), "rule").ifPresent(out::add);
                }
                break;
            case Types.SG_INGRESS_RULE:
                SecurityGroups.openVpcRule(r.getInputs(), "rule").ifPresent(out::add);
                break;
            default:
                List<Object> ingress = PlanIndex.list(r, "ingress");
                for (int i = 0; i < ingress.size(); i++) {
                    SecurityGroups.openRule(ingress.get(i), "ingress." + i).ifPresent(out::add);
                }
        }
        return out;
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        switch (r.getType()) {
            case Types.SECURITY_GROUP_RULE:
                return "ingress".equals(r.input("type").orElse(null)) ? SecurityGroups.opaqueCidrs(r.getInputs(), "rule") : List.of();
            case Types.SG_INGRESS_RULE:
                return SecurityGroups.opaqueCidrs(r.getInputs(), "rule");
            default:
                List<String> out = new ArrayList<>(opaque(r, "ingress"));
                List<Object> rules = PlanIndex.list(r, "ingress");
                for (int i = 0; i < rules.size(); i++) {
                    out.addAll(SecurityGroups.opaqueCidrs(rules.get(i), "ingress." + i));
                }
                return out;
        }
    }
}
