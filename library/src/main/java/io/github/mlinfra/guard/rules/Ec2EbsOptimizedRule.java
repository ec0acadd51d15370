package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-EC2-11: the instance is EBS-optimized. */
final class Ec2EbsOptimizedRule extends SimpleResourceRule {
    Ec2EbsOptimizedRule() {
        super(Control.EC2_EBS_OPTIMIZED, "EBS optimization gives volume traffic its own bandwidth, so checkpoint "
                + "writes do not starve the network (and vice versa).", Types.INSTANCE);
    }

    @Override
    public List<String> check(PlannedResource r) {
        if (PlanIndex.isOpaque(r, "ebsOptimized") || PlanIndex.bool(r, "ebsOptimized").orElse(false)) {
            return List.of();
        }
        return List.of("ebsOptimized is not true");
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "ebsOptimized");
    }
}
