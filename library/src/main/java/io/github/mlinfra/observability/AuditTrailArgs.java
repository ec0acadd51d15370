package io.github.mlinfra.observability;

import io.github.mlinfra.CheckedValue;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waivable;
import io.github.mlinfra.controls.WaivableBuilder;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.internal.Waivers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Arguments of an {@link AuditTrail}. Every control is on by default; weaken one with
 * {@link Builder#waive(Control, String)}.
 *
 * <pre>{@code
 * AuditTrailArgs.builder().trailName("ml-audit").logRetentionDays(400).build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class AuditTrailArgs extends CheckedValue implements Waivable {
    /** The controls an AuditTrail implements and may waive. */
    public static final List<Control> CONTROLS = List.of(Control.CT_MULTI_REGION, Control.CT_ENCRYPTION,
            Control.CT_LOG_VALIDATION, Control.CT_CLOUDWATCH, Control.LOGS_ENCRYPTED_RETAINED,
            Control.S3_DELETION_PROTECTION);
    /** The retention periods CloudWatch Logs accepts, in days. */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    static final Pattern TRAIL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]");
    static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9!_.()-]+(/[A-Za-z0-9!_.()-]+)*");

    /**
     * The trail name (3–128 letters, digits, {@code . _ -}, starting and ending with a letter or
     * digit); also used in the bucket policy's {@code aws:SourceArn} condition.
     *
     * @return the name, if given
     * @defaultValue empty: {@code <project>-<stack>-<component name>}, sanitised to CloudTrail's rules
     *     and shortened with a hash past 128 characters, so two stacks of one project in one account
     *     get different trails
     */
    public abstract Optional<String> getTrailName();

    /**
     * The key prefix of log files in the bucket (no leading or trailing {@code /}).
     *
     * @return the prefix, if any
     * @defaultValue empty: logs go to {@code AWSLogs/<account>/}
     */
    public abstract Optional<String> getS3KeyPrefix();

    /**
     * Retention of the CloudWatch Logs copy, in days (one of {@link #LOG_RETENTION_DAYS}).
     *
     * @return the retention
     * @defaultValue 365: a year of searchable API history; the S3 copy is kept by its lifecycle
     */
    @Value.Default
    public int getLogRetentionDays() {
        return 365;
    }

    /**
     * Tags on the trail, bucket, key and log group; waiver tags are added.
     *
     * @return the tags
     */
    public abstract Map<String, String> getTags();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link AuditTrailArgs}; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableAuditTrailArgs.Builder implements WaivableBuilder<Builder> {
        /** Use {@link AuditTrailArgs#builder()}. */
        Builder() {}
    }

    static void checkTrailName(String arg, String name) {
        if (!TRAIL_NAME.matcher(name).matches() || name.matches(".*[._-]{2}.*")) {
            Check.fail(arg, "malformed trail name", name,
                    "3 to 128 letters, digits, . _ -, starting and ending with a letter or digit, no adjacent . _ -");
        }
    }

    /**
     * Validates every plain attribute (called by {@code build()}).
     *
     * @throws io.github.mlinfra.InvalidArgsException in the project's message format
     */
    @Override
    protected void check() {
        ResourceTags.checkUserTags("AuditTrailArgs.tags", getTags(), getWaivers().size(), TagRules.Service.CLOUDTRAIL, TagRules.Service.S3, TagRules.Service.KMS, TagRules.Service.LOGS, TagRules.Service.IAM);
        getTrailName().ifPresent(n -> checkTrailName("AuditTrailArgs.trailName", n));
        getS3KeyPrefix().ifPresent(p -> Check.matches("AuditTrailArgs.s3KeyPrefix", p, KEY_PREFIX,
                "a key prefix without leading or trailing \"/\" such as \"cloudtrail\""));
        if (!LOG_RETENTION_DAYS.contains(getLogRetentionDays())) {
            Check.fail("AuditTrailArgs.logRetentionDays", "not a retention CloudWatch Logs accepts", getLogRetentionDays(),
                    "one of " + LOG_RETENTION_DAYS);
        }
        Waivers.checkApplicable("AuditTrailArgs", getWaivers(), CONTROLS);
    }
}
