package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-EC2-03: the instance has no public IP address. */
final class Ec2NoPublicIpRule extends SimpleResourceRule {
    Ec2NoPublicIpRule() {
        super(Control.EC2_NO_PUBLIC_IP, "A public IP puts the trainer on the internet, one security-group mistake "
                + "away from exposure; whether a subnet assigns one by default is outside the program, so "
                + "associatePublicIpAddress must be false explicitly. Reach the instance with SSM instead.",
                Types.INSTANCE);
    }

    @Override
    public List<String> check(PlannedResource r) {
        if (PlanIndex.isOpaque(r, "associatePublicIpAddress") || PlanIndex.bool(r, "associatePublicIpAddress").equals(java.util.Optional.of(false))) {
            return List.of();
        }
        return List.of("associatePublicIpAddress is " + r.input("associatePublicIpAddress").map(String::valueOf)
                .orElse("not set (the subnet default decides)") + ", expected false");
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "associatePublicIpAddress");
    }
}
