package io.github.mlinfra.storage;

import io.github.mlinfra.internal.Names;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.iam.Grant;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.Principal;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/**
 * An S3 bucket for ML artifacts (datasets, models, evaluation reports) with SSE-KMS under a
 * customer-managed key and the bucket key, versioning, a lifecycle for noncurrent versions and
 * stale multipart uploads, server access logging, Block Public Access, BucketOwnerEnforced, and
 * a bucket policy that denies non-TLS and pre-TLS-1.2 requests, uploads naming any other KMS key,
 * SSE-KMS uploads without a key id (S3 would use the AWS-managed {@code aws/s3} key), SSE-S3
 * overrides and SSE-C uploads. The bucket and key are {@code protect}ed; {@code forceDestroy}
 * is never set.
 *
 * <pre>{@code
 * var artifacts = new SecureArtifactBucket("artifacts", SecureArtifactBucketArgs.builder().build());
 * var role = new ServiceRole("trainer", ServiceRoleArgs.builder()
 *     .service("sagemaker.amazonaws.com")
 *     .addGrants(artifacts.grantReadArtifacts("datasets/"), artifacts.grantWriteArtifacts("models/"))
 *     .build());
 * ctx.export("bucketName", artifacts.bucketName());
 * ctx.export("kmsKeyArn", artifacts.keyArn());
 * }</pre>
 *
 * <p>Key pinning: statement {@code DenyOtherKmsKeys} denies {@code s3:PutObject} when the request
 * names a KMS key other than this bucket's key, with one condition,
 * {@code ForAnyValue:StringNotEquals s3:x-amz-server-side-encryption-aws-kms-key-id [keyArn, keyId]}.
 * It is a statement of its own: ANDing it with the algorithm condition (the seed program's bug)
 * lets an {@code aws:kms} upload with another key through. The set operator makes an absent
 * header evaluate to false, so uploads relying on default encryption (which uses this key) still
 * work; {@code StringNotEqualsIfExists} would evaluate to true on an absent header and deny them.
 * Clients that name the key must use its ARN or key id, not an alias.
 *
 * <p>Children: {@code <name>-bucket} ({@code aws:s3/bucketV2:BucketV2}), {@code -versioning},
 * {@code -encryption}, {@code -public-access-block}, {@code -ownership}, {@code -policy},
 * {@code -lifecycle}, {@code -access-logging}, {@code -object-lock} (when asked), and the child
 * components {@code <name>-key} ({@code ManagedKey}, unless a key ARN is given) and
 * {@code <name>-access-logs} ({@code AccessLogBucket}, unless a log bucket is given).
 */
public final class SecureArtifactBucket extends EncryptedBucket {
    /** The component's type token. */
    public static final String TYPE = "mlinfra:storage:SecureArtifactBucket";
    /** The S3 condition key naming the KMS key of an upload. */
    static final String KMS_KEY_ID = "s3:x-amz-server-side-encryption-aws-kms-key-id";
    /** The S3 condition key naming the encryption algorithm of an upload. */
    static final String SSE = "s3:x-amz-server-side-encryption";
    /** The S3 condition key naming the SSE-C algorithm of an upload. */
    static final String SSE_C = "s3:x-amz-server-side-encryption-customer-algorithm";

    /**
     * Creates the bucket.
     *
     * @param name the component name; children are {@code <name>-<role>}
     * @param args the arguments
     */
    public SecureArtifactBucket(String name, SecureArtifactBucketArgs args) {
        this(name, args, null);
    }

    /**
     * Creates the bucket.
     *
     * @param name the component name; children are {@code <name>-<role>}
     * @param args the arguments (validated when built)
     * @param options component options
     */
    public SecureArtifactBucket(String name, SecureArtifactBucketArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, Names.check(TYPE, name), options, spec(name, args), args.getWaivers());
    }

    private static HardenedBucket.Spec spec(String name, SecureArtifactBucketArgs args) {
        boolean kms = !args.isWaived(Control.S3_KMS_ENCRYPTION);
        var spec = HardenedBucket.Spec.of("SecureArtifactBucketArgs", args.getPurpose(), "Encrypts the ML artifacts of " + name, args)
                .objectLock(args.getObjectLock())
                .hasExtraStatements((kms && !args.isWaived(Control.S3_PIN_KMS_KEY)) || !args.isWaived(Control.S3_DENY_SSE_C)
                        || args.isRequireEncryptionHeaders() || !args.getAdditionalPolicyStatements().isEmpty());
        spec.extraStatements((bucketArn, keyArn, aws) -> {
            List<Statement> all = new ArrayList<>(HardenedBucket.encryptionStatements(args.getWaivers(), bucketArn, keyArn,
                    args.isRequireEncryptionHeaders()));
            for (BucketPolicyStatements extra : args.getAdditionalPolicyStatements()) {
                for (Statement st : extra.statements(bucketArn, aws.accountId(), aws.partition(), aws.region())) {
                    if (st.getEffect() == Effect.Allow && st.getPrincipal().map(Principal::isAnyone).orElse(false)) {
                        Check.fail("SecureArtifactBucketArgs.additionalPolicyStatements",
                                "an Allow to the anyone principal makes the bucket public (MLI-S3-02)",
                                st.getSid().orElse("(no sid)"), "named principals only");
                    }
                    all.add(st);
                }
            }
            return all;
        });
        return spec.build();
    }

    /**
     * Read access under a prefix: {@code s3:GetObject}, {@code s3:GetObjectVersion} on
     * {@code <bucketArn>/<prefix>*}, {@code s3:ListBucket} limited by {@code s3:prefix}, and
     * {@code kms:Decrypt}, {@code kms:DescribeKey} on the key.
     *
     * @param prefix {@code ""} (the whole bucket) or a literal prefix ending with {@code /}
     * @return the grant
     * @throws io.github.mlinfra.InvalidArgsException when the prefix has {@code *}/{@code ?},
     *     starts with {@code /} or does not end with {@code /}
     */
    public Grant grantReadArtifacts(String prefix) {
        return grant("SecureArtifactBucket.grantReadArtifacts.prefix", prefix, "ReadArtifacts",
                List.of("s3:GetObject", "s3:GetObjectVersion"), List.of("kms:Decrypt", "kms:DescribeKey"));
    }

    /**
     * Write access under a prefix: {@code s3:PutObject}, {@code s3:AbortMultipartUpload},
     * {@code s3:ListMultipartUploadParts} on {@code <bucketArn>/<prefix>*}, {@code s3:ListBucket}
     * limited by {@code s3:prefix}, and {@code kms:GenerateDataKey}, {@code kms:Encrypt},
     * {@code kms:Decrypt} (multipart uploads), {@code kms:DescribeKey} on the key. No delete.
     *
     * @param prefix {@code ""} (the whole bucket) or a literal prefix ending with {@code /}
     * @return the grant
     * @throws io.github.mlinfra.InvalidArgsException when the prefix has {@code *}/{@code ?},
     *     starts with {@code /} or does not end with {@code /}
     */
    public Grant grantWriteArtifacts(String prefix) {
        return grant("SecureArtifactBucket.grantWriteArtifacts.prefix", prefix, "WriteArtifacts",
                List.of("s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"),
                List.of("kms:GenerateDataKey", "kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"));
    }
}
