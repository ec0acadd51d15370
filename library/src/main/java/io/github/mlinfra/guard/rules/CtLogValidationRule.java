package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-CT-03: log file validation is on. */
final class CtLogValidationRule extends SimpleResourceRule {
    CtLogValidationRule() {
        super(Control.CT_LOG_VALIDATION, "Digest files let an investigator prove the logs were not altered or "
                + "deleted after delivery.", Types.TRAIL);
    }

    @Override
    public List<String> check(PlannedResource r) {
        if (PlanIndex.isOpaque(r, "enableLogFileValidation") || PlanIndex.bool(r, "enableLogFileValidation").orElse(false)) {
            return List.of();
        }
        return List.of("enableLogFileValidation is not true");
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "enableLogFileValidation");
    }
}
