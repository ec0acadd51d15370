package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-S3-07: buckets tagged mlinfra:purpose=checkpoints have Object Lock with a default retention. */
final class S3ObjectLockRule extends BucketRule {
    S3ObjectLockRule() {
        super(Control.S3_OBJECT_LOCK, "Checkpoints are the recovery point of a training run; Object Lock with a "
                + "default retention makes them write-once for that period, so neither a mistake nor an attacker can "
                + "delete them. Object Lock must be enabled when the bucket is created, and without a default "
                + "retention nothing is ever locked. Applies to buckets tagged mlinfra:purpose=checkpoints.");
    }

    @Override
    List<String> check(BucketView b) {
        if (!b.hasPurpose("checkpoints")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        boolean enabled = b.legacy
                ? "Enabled".equals(b.bucket.input("objectLockConfiguration.objectLockEnabled").orElse(null))
                        || PlanIndex.bool(b.bucket, "objectLockEnabled").orElse(false)
                : PlanIndex.bool(b.bucket, "objectLockEnabled").orElse(false);
        if (!enabled && !PlanIndex.isOpaque(b.bucket, "objectLockEnabled")) {
            out.add("the bucket is not created with Object Lock enabled (objectLockEnabled), which AWS allows only at creation");
        }
        boolean retention = b.legacy && !PlanIndex.isBlank(b.bucket, "objectLockConfiguration.rule.defaultRetention");
        for (PlannedResource l : b.related(Types.OBJECT_LOCK_V2)) {
            if (!PlanIndex.isBlank(l, "rule.defaultRetention")) {
                retention = true;
            }
        }
        if (!retention) {
            out.add("no Object Lock default retention (rule.defaultRetention) is configured, so nothing is locked");
        }
        return out;
    }

    @Override
    List<String> notEvaluated(BucketView b) {
        if (!b.hasPurpose("checkpoints") || "Enabled".equals(b.bucket.input("objectLockConfiguration.objectLockEnabled").orElse(null))
                || PlanIndex.bool(b.bucket, "objectLockEnabled").orElse(false)) {
            return List.of();
        }
        return b.bucket.input("objectLockEnabled").filter(PlanIndex::isOpaque)
                .map(v -> List.of("objectLockEnabled is " + v)).orElse(List.of());
    }
}
