package io.github.mlinfra.storage;

import io.github.mlinfra.CheckedValue;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waivable;
import io.github.mlinfra.controls.WaivableBuilder;
import io.github.mlinfra.kms.KeyReference;
import io.github.mlinfra.internal.MlInfraStyle;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.internal.Waivers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Arguments of a {@link SecureCheckpointBucket}. Every control is on by default; weaken one with
 * {@link Builder#waive(Control, String)}.
 *
 * <pre>{@code
 * SecureCheckpointBucketArgs.builder()
 *     .bucketPrefix("fraud-ckpt-")
 *     .retention(Retention.days(14))          // GOVERNANCE; COMPLIANCE needs Retention.complianceDays(..)
 *     .noncurrentVersionExpirationDays(60)
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class SecureCheckpointBucketArgs extends CheckedValue implements EncryptedBucketArgs {
    /**
     * The controls a SecureCheckpointBucket implements and may waive. MLI-S3-06 (versioning) is
     * not among them: Object Lock needs versioning. Waiving MLI-S3-07 leaves checkpoints deletable
     * and overwritable by anyone with write access; waiving MLI-S3-01 relies on the account-level
     * Block Public Access alone.
     */
    public static final List<Control> CONTROLS = List.of(Control.S3_BLOCK_PUBLIC_ACCESS, Control.S3_TLS_ONLY,
            Control.S3_MIN_TLS, Control.S3_ACLS_DISABLED, Control.S3_OBJECT_LOCK, Control.S3_LIFECYCLE,
            Control.S3_KMS_ENCRYPTION, Control.S3_BUCKET_KEY, Control.S3_ACCESS_LOGGING, Control.S3_DELETION_PROTECTION,
            Control.S3_PIN_KMS_KEY, Control.S3_DENY_SSE_C);

    /**
     * The bucket name (S3 naming rules: 3–63 lowercase letters, digits, dots, hyphens, …);
     * exclusive with {@link #getBucketPrefix()}.
     *
     * @return the name, if given
     * @defaultValue empty: Pulumi auto-names the bucket from {@code <name>-bucket}
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
     * The Object Lock default retention applied to every new checkpoint version.
     *
     * @return the retention
     * @defaultValue {@code Retention.days(30)}: GOVERNANCE, 30 days; a checkpoint cannot be
     *     overwritten or deleted for a month except by an administrator allowed to bypass governance
     */
    @Value.Default
    public Retention getRetention() {
        return Retention.days(30);
    }

    /**
     * The KMS key to encrypt with: a {@link io.github.mlinfra.kms.ManagedKey} of this program, or an existing
     * key by {@link KeyReference#fromArn(String)}. Its ARN is checked with
     * {@link io.github.mlinfra.aws.Arns#checkKmsKeyArn(String, String)} when it resolves (an alias is refused:
     * S3 stores the key ARN, and an alias can be repointed). An imported key's rotation and key policy are
     * its owner's.
     *
     * @return the key, if given
     * @defaultValue empty: the component creates a {@code ManagedKey} {@code <name>-key} (rotation on,
     *     30-day deletion window, protected)
     */
    public abstract Optional<KeyReference> getKmsKey();

    /**
     * The bucket receiving server access logs: an {@link AccessLogBucket} of this program, or an existing
     * bucket by {@link BucketReference#fromName(String)} (same account and region; its policy must let
     * {@code logging.s3.amazonaws.com} write under {@link #getAccessLogPrefix()}).
     *
     * @return the log bucket, if given
     * @defaultValue empty: the component creates an {@link AccessLogBucket} {@code <name>-access-logs}
     */
    public abstract Optional<BucketReference> getAccessLogBucket();

    /**
     * The key prefix of the access logs in the log bucket; logs go to {@code <prefix><name>/}.
     *
     * @return the prefix
     * @defaultValue {@code s3-access/}, what an {@link AccessLogBucket} allows by default
     */
    @Value.Default
    public String getAccessLogPrefix() {
        return AccessLogBucketArgs.DEFAULT_LOG_PREFIX;
    }

    /**
     * Days after which noncurrent checkpoint versions expire (1–36500, at least the retention
     * period: a locked version cannot expire before its retention ends).
     *
     * @return the days
     * @defaultValue 90, or the retention period when longer: superseded checkpoints stay
     *     recoverable for a quarter, then stop costing money
     */
    @Value.Default
    public int getNoncurrentVersionExpirationDays() {
        return Math.max(90, getRetention().periodDays());
    }

    /**
     * Tags on the bucket and key; {@code mlinfra:purpose=checkpoints} and waiver tags are added.
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
     * Builds {@link SecureCheckpointBucketArgs}; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableSecureCheckpointBucketArgs.Builder implements WaivableBuilder<Builder> {
        /** Use {@link SecureCheckpointBucketArgs#builder()}. */
        Builder() {}
    }

    /**
     * Validates every plain attribute (called by {@code build()}).
     *
     * @throws io.github.mlinfra.InvalidArgsException in the project's message format
     */
    @Override
    protected void check() {
        ResourceTags.checkUserTags("SecureCheckpointBucketArgs.tags", getTags(), getWaivers().size(), TagRules.Service.S3, TagRules.Service.KMS);
        String a = "SecureCheckpointBucketArgs";
        HardenedBucket.checkBucketNaming(a, getBucketName(), getBucketPrefix());
        CommonChecks.noncurrent(a, getNoncurrentVersionExpirationDays(),
                isWaived(Control.S3_OBJECT_LOCK) ? Optional.empty() : Optional.of(getRetention()));
        CommonChecks.logging(a, getAccessLogBucket().isPresent(), getAccessLogPrefix(), getWaivers());
        CommonChecks.key(a, getKmsKey().isPresent(), getWaivers());
        Waivers.checkApplicable(a, getWaivers(), CONTROLS);
    }
}
