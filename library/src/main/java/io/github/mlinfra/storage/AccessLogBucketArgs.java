package io.github.mlinfra.storage;

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
 * Arguments of an {@link AccessLogBucket}. Every control is on by default; weaken one with
 * {@link Builder#waive(Control, String)}.
 *
 * <pre>{@code
 * AccessLogBucketArgs.builder().logRetentionDays(400).build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class AccessLogBucketArgs extends CheckedValue implements BucketArgs, Waivable {
    /** The controls an AccessLogBucket implements and may waive. */
    public static final List<Control> CONTROLS = List.of(Control.S3_TLS_ONLY, Control.S3_MIN_TLS,
            Control.S3_LIFECYCLE, Control.S3_DELETION_PROTECTION, Control.S3_VERSIONING, Control.S3_DENY_SSE_C);
    /** The key prefix under which S3 delivers server access logs. */
    public static final String DEFAULT_LOG_PREFIX = "s3-access/";
    private static final Pattern LOG_PREFIX = Pattern.compile("[a-zA-Z0-9!_.()-]+(/[a-zA-Z0-9!_.()-]+)*/");

    /**
     * The bucket name (S3 naming rules); exclusive with {@link #getBucketPrefix()}.
     *
     * @return the name, if given
     * @defaultValue empty: Pulumi auto-names the bucket from the component name
     */
    public abstract Optional<String> getBucketName();

    /**
     * A bucket name prefix (at most 37 characters; Pulumi appends a random suffix).
     *
     * @return the prefix, if given
     * @defaultValue empty
     */
    public abstract Optional<String> getBucketPrefix();

    /**
     * The key prefix S3's logging service may write under (the bucket policy allows
     * {@code logging.s3.amazonaws.com} {@code s3:PutObject} there only).
     *
     * @return the prefix, ending with {@code /}
     * @defaultValue {@code s3-access/}: the mlinfra buckets log to {@code s3-access/<name>/}
     */
    @Value.Default
    public String getLogPrefix() {
        return DEFAULT_LOG_PREFIX;
    }

    /**
     * Days after which log objects expire (1–36500).
     *
     * @return the retention in days
     * @defaultValue 365: a year of access history for investigations, then deleted
     */
    @Value.Default
    public int getLogRetentionDays() {
        return 365;
    }

    /**
     * Days after which noncurrent log versions expire (1–36500).
     *
     * @return the days
     * @defaultValue 30: overwritten or deleted logs stay recoverable for a month
     */
    @Value.Default
    public int getNoncurrentVersionExpirationDays() {
        return 30;
    }

    /**
     * Tags on the bucket; {@code mlinfra:purpose=access-logs} and waiver tags are added.
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
     * Builds {@link AccessLogBucketArgs}; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableAccessLogBucketArgs.Builder implements WaivableBuilder<Builder> {
        /** Use {@link AccessLogBucketArgs#builder()}. */
        Builder() {}
    }

    /**
     * Validates every plain attribute (called by {@code build()}).
     *
     * @throws io.github.mlinfra.InvalidArgsException in the project's message format
     */
    @Override
    protected void check() {
        ResourceTags.checkUserTags("AccessLogBucketArgs.tags", getTags(), getWaivers().size(), TagRules.Service.S3);
        HardenedBucket.checkBucketNaming("AccessLogBucketArgs", getBucketName(), getBucketPrefix());
        Check.matches("AccessLogBucketArgs.logPrefix", getLogPrefix(), LOG_PREFIX,
                "a literal key prefix ending with \"/\" such as \"s3-access/\"");
        StorageChecks.positiveDays("AccessLogBucketArgs.logRetentionDays", getLogRetentionDays(), Retention.MAX_DAYS);
        StorageChecks.positiveDays("AccessLogBucketArgs.noncurrentVersionExpirationDays",
                getNoncurrentVersionExpirationDays(), Retention.MAX_DAYS);
        Waivers.checkApplicable("AccessLogBucketArgs", getWaivers(), CONTROLS);
    }
}
