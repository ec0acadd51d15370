package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;

/** MLI-EC2-10: no security group allows all traffic out to 0.0.0.0/0 or ::/0. */
final class Ec2RestrictedEgressRule extends SecurityGroupDirectionRule {
    Ec2RestrictedEgressRule() {
        super(Control.EC2_RESTRICTED_EGRESS, "All-traffic egress to the internet is the exfiltration path for "
                + "weights and data and the command channel for malware; egress should go to VPC endpoints or "
                + "named destinations and ports.", "egress", Types.SG_EGRESS_RULE,
                SecurityGroups::allTrafficRule, SecurityGroups::allTrafficVpcRule);
    }
}
