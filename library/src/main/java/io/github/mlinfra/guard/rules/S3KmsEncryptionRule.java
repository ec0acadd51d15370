package io.github.mlinfra.guard.rules;

import java.util.ArrayList;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import java.util.List;

/** MLI-S3-09: default encryption is SSE-KMS with a customer-managed key. */
final class S3KmsEncryptionRule extends BucketRule {
    S3KmsEncryptionRule() {
        super(Control.S3_KMS_ENCRYPTION, "SSE-S3 encrypts with a key anyone with s3:GetObject can use; SSE-KMS "
                + "with a customer-managed key adds a second permission (kms:Decrypt) and a CloudTrail record of "
                + "every use, and the key can be disabled to cut access at once.");
    }

    @Override
    List<String> check(BucketView b) {
        List<Object> rules = b.encryptionRules();
        if (rules.isEmpty()) {
            return List.of("no default encryption configuration refers to this bucket (SSE-S3 by default)");
        }
        for (Object r : rules) {
            Object d = PlanIndex.get(r, "applyServerSideEncryptionByDefault");
            Object alg = PlanIndex.get(d, "sseAlgorithm");
            Object key = PlanIndex.get(d, "kmsMasterKeyId");
            if (String.valueOf(alg).startsWith("aws:kms") && key != null && !"".equals(key) || PlanIndex.isOpaque(alg)) {
                return List.of();
            }
        }
        Object alg = PlanIndex.get(PlanIndex.get(rules.get(0), "applyServerSideEncryptionByDefault"), "sseAlgorithm");
        return List.of("default encryption is sseAlgorithm=" + alg + " without a customer-managed kmsMasterKeyId");
    }

    @Override
    List<String> notEvaluated(BucketView b) {
        List<String> out = new ArrayList<>();
        for (Object r : b.encryptionRules()) {
            Object d = PlanIndex.get(r, "applyServerSideEncryptionByDefault");
            Object alg = PlanIndex.get(d, "sseAlgorithm");
            Object key = PlanIndex.get(d, "kmsMasterKeyId");
            if (String.valueOf(alg).startsWith("aws:kms") && key != null && !"".equals(key)) {
                return List.of();
            }
            if (PlanIndex.isOpaque(alg)) {
                out.add("applyServerSideEncryptionByDefault.sseAlgorithm is " + alg);
            }
        }
        return out;
    }
}
