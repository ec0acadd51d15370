package io.github.mlinfra.guard.rules;

import io.github.mlinfra.aws.NotebookPlatforms;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/**
 * MLI-SM-12: the notebook runs a supported platform. The identifiers and dates come from
 * {@link NotebookPlatforms}, the same facts {@code HardenedNotebookArgs} checks: an Amazon Linux 1 or 2
 * identifier is a finding; {@code notebook-al2023-v1}, or no identifier at all (AWS's default is
 * {@code notebook-al2023-v1}), is compliant.
 */
final class SmSupportedPlatformRule extends SimpleResourceRule {
    SmSupportedPlatformRule() {
        super(Control.SM_SUPPORTED_PLATFORM, "Amazon Linux 1 and 2 notebook platforms (" + NotebookPlatforms.RETIRED
                + ") are out of support: AL2 reached end of support on " + NotebookPlatforms.AL2_END_OF_SUPPORT
                + " and SageMaker no longer creates or restarts AL2 notebooks from "
                + NotebookPlatforms.AL2_NO_CREATE_OR_RESTART_FROM + ". Leave platformIdentifier unset (AWS's default is "
                + NotebookPlatforms.AWS_DEFAULT + ") or name " + NotebookPlatforms.AL2023_V1 + ".", Types.NOTEBOOK);
    }

    @Override
    public List<String> check(PlannedResource r) {
        return PlanIndex.text(r.getInputs().get("platformIdentifier")).filter(NotebookPlatforms::isRetired)
                .map(p -> List.of("platformIdentifier " + p + " is an Amazon Linux 1 or 2 platform, out of support; "
                        + "SageMaker no longer creates or restarts it from " + NotebookPlatforms.AL2_NO_CREATE_OR_RESTART_FROM))
                .orElse(List.of());
    }
}
