package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-SM-01: the notebook has no direct internet access. */
final class SmNoDirectInternetRule extends SimpleResourceRule {
    SmNoDirectInternetRule() {
        super(Control.SM_NO_DIRECT_INTERNET, "With direct internet access (the default) the notebook bypasses the "
                + "VPC: anything in it can download tooling or upload data anywhere, outside flow logs and "
                + "network controls.", Types.NOTEBOOK);
    }

    @Override
    public List<String> check(PlannedResource r) {
        Object v = r.input("directInternetAccess").orElse(null);
        if ("Disabled".equals(v) || PlanIndex.isOpaque(v)) {
            return List.of();
        }
        return List.of("directInternetAccess is " + (v == null ? "not set (defaults to Enabled)" : v) + ", expected Disabled");
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "directInternetAccess");
    }
}
