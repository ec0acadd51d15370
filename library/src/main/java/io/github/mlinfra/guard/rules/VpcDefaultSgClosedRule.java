package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-VPC-02: the default security group has no rules. */
final class VpcDefaultSgClosedRule extends VpcRule {
    VpcDefaultSgClosedRule() {
        super(Control.VPC_DEFAULT_SG_CLOSED, "Resources launched without a security group land in the default one, "
                + "which allows all traffic between its members and all egress; adopting it with "
                + "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup and no rules closes it.");
    }

    @Override
    List<String> check(PlannedResource vpc, PlanIndex plan) {
        List<PlannedResource> sgs = plan.referring(vpc, Types.DEFAULT_SECURITY_GROUP, "vpcId");
        if (sgs.isEmpty()) {
            return List.of("no " + Types.DEFAULT_SECURITY_GROUP + " adopts this VPC's default security group (its default rules stay)");
        }
        List<String> out = new ArrayList<>();
        for (PlannedResource sg : sgs) {
            if (!PlanIndex.isBlank(sg, "ingress") || !PlanIndex.isBlank(sg, "egress")) {
                out.add("the default security group " + sg.getName() + " has ingress or egress rules");
            }
        }
        return out;
    }
}
