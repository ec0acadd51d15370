package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-VPC-03: the VPC has no internet gateway. */
final class VpcNoInternetGatewayRule extends VpcRule {
    VpcNoInternetGatewayRule() {
        super(Control.VPC_NO_INTERNET_GATEWAY, "A training VPC reaches AWS services through VPC endpoints; an "
                + "internet gateway opens a route to and from the internet that every subnet can be one route "
                + "table away from.");
    }

    @Override
    List<String> check(PlannedResource vpc, PlanIndex plan) {
        List<String> out = new ArrayList<>();
        for (PlannedResource igw : plan.referring(vpc, Types.INTERNET_GATEWAY, "vpcId")) {
            out.add("internet gateway " + igw.getName() + " is attached");
        }
        for (PlannedResource att : plan.referring(vpc, Types.INTERNET_GATEWAY_ATTACHMENT, "vpcId")) {
            out.add("internet gateway attachment " + att.getName() + " attaches an internet gateway");
        }
        return out;
    }
}
