package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-SM-04: the notebook volume uses a customer-managed KMS key. */
final class SmNotebookKmsRule extends SimpleResourceRule {
    SmNotebookKmsRule() {
        super(Control.SM_NOTEBOOK_KMS, "The notebook's ML storage volume holds data and credentials; a "
                + "customer-managed key makes its use auditable and revocable.", Types.NOTEBOOK);
    }

    @Override
    public List<String> check(PlannedResource r) {
        return PlanIndex.isBlank(r, "kmsKeyId") ? List.of("kmsKeyId is not set (the volume uses an AWS-managed key)") : List.of();
    }
}
