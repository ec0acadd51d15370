package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-CT-02: trail logs are KMS-encrypted. */
final class CtEncryptionRule extends SimpleResourceRule {
    CtEncryptionRule() {
        super(Control.CT_ENCRYPTION, "Trail logs reveal the account's structure and activity; a KMS key limits who "
                + "can read them beyond bucket access.", Types.TRAIL);
    }

    @Override
    public List<String> check(PlannedResource r) {
        return PlanIndex.isBlank(r, "kmsKeyId") ? List.of("kmsKeyId is not set") : List.of();
    }
}
