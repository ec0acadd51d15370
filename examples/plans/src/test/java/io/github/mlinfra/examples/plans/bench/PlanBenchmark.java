package io.github.mlinfra.examples.plans.bench;

import io.github.mlinfra.kms.KeyReference;
import io.github.mlinfra.storage.BucketReference;
import com.pulumi.Context;
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
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketObjectLockConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketObjectLockConfigurationV2RuleDefaultRetentionArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanOptions;
import io.github.mlinfra.storage.SecureCheckpointBucket;
import io.github.mlinfra.storage.SecureCheckpointBucketArgs;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Benchmark harness (outside the test suite): one scenario per JVM, one result line.
 *
 * <pre>
 * examples   plan the five examples (the list in examples/plans/pom.xml) in this JVM
 * lib N      N SecureCheckpointBucket (own key, own access-log bucket: 22 resources each)
 * lean N     N SecureCheckpointBucket with a given key ARN and log bucket (10 resources each)
 * raw N      the same 9 S3 resources as "lean", declared with raw Pulumi SDK calls
 * </pre>
 *
 * <p>Prints {@code scenario n resources wall_ms ms_per_resource peak_heap_mib}. Run through
 * {@code examples/plans/bench/run.sh}, which also records each JVM's max RSS.
 */
public final class PlanBenchmark {
    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/0f0e0d0c-0b0a-0908-0706-050403020100";

    private PlanBenchmark() {}

    /**
     * Runs one scenario.
     *
     * @param args scenario and count
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "examples";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        long start = System.nanoTime();
        int resources = 0;
        switch (scenario) {
            case "examples":
                for (String pair : System.getProperty("plan.examples").split(",")) {
                    if (pair.isBlank()) {
                        continue;
                    }
                    String name = pair.substring(0, pair.indexOf('=')).strip();
                    Method m = Class.forName(pair.substring(pair.indexOf('=') + 1).strip()).getMethod("stack", Context.class);
                    Consumer<Context> program = ctx -> {
                        try {
                            m.invoke(null, ctx);
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e);
                        }
                    };
                    resources += PlanEngine.plan(program, PlanOptions.builder().project(name).build()).getResources().size();
                }
                break;
            case "lib":
                resources = plan(ctx -> {
                    for (int i = 0; i < n; i++) {
                        new SecureCheckpointBucket("ckpt" + i, SecureCheckpointBucketArgs.builder().build());
                    }
                });
                break;
            case "lean":
                resources = plan(ctx -> {
                    for (int i = 0; i < n; i++) {
                        new SecureCheckpointBucket("ckpt" + i, SecureCheckpointBucketArgs.builder()
                                .kmsKey(KeyReference.fromArn(KEY))
                                .accessLogBucket(BucketReference.fromName("shared-access-logs"))
                                .build());
                    }
                });
                break;
            case "raw":
                resources = plan(ctx -> {
                    for (int i = 0; i < n; i++) {
                        raw("ckpt" + i);
                    }
                });
                break;
            default:
                throw new IllegalArgumentException("unknown scenario " + scenario + " (examples, lib N, lean N, raw N)");
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%s %d %d %d %.3f %d%n", scenario, n, resources, wallMs,
                resources == 0 ? 0.0 : (double) wallMs / resources, peak / (1024 * 1024));
    }

    private static int plan(Consumer<Context> program) {
        Plan plan = PlanEngine.plan(program, PlanOptions.builder().timeout(java.time.Duration.ofMinutes(30)).build());
        return plan.getResources().size();
    }

    /** The lean bucket's policy, written by hand as a team without the library would. */
    private static String rawPolicy(String arn) {
        String keyId = KEY.substring(KEY.indexOf("key/") + 4);
        String deny = "\"Effect\":\"Deny\",\"Principal\":\"*\",";
        return "{\"Version\":\"2012-10-17\",\"Id\":\"mlinfra-checkpoints-bucket-policy\",\"Statement\":["
                + "{\"Sid\":\"DenyInsecureTransport\"," + deny + "\"Action\":\"s3:*\",\"Resource\":[\"" + arn + "\",\"" + arn
                + "/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}},"
                + "{\"Sid\":\"DenyOutdatedTls\"," + deny + "\"Action\":\"s3:*\",\"Resource\":[\"" + arn + "\",\"" + arn
                + "/*\"],\"Condition\":{\"NumericLessThan\":{\"s3:TlsVersion\":\"1.2\"}}},"
                + "{\"Sid\":\"DenyOtherKmsKeys\"," + deny + "\"Action\":\"s3:PutObject\",\"Resource\":\"" + arn
                + "/*\",\"Condition\":{\"ForAnyValue:StringNotEquals\":{\"s3:x-amz-server-side-encryption-aws-kms-key-id\":[\""
                + KEY + "\",\"" + keyId + "\"]}}},"
                + "{\"Sid\":\"DenyKmsWithoutKeyId\"," + deny + "\"Action\":\"s3:PutObject\",\"Resource\":\"" + arn
                + "/*\",\"Condition\":{\"StringEquals\":{\"s3:x-amz-server-side-encryption\":[\"aws:kms\",\"aws:kms:dsse\"]},"
                + "\"Null\":{\"s3:x-amz-server-side-encryption-aws-kms-key-id\":\"true\"}}},"
                + "{\"Sid\":\"DenySseS3Override\"," + deny + "\"Action\":\"s3:PutObject\",\"Resource\":\"" + arn
                + "/*\",\"Condition\":{\"StringEquals\":{\"s3:x-amz-server-side-encryption\":\"AES256\"}}},"
                + "{\"Sid\":\"DenySseC\"," + deny + "\"Action\":\"s3:PutObject\",\"Resource\":\"" + arn
                + "/*\",\"Condition\":{\"Null\":{\"s3:x-amz-server-side-encryption-customer-algorithm\":\"false\"}}}]}";
    }

    /** The nine S3 resources of a lean SecureCheckpointBucket, declared by hand with the same inputs. */
    private static void raw(String name) {
        var opts = CustomResourceOptions.builder().build();
        var bucket = new BucketV2(name + "-bucket", BucketV2Args.builder().objectLockEnabled(true).forceDestroy(false)
                .tags(java.util.Map.of("mlinfra:purpose", "checkpoints")).build(),
                CustomResourceOptions.builder().protect(true).build());
        var versioning = new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder().bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), opts);
        new BucketObjectLockConfigurationV2(name + "-object-lock", BucketObjectLockConfigurationV2Args.builder()
                .bucket(bucket.id()).objectLockEnabled("Enabled")
                .rule(BucketObjectLockConfigurationV2RuleArgs.builder().defaultRetention(
                        BucketObjectLockConfigurationV2RuleDefaultRetentionArgs.builder().mode("GOVERNANCE").days(30).build()).build())
                .build(), CustomResourceOptions.builder().dependsOn(versioning).build());
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder().bucketKeyEnabled(true)
                        .applyServerSideEncryptionByDefault(
                                BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                        .sseAlgorithm("aws:kms").kmsMasterKeyId(KEY).build()).build())
                .build(), opts);
        var pab = new BucketPublicAccessBlock(name + "-public-access-block", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id()).blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true)
                .restrictPublicBuckets(true).build(), opts);
        new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder().bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build()).build(), opts);
        new BucketPolicy(name + "-policy", BucketPolicyArgs.builder().bucket(bucket.id())
                .policy(bucket.arn().applyValue(PlanBenchmark::rawPolicy))
                .build(), CustomResourceOptions.builder().dependsOn(pab).build());
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder().bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder().id("abort-incomplete-multipart-uploads").status("Enabled")
                                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                                .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs
                                        .builder().daysAfterInitiation(7).build()).build(),
                        BucketLifecycleConfigurationV2RuleArgs.builder().id("expire-noncurrent-versions").status("Enabled")
                                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                                .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs
                                        .builder().noncurrentDays(90).build()).build())
                .build(), opts);
        new BucketLoggingV2(name + "-access-logging", BucketLoggingV2Args.builder().bucket(bucket.id())
                .targetBucket("shared-access-logs").targetPrefix("s3-access/" + name + "/").build(), opts);
    }
}
