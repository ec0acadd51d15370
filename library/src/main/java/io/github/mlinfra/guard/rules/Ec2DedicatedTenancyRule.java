package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-EC2-08: a training instance runs on dedicated tenancy. */
final class Ec2DedicatedTenancyRule extends SimpleResourceRule {
    Ec2DedicatedTenancyRule() {
        super(Control.EC2_DEDICATED_TENANCY, "Dedicated tenancy keeps training data and weights off hardware "
                + "shared with other AWS customers, which some data agreements require; applies to instances tagged "
                + "mlinfra:purpose=training.", Types.INSTANCE);
    }

    @Override
    public List<String> check(PlannedResource r) {
        if (!r.hasTag("mlinfra:purpose", "training")) {
            return List.of();
        }
        Object t = r.input("tenancy").orElse(null);
        if ("dedicated".equals(t) || "host".equals(t) || PlanIndex.isOpaque(t)) {
            return List.of();
        }
        return List.of("tenancy is " + (t == null ? "not set (default: shared)" : t) + ", expected dedicated");
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        if (PlanIndex.isOpaque(r, "tags")) {
            return opaque(r, "tags");
        }
        return r.hasTag("mlinfra:purpose", "training") ? opaque(r, "tenancy") : List.of();
    }
}
