package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-S3-08: a lifecycle expires noncurrent versions and aborts incomplete multipart uploads. */
final class S3LifecycleRule extends BucketRule {
    S3LifecycleRule() {
        super(Control.S3_LIFECYCLE, "Versioning keeps every overwritten checkpoint and every abandoned multipart "
                + "upload keeps its parts; without expiry rules storage (and cost) grows without bound.");
    }

    @Override
    List<String> check(BucketView b) {
        boolean noncurrent = false;
        boolean abort = false;
        if (b.legacy) {
            for (Object r : PlanIndex.list(b.bucket, "lifecycleRules")) {
                if (Boolean.FALSE.equals(PlanIndex.get(r, "enabled"))) {
                    continue;
                }
                noncurrent |= PlanIndex.get(r, "noncurrentVersionExpiration") != null;
                abort |= PlanIndex.get(r, "abortIncompleteMultipartUploadDays") != null;
            }
        }
        for (PlannedResource l : b.related(Types.LIFECYCLE_V2)) {
            for (Object r : PlanIndex.list(l, "rules")) {
                if ("Disabled".equals(PlanIndex.get(r, "status"))) {
                    continue;
                }
                noncurrent |= PlanIndex.get(r, "noncurrentVersionExpiration") != null;
                abort |= PlanIndex.get(r, "abortIncompleteMultipartUpload") != null;
            }
        }
        List<String> out = new ArrayList<>();
        if (!noncurrent) {
            out.add("no enabled lifecycle rule expires noncurrent versions");
        }
        if (!abort) {
            out.add("no enabled lifecycle rule aborts incomplete multipart uploads");
        }
        return out.isEmpty() ? out : List.of(String.join("; ", out));
    }
}
