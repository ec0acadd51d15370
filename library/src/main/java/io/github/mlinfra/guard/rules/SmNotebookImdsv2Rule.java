package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-SM-05: the notebook requires IMDSv2. */
final class SmNotebookImdsv2Rule extends SimpleResourceRule {
    SmNotebookImdsv2Rule() {
        super(Control.SM_NOTEBOOK_IMDSV2, "Notebooks run arbitrary code and fetch arbitrary URLs; with IMDSv1 an "
                + "SSRF hands out the execution role's credentials.", Types.NOTEBOOK);
    }

    @Override
    public List<String> check(PlannedResource r) {
        if (PlanIndex.isOpaque(r, "instanceMetadataServiceConfiguration")) {
            return List.of();
        }
        Object v = r.input("instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion").orElse(null);
        if ("2".equals(String.valueOf(v)) || PlanIndex.isOpaque(v)) {
            return List.of();
        }
        return List.of("instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion is "
                + (v == null ? "not set (IMDSv1 allowed)" : v) + ", expected \"2\"");
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "instanceMetadataServiceConfiguration", "instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion");
    }
}
