package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;

/** MLI-EC2-04: no security group allows ingress from 0.0.0.0/0 or ::/0. */
final class Ec2NoOpenIngressRule extends SecurityGroupDirectionRule {
    Ec2NoOpenIngressRule() {
        super(Control.EC2_NO_OPEN_INGRESS, "Ingress from 0.0.0.0/0 or ::/0 exposes the port to every scanner on "
                + "the internet; training and notebook hosts need no inbound internet access at all.",
                "ingress", Types.SG_INGRESS_RULE, SecurityGroups::openRule, SecurityGroups::openVpcRule);
    }
}
