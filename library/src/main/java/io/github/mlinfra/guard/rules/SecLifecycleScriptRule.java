package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/**
 * MLI-SEC-02: no credentials in notebook lifecycle scripts ({@code onCreate}, {@code onStart},
 * base64-decoded). The scripts are returned in full by
 * {@code DescribeNotebookInstanceLifecycleConfig}
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeNotebookInstanceLifecycleConfig.html,
 * looked up 2026-11-30).
 */
final class SecLifecycleScriptRule extends SecretsRule {
    SecLifecycleScriptRule() {
        super(Control.SEC_LIFECYCLE_SCRIPT, "A lifecycle script is returned in full to anyone allowed to describe the "
                + "lifecycle configuration, and runs as root on every notebook using it; a credential written into it is "
                + "a credential shared with all of them. Read credentials from Secrets Manager in the script instead.",
                "none for the script, its secrets framework by kind");
    }

    @Override
    public List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        for (PlannedResource r : plan.ofType(Types.NOTEBOOK_LIFECYCLE)) {
            for (String key : List.of("onCreate", "onStart")) {
                scanInput(out, r, key, true);
            }
        }
        return out;
    }
}
