package io.github.mlinfra.guard.rules;

import java.util.ArrayList;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import java.util.List;

/** MLI-S3-10: with SSE-KMS, the S3 bucket key is enabled. */
final class S3BucketKeyRule extends BucketRule {
    S3BucketKeyRule() {
        super(Control.S3_BUCKET_KEY, "Without a bucket key, SSE-KMS calls KMS for every object; training jobs "
                + "that write many shards hit KMS request quotas and cost. Applies to buckets encrypted with SSE-KMS.");
    }

    @Override
    List<String> check(BucketView b) {
        if (!b.usesKms()) {
            return List.of();
        }
        for (Object r : b.encryptionRules()) {
            Object v = PlanIndex.get(r, "bucketKeyEnabled");
            if (Boolean.TRUE.equals(v) || "true".equals(v) || PlanIndex.isOpaque(v)) {
                return List.of();
            }
        }
        return List.of("SSE-KMS is on but bucketKeyEnabled is not true: every object costs a KMS request");
    }

    @Override
    List<String> notEvaluated(BucketView b) {
        if (!b.usesKms()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object r : b.encryptionRules()) {
            Object v = PlanIndex.get(r, "bucketKeyEnabled");
            if (Boolean.TRUE.equals(v) || "true".equals(v)) {
                return List.of();
            }
            if (PlanIndex.isOpaque(v)) {
                out.add("bucketKeyEnabled is " + v);
            }
        }
        return out;
    }
}
