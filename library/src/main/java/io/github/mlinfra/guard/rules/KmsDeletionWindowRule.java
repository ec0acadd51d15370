package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-KMS-02: the deletion window is 30 days. */
final class KmsDeletionWindowRule extends SimpleResourceRule {
    KmsDeletionWindowRule() {
        super(Control.KMS_DELETION_WINDOW, "A scheduled key deletion destroys every object encrypted under the "
                + "key; the longest window (30 days, the default) leaves the most time to notice and cancel it.",
                Types.KMS_KEY);
    }

    @Override
    public List<String> check(PlannedResource r) {
        Object v = r.input("deletionWindowInDays").orElse(null);
        if (v == null || PlanIndex.isOpaque(v) || (v instanceof Number n && n.longValue() == 30)) {
            return List.of();
        }
        return List.of("deletionWindowInDays is " + v + ", expected 30");
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "deletionWindowInDays");
    }
}
