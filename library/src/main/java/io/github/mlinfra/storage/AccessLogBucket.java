package io.github.mlinfra.storage;

import io.github.mlinfra.internal.Names;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.controls.Waiver;

import io.github.mlinfra.controls.Control;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.mlinfra.policy.Condition;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.Principal;
import io.github.mlinfra.policy.Statement;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A target bucket for S3 server access logs: SSE-S3 (AES256) default encryption (S3 cannot
 * deliver access logs to a bucket whose default encryption is SSE-KMS), no Object Lock (not
 * allowed on a log target's default retention), versioning, log expiry, Block Public Access,
 * BucketOwnerEnforced, a TLS-only policy and one allow statement: {@code logging.s3.amazonaws.com}
 * may {@code s3:PutObject} under the log prefix, for source buckets of this account only
 * ({@code aws:SourceAccount}). The mlinfra buckets create one per bucket unless given a log bucket
 * name; create one yourself to share it.
 *
 * <pre>{@code
 * var logs = new AccessLogBucket("access-logs", AccessLogBucketArgs.builder().build());
 * var ckpt = new SecureCheckpointBucket("ckpt", SecureCheckpointBucketArgs.builder()
 *     .accessLogBucket(logs)
 *     .build());
 * }</pre>
 *
 * <p>Children: {@code <name>-bucket}, {@code -versioning}, {@code -encryption},
 * {@code -public-access-block}, {@code -ownership}, {@code -policy}, {@code -lifecycle}. The log
 * bucket does not log its own access (that would loop); CloudTrail data events cover it.
 */
public final class AccessLogBucket extends ComponentResource implements BucketReference {
    /** The component's type token. */
    public static final String TYPE = "mlinfra:storage:AccessLogBucket";
    /** The S3 logging service principal. */
    public static final String LOGGING_SERVICE = "logging.s3.amazonaws.com";

    private final HardenedBucket hardened;

    /**
     * Creates the bucket.
     *
     * @param name the component name; children are {@code <name>-<role>}
     * @param args the arguments
     */
    public AccessLogBucket(String name, AccessLogBucketArgs args) {
        this(name, args, null);
    }

    /**
     * The controls a log target cannot meet, waived by design with the reason AWS imposes: they
     * show as suppressed findings (and {@code mlinfra:waiver:*} tags) rather than being hidden.
     */
    public static final List<Waiver> BY_DESIGN = List.of(
            Waiver.of(Control.S3_KMS_ENCRYPTION, "S3 server access log delivery writes only to buckets with SSE-S3 "
                    + "(AES256) default encryption; SSE-KMS is not supported on a log target bucket."),
            Waiver.of(Control.S3_ACCESS_LOGGING, "This bucket is the access-log target itself; logging its own "
                    + "access would write logs about log deliveries without end."));

    /**
     * Creates the bucket.
     *
     * @param name the component name; children are {@code <name>-<role>}
     * @param args the arguments (validated when built)
     * @param options component options
     */
    public AccessLogBucket(String name, AccessLogBucketArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, Names.check(TYPE, name), options);
        List<Waiver> waivers = new java.util.ArrayList<>(BY_DESIGN);
        waivers.addAll(args.getWaivers());
        var spec = HardenedBucket.Spec.of("AccessLogBucketArgs", "access-logs", args)
                .logTarget(true)
                .expirationDays(args.getLogRetentionDays())
                .waivers(waivers)
                .hasExtraStatements(true)
                .extraStatements((bucketArn, keyArn, aws) -> {
                    List<Statement> s = new java.util.ArrayList<>();
                    s.add(Statement.builder()
                            .sid("AllowS3ServerAccessLogDelivery")
                            .effect(Effect.Allow)
                            .principal(Principal.service(LOGGING_SERVICE))
                            .addActions("s3:PutObject")
                            .addResources(bucketArn + "/" + args.getLogPrefix() + "*")
                            .addConditions(Condition.of("StringEquals", "aws:SourceAccount", aws.accountId()))
                            .build());
                    s.addAll(HardenedBucket.encryptionStatements(waivers, bucketArn, null, false));
                    return s;
                })
                .build();
        this.hardened = HardenedBucket.create(this, name, spec);
        registerOutputs(Map.of("bucketName", hardened.bucketName, "bucketArn", hardened.bucketArn,
                ResourceTags.WAIVERS_OUTPUT, ResourceTags.waiverOutputs(waivers)));
    }

    /**
     * The bucket name, to give as {@code accessLogBucket} to other buckets (or give this component itself).
     *
     * @return the name
     */
    @Override
    public Output<String> bucketName() {
        return hardened.bucketName;
    }

    /**
     * The bucket ARN.
     *
     * @return the ARN
     */
    public Output<String> bucketArn() {
        return hardened.bucketArn;
    }
}
