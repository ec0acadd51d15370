package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-S3-11: server access logging is on. */
final class S3AccessLoggingRule extends BucketRule {
    S3AccessLoggingRule() {
        super(Control.S3_ACCESS_LOGGING, "Server access logs record every request, including those CloudTrail "
                + "data events do not cover by default; without them an exfiltration of weights or data leaves no trace.");
    }

    @Override
    List<String> check(BucketView b) {
        if (b.legacy && !PlanIndex.isBlank(b.bucket, "loggings")) {
            return List.of();
        }
        for (PlannedResource l : b.related(Types.LOGGING_V2)) {
            if (!PlanIndex.isBlank(l, "targetBucket")) {
                return List.of();
            }
        }
        return List.of("no access logging: " + (b.legacy ? "loggings is empty and " : "") + "no "
                + Types.LOGGING_V2 + " with a targetBucket refers to this bucket");
    }
}
