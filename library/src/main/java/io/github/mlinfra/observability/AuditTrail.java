package io.github.mlinfra.observability;

import io.github.mlinfra.internal.Names;
import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.github.mlinfra.aws.NameRules;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.iam.Grant;
import io.github.mlinfra.iam.ServiceRole;
import io.github.mlinfra.iam.ServiceRoleArgs;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.kms.KeyServiceAccess;
import io.github.mlinfra.kms.ManagedKey;
import io.github.mlinfra.kms.ManagedKeyArgs;
import io.github.mlinfra.policy.Condition;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.Principal;
import io.github.mlinfra.policy.Statement;
import io.github.mlinfra.storage.SecureArtifactBucket;
import io.github.mlinfra.storage.SecureArtifactBucketArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * An account-wide CloudTrail trail: multi-region, global service events, log file validation,
 * KMS encryption with a {@link ManagedKey} that only this account's trails (and CloudWatch Logs in
 * this region) may use, delivery to a hardened {@link SecureArtifactBucket} whose policy lets
 * CloudTrail check the bucket ACL and write under {@code AWSLogs/<account>/} for this trail only
 * ({@code aws:SourceArn}, {@code aws:SourceAccount}, {@code bucket-owner-full-control}), and a
 * KMS-encrypted CloudWatch Logs copy with a retention period, written through a least-privilege
 * role for {@code cloudtrail.amazonaws.com}.
 *
 * <p><b>Optional.</b> An account in an AWS Organization often already has an organisation trail
 * managed centrally; a second trail costs money (the first copy of management events is free, a
 * second is not) without adding coverage. Create one where no trail exists.
 *
 * <pre>{@code
 * var audit = new AuditTrail("ml-audit", AuditTrailArgs.builder().build());
 * ctx.export("trailArn", audit.trailArn());
 * }</pre>
 *
 * <p>Children: {@code <name>-key} ({@code ManagedKey}), {@code <name>-logs}
 * ({@code SecureArtifactBucket}), {@code <name>-log-group} ({@code aws:cloudwatch/logGroup:LogGroup}),
 * {@code <name>-cloudwatch} ({@code ServiceRole}) and {@code <name>-trail}
 * ({@code aws:cloudtrail/trail:Trail}).
 */
public final class AuditTrail extends ComponentResource {
    /** The component's type token. */
    public static final String TYPE = "mlinfra:observability:AuditTrail";
    /** The CloudTrail service principal. */
    public static final String CLOUDTRAIL = "cloudtrail.amazonaws.com";

    private final Output<String> trailArn;
    private final Output<String> bucketName;
    private final Output<String> keyArn;
    private final Output<String> logGroupArn;

    /**
     * Creates the trail.
     *
     * @param name the component name (the default trail name is {@code mlinfra-<project>-<stack>-<name>})
     * @param args the arguments
     */
    public AuditTrail(String name, AuditTrailArgs args) {
        this(name, args, null);
    }

    /**
     * Creates the trail.
     *
     * @param name the component name (the default trail name is {@code mlinfra-<project>-<stack>-<name>})
     * @param args the arguments (validated when built)
     * @param options component options
     */
    public AuditTrail(String name, AuditTrailArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, Names.check(TYPE, name), options);
        List<Waiver> w = args.getWaivers();
        String trailName = args.getTrailName().orElseGet(() -> defaultTrailName(
                Deployment.getInstance().getProjectName(), Deployment.getInstance().getStackName(), name));
        boolean protect = !args.isWaived(Control.S3_DELETION_PROTECTION);
        boolean cloudWatch = !args.isWaived(Control.CT_CLOUDWATCH);
        var childComponent = ComponentResourceOptions.builder().parent(this).build();

        var keyArgs = ManagedKeyArgs.builder()
                .description("Encrypts the CloudTrail logs of " + trailName)
                .addAllServiceAccess(KeyServiceAccess.cloudTrail(trailName))
                .addServiceAccess(KeyServiceAccess.cloudWatchLogs())
                .putAllTags(args.getTags());
        if (!protect) {
            keyArgs.waive(Control.KMS_DELETION_PROTECTION, justification(w, Control.S3_DELETION_PROTECTION));
        }
        var key = new ManagedKey(name + "-key", keyArgs.build(), childComponent);

        String prefix = args.getS3KeyPrefix().map(p -> p + "/").orElse("");
        var bucketArgs = SecureArtifactBucketArgs.builder()
                .kmsKey(key)
                .putAllTags(args.getTags())
                .purpose("audit-logs")
                // CloudTrail encrypts log files with the trail's key itself and writes digest files
                // with SSE-S3: pinning one key on uploads would block digest delivery.
                .waive(Control.S3_PIN_KMS_KEY, "CloudTrail writes digest files with SSE-S3 and log files with the"
                        + " trail key itself, so uploads cannot be pinned to one KMS key.")
                .addAdditionalPolicyStatements((bucketArn, account, partition, region) -> {
                    String sourceArn = "arn:" + partition + ":cloudtrail:" + region + ":" + account + ":trail/" + trailName;
                    return List.of(
                            Statement.builder()
                                    .sid("AWSCloudTrailAclCheck")
                                    .effect(Effect.Allow)
                                    .principal(Principal.service(CLOUDTRAIL))
                                    .addActions("s3:GetBucketAcl")
                                    .addResources(bucketArn)
                                    .addConditions(Condition.of("StringEquals", "aws:SourceArn", sourceArn))
                                    .build(),
                            Statement.builder()
                                    .sid("AWSCloudTrailWrite")
                                    .effect(Effect.Allow)
                                    .principal(Principal.service(CLOUDTRAIL))
                                    .addActions("s3:PutObject")
                                    .addResources(bucketArn + "/" + prefix + "AWSLogs/" + account + "/*")
                                    .addConditions(
                                            Condition.of("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control"),
                                            Condition.of("StringEquals", "aws:SourceArn", sourceArn),
                                            Condition.of("StringEquals", "aws:SourceAccount", account))
                                    .build());
                });
        if (!protect) {
            bucketArgs.waive(Control.S3_DELETION_PROTECTION, justification(w, Control.S3_DELETION_PROTECTION));
        }
        var bucket = new SecureArtifactBucket(name + "-logs", bucketArgs.build(), childComponent);

        var trail = TrailArgs.builder()
                .name(trailName)
                .s3BucketName(bucket.bucketName())
                .isMultiRegionTrail(!args.isWaived(Control.CT_MULTI_REGION))
                .includeGlobalServiceEvents(true)
                .enableLogFileValidation(!args.isWaived(Control.CT_LOG_VALIDATION))
                .enableLogging(true)
                .tags(ResourceTags.of(TagRules.Service.CLOUDTRAIL).user(args.getTags()).waivers(w).build());
        args.getS3KeyPrefix().ifPresent(trail::s3KeyPrefix);
        if (!args.isWaived(Control.CT_ENCRYPTION)) {
            trail.kmsKeyId(key.keyArn());
        }
        List<Resource> deps = new ArrayList<>(List.of(bucket));
        LogGroup logGroup = null;
        if (cloudWatch) {
            var lg = LogGroupArgs.builder()
                    .name(logGroupName(trailName))
                    .retentionInDays(args.getLogRetentionDays())
                    .tags(ResourceTags.of(TagRules.Service.LOGS).user(args.getTags()).waivers(w).build());
            if (!args.isWaived(Control.LOGS_ENCRYPTED_RETAINED)) {
                lg.kmsKeyId(key.keyArn());
            }
            logGroup = new LogGroup(name + "-log-group", lg.build(),
                    CustomResourceOptions.builder().parent(this).protect(protect).build());
            Output<String> streams = logGroup.arn().applyValue(arn -> arn + ":*");
            var role = new ServiceRole(name + "-cloudwatch", ServiceRoleArgs.builder()
                    .service(CLOUDTRAIL)
                    .description("Lets CloudTrail trail " + trailName + " deliver to its log group")
                    .addGrants(Grant.of(streams.applyValue(arn -> List.of(Statement.builder()
                            .sid("DeliverTrailEvents")
                            .effect(Effect.Allow)
                            .addActions("logs:CreateLogStream", "logs:PutLogEvents")
                            .addResources(arn)
                            .build()))))
                    .putAllTags(args.getTags())
                    .build(), childComponent);
            trail.cloudWatchLogsGroupArn(streams).cloudWatchLogsRoleArn(role.roleArn());
            deps.add(role);
        }
        var trailResource = new Trail(name + "-trail", trail.build(),
                CustomResourceOptions.builder().parent(this).dependsOn(deps).build());

        this.trailArn = trailResource.arn();
        this.bucketName = bucket.bucketName();
        this.keyArn = key.keyArn();
        this.logGroupArn = logGroup == null ? Output.ofNullable((String) null) : logGroup.arn();
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("trailArn", trailArn);
        outputs.put("bucketName", bucketName);
        outputs.put("keyArn", keyArn);
        outputs.put("logGroupArn", logGroupArn);
        outputs.put(ResourceTags.WAIVERS_OUTPUT, ResourceTags.waiverOutputs(w));
        registerOutputs(outputs);
    }

    /**
     * The trail name used when {@link AuditTrailArgs#getTrailName()} is empty, derived from the Pulumi
     * project, the stack and the component name by {@link NameRules#derive} with
     * {@link NameRules.Rule#CLOUDTRAIL_TRAIL} ({@code mlinfra-<project>-<stack>-<name>}), so that two
     * stacks in one account do not collide and the key policy can name the trail in
     * {@code aws:SourceArn} before the trail exists. Within CloudTrail's trail-name rules
     * (<a href="https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html">CreateTrail</a>,
     * looked up 2026-11-30: 3–128 ASCII letters, digits, {@code . _ -}; starting and ending with a
     * letter or digit; no adjacent {@code . _ -}; not an IP address): characters outside letters and
     * digits become {@code -}, and a name that is too long, or lost information on the way, ends
     * with {@code -} and eight hex digits of a hash of project, stack and name.
     *
     * @param project the Pulumi project
     * @param stack the stack
     * @param name the component name
     * @return the trail name
     */
    static String defaultTrailName(String project, String stack, String name) {
        return NameRules.derive(NameRules.Rule.CLOUDTRAIL_TRAIL, project, stack, name);
    }

    /**
     * The CloudWatch Logs group of a trail: {@code /mlinfra/cloudtrail/<trail name>}. Within CloudWatch
     * Logs' rules (<a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html">CreateLogGroup</a>,
     * looked up 2026-11-30: 1–512 characters of {@code [.-_/#A-Za-z0-9]}): a trail name is at most
     * 128 characters of a subset of that alphabet.
     *
     * @param trailName the trail name
     * @return the log group name
     */
    static String logGroupName(String trailName) {
        return "/mlinfra/cloudtrail/" + trailName;
    }

    private static String justification(List<Waiver> waivers, Control control) {
        return waivers.stream().filter(x -> x.getControl() == control).findFirst().orElseThrow().getJustification();
    }

    /**
     * The trail ARN.
     *
     * @return the ARN
     */
    public Output<String> trailArn() {
        return trailArn;
    }

    /**
     * The name of the bucket the trail delivers to.
     *
     * @return the bucket name
     */
    public Output<String> bucketName() {
        return bucketName;
    }

    /**
     * The ARN of the key encrypting the logs.
     *
     * @return the key ARN
     */
    public Output<String> keyArn() {
        return keyArn;
    }

    /**
     * The CloudWatch Logs group ARN; resolves to {@code null} when MLI-CT-04 is waived.
     *
     * @return the log group ARN
     */
    public Output<String> logGroupArn() {
        return logGroupArn;
    }
}
