package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-EC2-06: termination protection is on. */
final class Ec2TerminationProtectionRule extends SimpleResourceRule {
    Ec2TerminationProtectionRule() {
        super(Control.EC2_TERMINATION_PROTECTION, "A long training run on an instance is lost to one mistaken "
                + "terminate call; disableApiTermination makes termination a deliberate two-step act.",
                Types.INSTANCE);
    }

    @Override
    public List<String> check(PlannedResource r) {
        if (PlanIndex.isOpaque(r, "disableApiTermination") || PlanIndex.bool(r, "disableApiTermination").orElse(false)) {
            return List.of();
        }
        return List.of("disableApiTermination is not true");
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "disableApiTermination");
    }
}
