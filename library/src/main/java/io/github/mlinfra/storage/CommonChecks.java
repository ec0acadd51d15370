package io.github.mlinfra.storage;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.Waivers;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Argument checks shared by the checkpoint and artifact bucket args. */
final class CommonChecks {
    private static final Pattern LOG_PREFIX = Pattern.compile("([a-zA-Z0-9!_.()-]+/)+");

    private CommonChecks() {}

    static void noncurrent(String argsName, int days, Optional<Retention> retention) {
        StorageChecks.positiveDays(argsName + ".noncurrentVersionExpirationDays", days, Retention.MAX_DAYS);
        retention.ifPresent(r -> {
            if (days < r.periodDays()) {
                Check.fail(argsName + ".noncurrentVersionExpirationDays", "shorter than the Object Lock retention"
                        + " (locked versions cannot expire before it ends)", days, "at least " + r.periodDays() + " days");
            }
        });
    }

    static void logging(String argsName, boolean logBucketGiven, String prefix, List<Waiver> waivers) {
        Check.matches(argsName + ".accessLogPrefix", prefix, LOG_PREFIX, "a literal key prefix ending with \"/\" such as \"s3-access/\"");
        if (logBucketGiven && Waivers.waived(waivers, Control.S3_ACCESS_LOGGING)) {
            Check.fail(argsName + ".accessLogBucket", "a log bucket is given but MLI-S3-11 (access logging) is waived",
                    "a log bucket", "no log bucket, or no waiver of MLI-S3-11");
        }
    }

    static void key(String argsName, boolean keyGiven, List<Waiver> waivers) {
        if (keyGiven && Waivers.waived(waivers, Control.S3_KMS_ENCRYPTION)) {
            Check.fail(argsName + ".kmsKey", "a KMS key is given but MLI-S3-09 (SSE-KMS) is waived",
                    "a key", "no kmsKey, or no waiver of MLI-S3-09");
        }
    }
}
