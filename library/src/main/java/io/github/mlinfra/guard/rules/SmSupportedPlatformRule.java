package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-SM-12: the notebook does not name a deprecated platform. */
final class SmSupportedPlatformRule extends SimpleResourceRule {
    /** Platform identifiers AWS no longer supports. */
    static final List<String> DEPRECATED = List.of("notebook-al1-v1", "notebook-al2-v1");

    SmSupportedPlatformRule() {
        super(Control.SM_SUPPORTED_PLATFORM, "Notebooks on a deprecated platform (Amazon Linux 1, AL2 v1) get no "
                + "security updates; name a supported platformIdentifier.", Types.NOTEBOOK);
    }

    @Override
    public List<String> check(PlannedResource r) {
        return PlanIndex.text(r.getInputs().get("platformIdentifier")).filter(DEPRECATED::contains)
                .map(p -> List.of("platformIdentifier " + p + " is no longer supported")).orElse(List.of());
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "platformIdentifier");
    }
}
