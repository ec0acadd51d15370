package io.github.mlinfra.storage;

import io.github.mlinfra.CheckedValue;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waivable;
import io.github.mlinfra.controls.WaivableBuilder;
import io.github.mlinfra.kms.KeyReference;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.internal.Waivers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Arguments of a {@link SecureArtifactBucket}. Every control is on by default; weaken one with
 * {@link Builder#waive(Control, String)}.
 *
 * <pre>{@code
 * SecureArtifactBucketArgs.builder()
 *     .bucketPrefix("fraud-artifacts-")
 *     .kmsKey(existingKey)                  // optional: otherwise a ManagedKey is created
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class SecureArtifactBucketArgs extends CheckedValue implements EncryptedBucketArgs {
    /** The controls a SecureArtifactBucket implements and may waive. */
    public static final List<Control> CONTROLS = List.of(Control.S3_BLOCK_PUBLIC_ACCESS, Control.S3_TLS_ONLY,
            Control.S3_MIN_TLS, Control.S3_ACLS_DISABLED, Control.S3_VERSIONING, Control.S3_LIFECYCLE,
            Control.S3_KMS_ENCRYPTION, Control.S3_BUCKET_KEY, Control.S3_ACCESS_LOGGING, Control.S3_PIN_KMS_KEY,
            Control.S3_DENY_SSE_C, Control.S3_DELETION_PROTECTION);

    /**
     * The bucket name (S3 naming rules); exclusive with {@link #getBucketPrefix()}.
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
     * The KMS key to encrypt with: a {@link io.github.mlinfra.kms.ManagedKey} of this program, or an existing
     * key by {@link KeyReference#fromArn(String)}. Its ARN is checked with
     * {@link io.github.mlinfra.aws.Arns#checkKmsKeyArn(String, String)} when it resolves (an alias is refused:
     * S3 stores the key ARN, and an alias can be repointed). An imported key's rotation and key policy are
     * its owner's. The key's policy
     * must let this account's IAM policies use it.
     *
     * @return the key, if given
     * @defaultValue empty: the component creates a {@code ManagedKey} {@code <name>-key} (rotation on,
     *     30-day deletion window, protected)
     */
    public abstract Optional<KeyReference> getKmsKey();

    /**
     * The bucket receiving this bucket's server access logs: an {@link AccessLogBucket} of this program,
     * or an existing bucket by {@link BucketReference#fromName(String)} (same account and region; its policy
     * must let {@code logging.s3.amazonaws.com} write under {@link #getAccessLogPrefix()}).
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
     * An Object Lock default retention. Object Lock can only be turned on when the bucket is
     * created: adding it later replaces the bucket.
     *
     * @return the retention, if any
     * @defaultValue empty: artifacts are versioned but not locked (use a {@link SecureCheckpointBucket}
     *     for write-once data)
     */
    public abstract Optional<Retention> getObjectLock();

    /**
     * Days after which noncurrent object versions expire (1–36500, and not shorter than the Object
     * Lock retention).
     *
     * @return the days
     * @defaultValue 90, or the Object Lock retention when longer: old versions stay recoverable for
     *     a quarter, then stop costing money
     */
    @Value.Default
    public int getNoncurrentVersionExpirationDays() {
        return Math.max(90, getObjectLock().map(Retention::periodDays).orElse(0));
    }

    /**
     * Whether the bucket policy also denies uploads that carry no {@code x-amz-server-side-encryption}
     * header. Off by default because it breaks clients (SDK defaults, SageMaker, Spark writers)
     * that rely on the bucket's default encryption, which already encrypts every object with the
     * pinned key; turn it on when every writer sets the header.
     *
     * @return whether header-less uploads are denied
     * @defaultValue false: default encryption applies to header-less uploads
     */
    @Value.Default
    public boolean isRequireEncryptionHeaders() {
        return false;
    }

    /**
     * Statements appended to the bucket policy (service delivery, cross-account readers). An
     * {@code Allow} to the anyone principal is refused when the policy is built.
     *
     * @return the statement builders
     * @defaultValue none
     */
    public abstract List<BucketPolicyStatements> getAdditionalPolicyStatements();

    /**
     * Tags on the bucket and key; {@code mlinfra:managed-by}, {@code mlinfra:purpose} and waiver
     * tags are added, so user keys may not start with {@code mlinfra:}.
     *
     * @return the tags
     */
    public abstract Map<String, String> getTags();

    /** The purposes an artifact bucket may declare. */
    public static final java.util.List<String> PURPOSES = java.util.List.of("artifacts", "audit-logs");

    /**
     * What the bucket holds, recorded as the tag {@code mlinfra:purpose}: {@code artifacts}, or
     * {@code audit-logs} for a CloudTrail log bucket. Purpose-bound guard rules key on this tag, so
     * only these values are accepted (a bucket cannot declare itself out of a rule).
     *
     * @return the purpose
     * @defaultValue {@code artifacts}
     */
    @Value.Default
    public String getPurpose() {
        return "artifacts";
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link SecureArtifactBucketArgs}; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableSecureArtifactBucketArgs.Builder implements WaivableBuilder<Builder> {
        /** Use {@link SecureArtifactBucketArgs#builder()}. */
        Builder() {}
    }

    /**
     * Validates every plain attribute (called by {@code build()}).
     *
     * @throws io.github.mlinfra.InvalidArgsException in the project's message format
     */
    @Override
    protected void check() {
        ResourceTags.checkUserTags("SecureArtifactBucketArgs.tags", getTags(), getWaivers().size(), TagRules.Service.S3, TagRules.Service.KMS);
        if (!PURPOSES.contains(getPurpose())) {
            Check.fail("SecureArtifactBucketArgs.purpose", "not an artifact bucket purpose", getPurpose(), "one of " + PURPOSES);
        }
        String a = "SecureArtifactBucketArgs";
        HardenedBucket.checkBucketNaming(a, getBucketName(), getBucketPrefix());
        CommonChecks.noncurrent(a, getNoncurrentVersionExpirationDays(), getObjectLock());
        CommonChecks.logging(a, getAccessLogBucket().isPresent(), getAccessLogPrefix(), getWaivers());
        CommonChecks.key(a, getKmsKey().isPresent(), getWaivers());
        if (getObjectLock().isPresent() && isWaived(Control.S3_VERSIONING)) {
            Check.fail(a + ".waivers", "Object Lock needs versioning; MLI-S3-06 cannot be waived with objectLock",
                    Control.S3_VERSIONING.id(), "no objectLock, or versioning on");
        }
        if (isRequireEncryptionHeaders() && isWaived(Control.S3_KMS_ENCRYPTION)) {
            Check.fail(a + ".requireEncryptionHeaders", "encryption headers pin SSE-KMS, which MLI-S3-09 turns off",
                    true, "false when MLI-S3-09 is waived");
        }
        Waivers.checkApplicable(a, getWaivers(), CONTROLS);
    }
}
