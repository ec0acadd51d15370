package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-KMS-01: automatic rotation is on (symmetric keys). */
final class KmsRotationRule extends SimpleResourceRule {
    KmsRotationRule() {
        super(Control.KMS_ROTATION, "Rotation limits how much data one key version protects and is required by "
                + "most compliance frameworks; AWS keeps old versions, so rotation never breaks decryption. "
                + "Applies to symmetric keys (asymmetric and HMAC keys cannot rotate).", Types.KMS_KEY);
    }

    @Override
    public List<String> check(PlannedResource r) {
        Object spec = r.input("customerMasterKeySpec").orElse("SYMMETRIC_DEFAULT");
        if (!"SYMMETRIC_DEFAULT".equals(spec) || PlanIndex.isOpaque(r, "enableKeyRotation")
                || PlanIndex.bool(r, "enableKeyRotation").orElse(false)) {
            return List.of();
        }
        return List.of("enableKeyRotation is not true");
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        if (PlanIndex.isOpaque(r, "customerMasterKeySpec")) {
            return opaque(r, "customerMasterKeySpec");
        }
        Object spec = r.input("customerMasterKeySpec").orElse("SYMMETRIC_DEFAULT");
        return "SYMMETRIC_DEFAULT".equals(spec) ? opaque(r, "enableKeyRotation") : List.of();
    }
}
