package io.github.mlinfra.guard.rules;

import io.github.mlinfra.aws.NotebookPlatforms;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MLI-SM-12: the notebook runs a supported platform. The identifiers and dates come from
 * {@link NotebookPlatforms}, the same facts {@code HardenedNotebookArgs} checks: an Amazon Linux 1 or 2
 * identifier is a finding; {@code notebook-al2023-v1}, or no identifier at all (AWS's default is
 * {@code notebook-al2023-v1}), is compliant. So is an instance type of a family the platform in effect
 * does not run ({@code ml.p3.2xlarge} on AL2023, say): SageMaker would refuse to create the notebook.
 */
final class SmSupportedPlatformRule extends SimpleResourceRule {
    private static final Pattern INSTANCE_TYPE = Pattern.compile("ml\\.([a-z0-9]+)\\..+");

    SmSupportedPlatformRule() {
        super(Control.SM_SUPPORTED_PLATFORM, "Amazon Linux 1 and 2 notebook platforms (" + NotebookPlatforms.RETIRED
                + ") are out of support: AL2 reached end of support on " + NotebookPlatforms.AL2_END_OF_SUPPORT
                + " and SageMaker no longer creates or restarts AL2 notebooks from "
                + NotebookPlatforms.AL2_NO_CREATE_OR_RESTART_FROM + ". Leave platformIdentifier unset (AWS's default is "
                + NotebookPlatforms.AWS_DEFAULT + ") or name " + NotebookPlatforms.AL2023_V1 + ", and pick an instance "
                + "family AL2023 runs (not " + NotebookPlatforms.AL2023_UNSUPPORTED_FAMILIES + ").", Types.NOTEBOOK);
    }

    @Override
    public List<String> check(PlannedResource r) {
        List<String> out = new ArrayList<>();
        Object raw = r.getInputs().get("platformIdentifier");
        Optional<String> identifier = PlanIndex.text(raw);
        identifier.filter(NotebookPlatforms::isRetired).ifPresent(p -> out.add("platformIdentifier " + p
                + " is an Amazon Linux 1 or 2 platform, out of support; SageMaker no longer creates or restarts it from "
                + NotebookPlatforms.AL2_NO_CREATE_OR_RESTART_FROM));
        String platform = NotebookPlatforms.effective(identifier);
        if (platform.equals(NotebookPlatforms.AL2023_V1) && (raw == null || !PlanIndex.isOpaque(raw))) {
            PlanIndex.text(r.getInputs().get("instanceType")).map(INSTANCE_TYPE::matcher).filter(Matcher::matches)
                    .map(m -> m.group(1)).filter(NotebookPlatforms.AL2023_UNSUPPORTED_FAMILIES::contains)
                    .ifPresent(f -> out.add("instanceType " + r.getInputs().get("instanceType") + ": " + platform
                            + (identifier.isEmpty() ? " (AWS's default platform)" : "") + " notebooks do not run on ml." + f));
        }
        return out;
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "platformIdentifier");
    }
}
