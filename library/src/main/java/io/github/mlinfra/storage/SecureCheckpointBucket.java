package io.github.mlinfra.storage;

import io.github.mlinfra.internal.Names;
import io.github.mlinfra.controls.Control;

import com.pulumi.resources.ComponentResourceOptions;
import io.github.mlinfra.iam.Grant;
import java.util.List;
import javax.annotation.Nullable;

/**
 * An S3 bucket for model checkpoints, write-once: created with Object Lock and a GOVERNANCE
 * default retention (30 days unless told otherwise; COMPLIANCE only by explicit, irreversible
 * opt-in), versioning, SSE-KMS under a customer-managed key with the bucket key, Block Public
 * Access, BucketOwnerEnforced, a bucket policy denying non-TLS and pre-TLS-1.2 requests, a
 * lifecycle expiring superseded versions and stale multipart uploads, server access logging, the
 * tag {@code mlinfra:purpose=checkpoints}, and {@code protect} on the bucket and key
 * ({@code forceDestroy} is never set).
 *
 * <pre>{@code
 * var ckpt = new SecureCheckpointBucket("ckpt", SecureCheckpointBucketArgs.builder()
 *     .retention(Retention.days(14))
 *     .build());
 * var trainer = new ServiceRole("trainer", ServiceRoleArgs.builder()
 *     .service("sagemaker.amazonaws.com")
 *     .addGrants(ckpt.grantWriteCheckpoints("runs/fraud-model/"))
 *     .build());
 * ctx.export("bucketName", ckpt.bucketName());
 * ctx.export("bucketArn", ckpt.bucketArn());
 * ctx.export("keyArn", ckpt.keyArn());
 * }</pre>
 *
 * <p>Children: {@code <name>-bucket} ({@code aws:s3/bucketV2:BucketV2}), {@code -versioning},
 * {@code -object-lock}, {@code -encryption}, {@code -public-access-block}, {@code -ownership},
 * {@code -policy}, {@code -lifecycle}, {@code -access-logging}, and the child components
 * {@code <name>-key} ({@code ManagedKey}, unless a key ARN is given) and {@code <name>-access-logs}
 * ({@code AccessLogBucket}, unless a log bucket is given).
 */
public final class SecureCheckpointBucket extends EncryptedBucket {
    /** The component's type token. */
    public static final String TYPE = "mlinfra:storage:SecureCheckpointBucket";

    /**
     * Creates the bucket.
     *
     * @param name the component name; children are {@code <name>-<role>}
     * @param args the arguments
     */
    public SecureCheckpointBucket(String name, SecureCheckpointBucketArgs args) {
        this(name, args, null);
    }

    /**
     * Creates the bucket.
     *
     * @param name the component name; children are {@code <name>-<role>}
     * @param args the arguments (validated when built)
     * @param options component options
     */
    public SecureCheckpointBucket(String name, SecureCheckpointBucketArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, Names.check(TYPE, name), options, spec(name, args), args.getWaivers());
    }

    private static HardenedBucket.Spec spec(String name, SecureCheckpointBucketArgs args) {
        return HardenedBucket.Spec.of("SecureCheckpointBucketArgs", "checkpoints",
                "Encrypts the model checkpoints of " + name, args)
                .objectLock(args.getRetention())
                .hasExtraStatements(!args.isWaived(Control.S3_PIN_KMS_KEY) || !args.isWaived(Control.S3_DENY_SSE_C))
                .extraStatements((bucketArn, keyArn, aws) ->
                        HardenedBucket.encryptionStatements(args.getWaivers(), bucketArn, keyArn, false))
                .build();
    }

    /**
     * What a training job needs to write checkpoints under a prefix: {@code s3:PutObject},
     * {@code s3:GetObject}, {@code s3:GetObjectVersion} (to resume), {@code s3:AbortMultipartUpload},
     * {@code s3:ListMultipartUploadParts} on {@code <bucketArn>/<prefix>*}, {@code s3:ListBucket}
     * limited by {@code s3:prefix}, and {@code kms:GenerateDataKey}, {@code kms:Encrypt},
     * {@code kms:Decrypt}, {@code kms:DescribeKey} on the key. No delete: checkpoints are
     * write-once.
     *
     * @param prefix {@code ""} (the whole bucket) or a literal prefix ending with {@code /}
     * @return the grant
     * @throws io.github.mlinfra.InvalidArgsException when the prefix has {@code *}/{@code ?},
     *     starts with {@code /} or does not end with {@code /}
     */
    public Grant grantWriteCheckpoints(String prefix) {
        return grant("SecureCheckpointBucket.grantWriteCheckpoints.prefix", prefix, "WriteCheckpoints",
                List.of("s3:PutObject", "s3:GetObject", "s3:GetObjectVersion", "s3:AbortMultipartUpload",
                        "s3:ListMultipartUploadParts"),
                List.of("kms:GenerateDataKey", "kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"));
    }

    /**
     * What an evaluation or serving job needs to read checkpoints under a prefix:
     * {@code s3:GetObject}, {@code s3:GetObjectVersion} on {@code <bucketArn>/<prefix>*},
     * {@code s3:ListBucket} limited by {@code s3:prefix}, and {@code kms:Decrypt},
     * {@code kms:DescribeKey} on the key.
     *
     * @param prefix {@code ""} (the whole bucket) or a literal prefix ending with {@code /}
     * @return the grant
     * @throws io.github.mlinfra.InvalidArgsException when the prefix has {@code *}/{@code ?},
     *     starts with {@code /} or does not end with {@code /}
     */
    public Grant grantReadCheckpoints(String prefix) {
        return grant("SecureCheckpointBucket.grantReadCheckpoints.prefix", prefix, "ReadCheckpoints",
                List.of("s3:GetObject", "s3:GetObjectVersion"), List.of("kms:Decrypt", "kms:DescribeKey"));
    }
}
