package io.github.mlinfra.storage;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketObjectLockConfigurationV2;
import com.pulumi.aws.s3.BucketObjectLockConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketObjectLockConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketObjectLockConfigurationV2RuleDefaultRetentionArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.iam.Grant;
import io.github.mlinfra.internal.AwsContext;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.internal.Waivers;
import io.github.mlinfra.aws.Arns;
import io.github.mlinfra.kms.KeyReference;
import io.github.mlinfra.kms.ManagedKey;
import io.github.mlinfra.kms.ManagedKeyArgs;
import io.github.mlinfra.policy.Condition;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Principal;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;
import org.immutables.value.Value;

/**
 * The hardening every bucket of this package shares (package-private, not API): the bucket and
 * its versioning, Object Lock, default encryption, Block Public Access, ownership controls,
 * TLS-only policy, lifecycle and access logging children, each switched off only by its waiver.
 */
final class HardenedBucket {
    /** The minimum TLS version the policy requires. */
    static final String MIN_TLS = "1.2";
    /** Days after which incomplete multipart uploads are aborted. */
    static final int ABORT_MULTIPART_DAYS = 7;

    /** Statements a component adds to the bucket policy once ARNs are known. */
    interface ExtraStatements {
        List<Statement> build(String bucketArn, @Nullable String keyArn, AwsContext.Values aws);
    }

    /**
     * What to build, filled by each component from its args: an immutable value, so the recipe a
     * component hands over cannot change while the children are created.
     */
    @Value.Immutable
    @MlInfraStyle
    abstract static class Spec {
        /** The args type, for messages, e.g. {@code SecureCheckpointBucketArgs}. */
        abstract String getArgsName();

        /** The {@code mlinfra:purpose} tag value of the bucket and its key. */
        abstract String getPurpose();

        abstract Optional<String> getBucketName();

        abstract Optional<String> getBucketPrefix();

        /** SSE-KMS with this key (validated when it resolves); empty: create a ManagedKey unless a log target. */
        abstract Optional<KeyReference> getKmsKey();

        /**
         * An access-log target: SSE-S3 (AES256), since S3 log delivery cannot write to an SSE-KMS
         * bucket, and no access logging of its own. Default false: SSE-KMS, and access logged.
         */
        @Value.Default
        boolean isLogTarget() {
            return false;
        }

        /** The description of the key created when no key is given. */
        @Value.Default
        String getKeyDescription() {
            return "mlinfra bucket key";
        }

        abstract Optional<Retention> getObjectLock();

        abstract int getNoncurrentVersionDays();

        abstract Optional<Integer> getExpirationDays();

        /** Logging target; empty: create an AccessLogBucket unless logging is waived or this is a log target. */
        abstract Optional<BucketReference> getAccessLogBucket();

        @Value.Default
        String getAccessLogPrefix() {
            return AccessLogBucketArgs.DEFAULT_LOG_PREFIX;
        }

        abstract Map<String, String> getTags();

        abstract List<Waiver> getWaivers();

        /** The component's own statements; default none. */
        @Value.Default
        ExtraStatements getExtraStatements() {
            return (b, k, v) -> List.of();
        }

        /** Whether {@link #getExtraStatements()} adds at least one statement (known before ARNs resolve). */
        @Value.Default
        boolean isHasExtraStatements() {
            return false;
        }

        boolean waived(Control c) {
            return Waivers.waived(getWaivers(), c);
        }

        static ImmutableSpec.Builder builder() {
            return ImmutableSpec.builder();
        }

        /** A spec builder filled from the arguments every hardened bucket has. */
        static ImmutableSpec.Builder of(String argsName, String purpose, BucketArgs args) {
            return builder()
                    .argsName(argsName)
                    .purpose(purpose)
                    .bucketName(args.getBucketName())
                    .bucketPrefix(args.getBucketPrefix())
                    .noncurrentVersionDays(args.getNoncurrentVersionExpirationDays())
                    .tags(args.getTags());
        }

        /** A spec builder filled from the arguments the SSE-KMS buckets share. */
        static ImmutableSpec.Builder of(String argsName, String purpose, String keyDescription, EncryptedBucketArgs args) {
            return of(argsName, purpose, (BucketArgs) args)
                    .kmsKey(args.getKmsKey())
                    .keyDescription(keyDescription)
                    .accessLogBucket(args.getAccessLogBucket())
                    .accessLogPrefix(args.getAccessLogPrefix())
                    .waivers(args.getWaivers());
        }
    }

    final Output<String> bucketName;
    final Output<String> bucketArn;
    /** Resolves to null when the bucket is not SSE-KMS encrypted. */
    final Output<String> keyArn;

    private HardenedBucket(BucketV2 bucket, Output<String> keyArn) {
        this.bucketName = bucket.bucket();
        this.bucketArn = bucket.arn();
        this.keyArn = keyArn;
    }

    static Map<String, String> tags(Spec spec) {
        return ResourceTags.of(TagRules.Service.S3).user(spec.getTags()).purpose(spec.getPurpose()).waivers(spec.getWaivers()).build();
    }

    static HardenedBucket create(ComponentResource parent, String name, Spec spec) {
        List<Waiver> w = spec.getWaivers();
        AwsContext aws = AwsContext.of(parent);
        boolean protect = !spec.waived(Control.S3_DELETION_PROTECTION);
        boolean kms = !spec.isLogTarget() && !spec.waived(Control.S3_KMS_ENCRYPTION);
        boolean lock = spec.getObjectLock().isPresent() && !spec.waived(Control.S3_OBJECT_LOCK);
        String keyArg = spec.getArgsName() + ".kmsKey";

        // --- key -----------------------------------------------------------------------------
        ManagedKey managedKey = null;
        Output<String> keyArn;
        if (!kms) {
            keyArn = Output.ofNullable((String) null);
        } else if (spec.getKmsKey().isPresent()) {
            keyArn = spec.getKmsKey().get().keyArn().applyValue(a -> Arns.checkKmsKeyArn(keyArg, a));
        } else {
            var keyArgs = ManagedKeyArgs.builder()
                    .description(spec.getKeyDescription())
                    .putAllTags(spec.getTags())
                    .purpose(spec.getPurpose());
            if (!protect) {
                keyArgs.waive(Control.KMS_DELETION_PROTECTION, justification(w, Control.S3_DELETION_PROTECTION));
            }
            managedKey = new ManagedKey(name + "-key", keyArgs.build(),
                    ComponentResourceOptions.builder().parent(parent).build());
            keyArn = managedKey.keyArn();
        }

        // --- bucket ----------------------------------------------------------------------------
        var bucketArgs = BucketV2Args.builder()
                .objectLockEnabled(lock)
                .forceDestroy(false)
                .tags(tags(spec));
        spec.getBucketName().ifPresent(bucketArgs::bucket);
        spec.getBucketPrefix().ifPresent(bucketArgs::bucketPrefix);
        var bucket = new BucketV2(name + "-bucket", bucketArgs.build(),
                CustomResourceOptions.builder().parent(parent).protect(protect).build());
        CustomResourceOptions child = CustomResourceOptions.builder().parent(parent).build();

        // --- versioning and Object Lock ----------------------------------------------------------
        BucketVersioningV2 versioning = null;
        if (!spec.waived(Control.S3_VERSIONING)) {
            versioning = new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                    .bucket(bucket.id())
                    .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                            .status("Enabled").build())
                    .build(), child);
        }
        if (lock) {
            Retention r = spec.getObjectLock().get();
            var retention = BucketObjectLockConfigurationV2RuleDefaultRetentionArgs.builder().mode(r.getMode().name());
            r.getDays().ifPresent(retention::days);
            r.getYears().ifPresent(retention::years);
            new BucketObjectLockConfigurationV2(name + "-object-lock", BucketObjectLockConfigurationV2Args.builder()
                    .bucket(bucket.id())
                    .objectLockEnabled("Enabled")
                    .rule(BucketObjectLockConfigurationV2RuleArgs.builder().defaultRetention(retention.build()).build())
                    .build(), childAfter(parent, versioning));
        }

        // --- default encryption ------------------------------------------------------------------
        var byDefault = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder();
        var rule = BucketServerSideEncryptionConfigurationV2RuleArgs.builder();
        if (kms) {
            byDefault.sseAlgorithm("aws:kms").kmsMasterKeyId(keyArn);
            rule.bucketKeyEnabled(!spec.waived(Control.S3_BUCKET_KEY));
        } else {
            byDefault.sseAlgorithm("AES256");
        }
        var sse = new BucketServerSideEncryptionConfigurationV2(name + "-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(rule.applyServerSideEncryptionByDefault(byDefault.build()).build())
                        .build(), child);

        // --- public access, ownership --------------------------------------------------------------
        BucketPublicAccessBlock pab = null;
        if (!spec.waived(Control.S3_BLOCK_PUBLIC_ACCESS)) {
            pab = new BucketPublicAccessBlock(name + "-public-access-block", BucketPublicAccessBlockArgs.builder()
                    .bucket(bucket.id())
                    .blockPublicAcls(true)
                    .blockPublicPolicy(true)
                    .ignorePublicAcls(true)
                    .restrictPublicBuckets(true)
                    .build(), child);
        }
        var ownership = new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder()
                        .objectOwnership(spec.waived(Control.S3_ACLS_DISABLED) ? "BucketOwnerPreferred" : "BucketOwnerEnforced")
                        .build())
                .build(), child);

        // --- bucket policy ------------------------------------------------------------------------
                boolean anyStatement = !spec.waived(Control.S3_TLS_ONLY) || !spec.waived(Control.S3_MIN_TLS)
                || spec.isHasExtraStatements();
        if (anyStatement) {
            Output<PolicyDocument> doc = Output.tuple(bucket.arn(), keyArn.applyValue(Optional::ofNullable), aws.values())
                    .applyValue(t -> policy(spec, t.t1, t.t2.orElse(null), t.t3));
            var policy = new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                    .bucket(bucket.id())
                    .policy(PolicyDocument.toJson(doc))
                    .build(), childAfter(parent, pab));
        }

        // --- lifecycle ------------------------------------------------------------------------------
        if (!spec.waived(Control.S3_LIFECYCLE)) {
            List<BucketLifecycleConfigurationV2RuleArgs> rules = new ArrayList<>();
            rules.add(wholeBucketRule("abort-incomplete-multipart-uploads")
                    .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs
                            .builder().daysAfterInitiation(ABORT_MULTIPART_DAYS).build())
                    .build());
            rules.add(wholeBucketRule("expire-noncurrent-versions")
                    .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs
                            .builder().noncurrentDays(spec.getNoncurrentVersionDays()).build())
                    .build());
            spec.getExpirationDays().ifPresent(d -> rules.add(wholeBucketRule("expire-objects")
                    .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(d).build())
                    .build()));
            new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                    .bucket(bucket.id())
                    .rules(rules)
                    .build(), childAfter(parent, versioning));
        }

        // --- access logging -------------------------------------------------------------------------
        if (!spec.isLogTarget() && !spec.waived(Control.S3_ACCESS_LOGGING)) {
            Output<String> target;
            Resource targetResource = null;
            if (spec.getAccessLogBucket().isPresent()) {
                target = spec.getAccessLogBucket().get().bucketName();
            } else {
                var logArgs = AccessLogBucketArgs.builder().putAllTags(spec.getTags());
                if (!protect) {
                    logArgs.waive(Control.S3_DELETION_PROTECTION, justification(w, Control.S3_DELETION_PROTECTION));
                }
                var logs = new AccessLogBucket(name + "-access-logs", logArgs.build(),
                        ComponentResourceOptions.builder().parent(parent).build());
                target = logs.bucketName();
                targetResource = logs;
            }
            new BucketLoggingV2(name + "-access-logging", BucketLoggingV2Args.builder()
                    .bucket(bucket.id())
                    .targetBucket(target)
                    .targetPrefix(spec.getAccessLogPrefix() + name + "/")
                    .build(), childAfter(parent, targetResource));
        }
        return new HardenedBucket(bucket, keyArn);
    }

    /**
     * Options of a child of the component that AWS must create after another child (versioning
     * before Object Lock and lifecycle, the public access block before the policy, the log bucket
     * before logging), or right away when that child was not created (its control waived).
     */
    private static CustomResourceOptions childAfter(Resource parent, @Nullable Resource after) {
        var options = CustomResourceOptions.builder().parent(parent);
        if (after != null) {
            options.dependsOn(after);
        }
        return options.build();
    }

    /** An enabled lifecycle rule over every object of the bucket (an empty prefix filter). */
    private static BucketLifecycleConfigurationV2RuleArgs.Builder wholeBucketRule(String id) {
        return BucketLifecycleConfigurationV2RuleArgs.builder()
                .id(id)
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build());
    }

    private static String justification(List<Waiver> waivers, Control control) {
        return waivers.stream().filter(x -> x.getControl() == control).findFirst().orElseThrow().getJustification();
    }

    /** The bucket policy: TLS-only, TLS 1.2 minimum, then the component's own statements. */
    static PolicyDocument policy(Spec spec, String bucketArn, @Nullable String keyArn, AwsContext.Values aws) {
        List<Statement> s = new ArrayList<>();
        if (!spec.waived(Control.S3_TLS_ONLY)) {
            s.add(deny("DenyInsecureTransport", "s3:*", List.of(bucketArn, bucketArn + "/*"),
                    Condition.of("Bool", "aws:SecureTransport", "false")));
        }
        if (!spec.waived(Control.S3_MIN_TLS)) {
            s.add(deny("DenyOutdatedTls", "s3:*", List.of(bucketArn, bucketArn + "/*"),
                    Condition.of("NumericLessThan", "s3:TlsVersion", MIN_TLS)));
        }
        s.addAll(spec.getExtraStatements().build(bucketArn, keyArn, aws));
        return PolicyDocument.builder().id("mlinfra-" + spec.getPurpose() + "-bucket-policy").addAllStatements(s).build();
    }

    /**
     * The encryption statements every hardened bucket carries: key pinning (MLI-S3-12) in
     * statements of their own (an upload naming another key, {@code aws:kms} without a key id, or
     * an {@code AES256} override is denied; an upload with no encryption header still gets the
     * default), SSE-C denied (MLI-S3-13), and, as an option, uploads without encryption headers
     * denied.
     */
    static List<Statement> encryptionStatements(List<Waiver> waivers, String bucketArn, @Nullable String keyArn,
                                                boolean requireHeaders) {
        List<Statement> s = new ArrayList<>();
        String objects = bucketArn + "/*";
        if (keyArn != null && !Waivers.waived(waivers, Control.S3_PIN_KMS_KEY)) {
            String keyId = keyArn.substring(keyArn.indexOf(":key/") + ":key/".length());
            s.add(deny("DenyOtherKmsKeys", objects, Condition.of("ForAnyValue:StringNotEquals", SecureArtifactBucket.KMS_KEY_ID, keyArn, keyId)));
            s.add(deny("DenyKmsWithoutKeyId", objects,
                    Condition.of("StringEquals", SecureArtifactBucket.SSE, "aws:kms", "aws:kms:dsse"),
                    Condition.of("Null", SecureArtifactBucket.KMS_KEY_ID, "true")));
            s.add(deny("DenySseS3Override", objects, Condition.of("StringEquals", SecureArtifactBucket.SSE, "AES256")));
        }
        if (!Waivers.waived(waivers, Control.S3_DENY_SSE_C)) {
            s.add(deny("DenySseC", objects, Condition.of("Null", SecureArtifactBucket.SSE_C, "false")));
        }
        if (requireHeaders) {
            s.add(deny("DenyUnencryptedObjectUploads", objects, Condition.of("Null", SecureArtifactBucket.SSE, "true")));
        }
        return s;
    }

    /** Denies everyone {@code s3:PutObject} on the objects when all the conditions hold. */
    private static Statement deny(String sid, String objects, Condition... conditions) {
        return deny(sid, "s3:PutObject", List.of(objects), conditions);
    }

    /** Denies everyone an S3 action on the resources when all the conditions hold. */
    private static Statement deny(String sid, String action, List<String> resources, Condition... conditions) {
        return Statement.builder()
                .sid(sid)
                .effect(Effect.Deny)
                .principal(Principal.anyone())
                .addActions(action)
                .addAllResources(resources)
                .addConditions(conditions)
                .build();
    }


    // --- grants --------------------------------------------------------------------------------

    /**
     * Object actions on {@code arn/prefix*}, {@code s3:ListBucket} limited to the prefix, and the
     * KMS actions on the key (when the bucket is SSE-KMS encrypted).
     */
    Grant grant(String arg, String prefix, String sid, List<String> objectActions, List<String> kmsActions) {
        StorageChecks.objectPrefix(arg, prefix);
        return Grant.of(Output.tuple(bucketArn, keyArn.applyValue(Optional::ofNullable)).applyValue(t -> {
            List<Statement> out = new ArrayList<>();
            out.add(Statement.builder()
                    .sid(sid + "Objects")
                    .effect(Effect.Allow)
                    .addAllActions(objectActions)
                    .addResources(t.t1 + "/" + prefix + "*")
                    .build());
            var list = Statement.builder()
                    .sid(sid + "List")
                    .effect(Effect.Allow)
                    .addActions("s3:ListBucket")
                    .addResources(t.t1);
            if (!prefix.isEmpty()) {
                list.addConditions(Condition.of("StringLike", "s3:prefix", prefix + "*"));
            }
            out.add(list.build());
            t.t2.ifPresent(key -> out.add(Statement.builder()
                    .sid(sid + "Key")
                    .effect(Effect.Allow)
                    .addAllActions(kmsActions)
                    .addResources(key)
                    .build()));
            return List.copyOf(out);
        }));
    }

    static void checkBucketNaming(String argsName, Optional<String> name, Optional<String> prefix) {
        if (name.isPresent() && prefix.isPresent()) {
            Check.fail(argsName + ".bucketPrefix", "bucketName and bucketPrefix are exclusive",
                    prefix.get(), "either bucketName or bucketPrefix");
        }
        name.ifPresent(n -> StorageChecks.bucketName(argsName + ".bucketName", n));
        prefix.ifPresent(p -> StorageChecks.bucketPrefix(argsName + ".bucketPrefix", p));
    }
}
