package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-CT-01: the trail is multi-region and includes global service events. */
final class CtMultiRegionRule extends SimpleResourceRule {
    CtMultiRegionRule() {
        super(Control.CT_MULTI_REGION, "An attacker works in the region nobody watches; a multi-region trail with "
                + "global service events (IAM, STS) records activity everywhere.", Types.TRAIL);
    }

    @Override
    public List<String> check(PlannedResource r) {
        List<String> out = new ArrayList<>();
        if (!PlanIndex.isOpaque(r, "isMultiRegionTrail") && !PlanIndex.bool(r, "isMultiRegionTrail").orElse(false)) {
            out.add("isMultiRegionTrail is not true");
        }
        if (PlanIndex.bool(r, "includeGlobalServiceEvents").equals(java.util.Optional.of(false))) {
            out.add("includeGlobalServiceEvents is false");
        }
        return out;
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "isMultiRegionTrail", "includeGlobalServiceEvents");
    }
}
