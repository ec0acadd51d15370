package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-SM-03: root access is disabled. */
final class SmNoRootAccessRule extends SimpleResourceRule {
    SmNoRootAccessRule() {
        super(Control.SM_NO_ROOT_ACCESS, "Root on the notebook lets any user (or any package they install) change "
                + "the instance, disable its controls and read other users' credentials.", Types.NOTEBOOK);
    }

    @Override
    public List<String> check(PlannedResource r) {
        Object v = r.input("rootAccess").orElse(null);
        if ("Disabled".equals(v) || PlanIndex.isOpaque(v)) {
            return List.of();
        }
        return List.of("rootAccess is " + (v == null ? "not set (defaults to Enabled)" : v) + ", expected Disabled");
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "rootAccess");
    }
}
