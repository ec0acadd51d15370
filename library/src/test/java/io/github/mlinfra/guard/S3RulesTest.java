package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.Bucket;
import com.pulumi.aws.s3.BucketArgs;
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
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLoggingArgs;
import com.pulumi.aws.s3.inputs.BucketObjectLockConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketObjectLockConfigurationV2RuleDefaultRetentionArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class S3RulesTest {
    static final String TLS = "{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
            + "\"Resource\":[\"%1$s\",\"%1$s/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}";
    static final String MIN_TLS = "{\"Sid\":\"DenyOldTls\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
            + "\"Resource\":[\"%1$s\",\"%1$s/*\"],\"Condition\":{\"NumericLessThan\":{\"s3:TlsVersion\":\"1.2\"}}}";
    static final String PIN = "{\"Sid\":\"DenyOtherKeys\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\","
            + "\"Resource\":\"%1$s/*\",\"Condition\":{\"StringNotEqualsIfExists\":{\"s3:x-amz-server-side-encryption-aws-kms-key-id\":\"%2$s\"}}}";
    static final String ANDED = "{\"Sid\":\"DenyIncorrectEncryptionHeader\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\","
            + "\"Resource\":\"%1$s/*\",\"Condition\":{\"StringNotEquals\":{\"s3:x-amz-server-side-encryption\":\"aws:kms\","
            + "\"s3:x-amz-server-side-encryption-aws-kms-key-id\":\"%2$s\"}}}";
    static final String DENY_SSE_C = "{\"Sid\":\"DenySseC\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\","
            + "\"Resource\":\"%1$s/*\",\"Condition\":{\"Null\":{\"s3:x-amz-server-side-encryption-customer-algorithm\":\"false\"}}}";
    static final String PUBLIC_READ = "{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"%1$s/*\"}";

    /** A bucket with every S3 control; each field turns one off. */
    static final class Fixture {
        boolean bpa = true;
        boolean bpaPartial;
        boolean ownership = true;
        boolean versioning = true;
        boolean objectLock = true;
        boolean retention = true;
        boolean lifecycle = true;
        boolean kms = true;
        boolean bucketKey = true;
        boolean logging = true;
        List<String> statements = new ArrayList<>(List.of(TLS, MIN_TLS, PIN, DENY_SSE_C));
        boolean checkpoints = true;
        boolean protect = true;
        boolean forceDestroy;

        Consumer<Context> program() {
            return ctx -> {
                var key = new Key("key", KeyArgs.builder().enableKeyRotation(true).build());
                var logs = new BucketV2("logs", BucketV2Args.builder().build());
                var b = new BucketV2("ckpt", BucketV2Args.builder().objectLockEnabled(objectLock)
                        .forceDestroy(forceDestroy)
                        .tags(checkpoints ? Map.of("mlinfra:purpose", "checkpoints") : Map.of()).build(),
                        CustomResourceOptions.builder().protect(protect).build());
                if (bpa) {
                    new BucketPublicAccessBlock("ckpt-bpa", BucketPublicAccessBlockArgs.builder().bucket(b.id())
                            .blockPublicAcls(true).blockPublicPolicy(!bpaPartial).ignorePublicAcls(true)
                            .restrictPublicBuckets(true).build());
                }
                if (ownership) {
                    new BucketOwnershipControls("ckpt-own", BucketOwnershipControlsArgs.builder().bucket(b.id())
                            .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build()).build());
                }
                if (versioning) {
                    new BucketVersioningV2("ckpt-ver", BucketVersioningV2Args.builder().bucket(b.id())
                            .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                            .build());
                }
                if (retention) {
                    new BucketObjectLockConfigurationV2("ckpt-lock", BucketObjectLockConfigurationV2Args.builder().bucket(b.id())
                            .rule(BucketObjectLockConfigurationV2RuleArgs.builder().defaultRetention(
                                    BucketObjectLockConfigurationV2RuleDefaultRetentionArgs.builder().mode("COMPLIANCE").days(30).build())
                                    .build()).build());
                }
                if (lifecycle) {
                    new BucketLifecycleConfigurationV2("ckpt-lc", BucketLifecycleConfigurationV2Args.builder().bucket(b.id())
                            .rules(BucketLifecycleConfigurationV2RuleArgs.builder().id("tidy").status("Enabled")
                                    .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                            .noncurrentDays(90).build())
                                    .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                            .daysAfterInitiation(7).build())
                                    .build()).build());
                }
                var byDefault = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder();
                if (kms) {
                    byDefault.sseAlgorithm("aws:kms").kmsMasterKeyId(key.arn());
                } else {
                    byDefault.sseAlgorithm("AES256");
                }
                new BucketServerSideEncryptionConfigurationV2("ckpt-sse", BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(b.id()).rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(byDefault.build()).bucketKeyEnabled(bucketKey).build()).build());
                if (logging) {
                    new BucketLoggingV2("ckpt-log", BucketLoggingV2Args.builder().bucket(b.id()).targetBucket(logs.id())
                            .targetPrefix("ckpt/").build());
                }
                if (!statements.isEmpty()) {
                    new BucketPolicy("ckpt-policy", BucketPolicyArgs.builder().bucket(b.id())
                            .policy(Output.tuple(b.arn(), key.arn()).applyValue(t -> {
                                List<String> s = new ArrayList<>();
                                statements.forEach(st -> s.add(String.format(st, t.t1, t.t2)));
                                return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", s) + "]}";
                            })).build(), CustomResourceOptions.builder().build());
                }
            };
        }

        List<Finding> findings(String rule) {
            PostureReport r = GuardTesting.check(program());
            return r.getFindings().stream().filter(f -> f.getRule().equals(rule) && f.getResourceName().equals("ckpt"))
                    .collect(java.util.stream.Collectors.toList());
        }
    }

    @Test
    void aFullyConfiguredBucketHasNoS3Findings() {
        PostureReport r = GuardTesting.check(new Fixture().program());
        assertThat(r.getFindings()).filteredOn(f -> f.getResourceName().equals("ckpt")).isEmpty();
    }

    @Test
    void s3_01_blockPublicAccessMissingOrPartial() {
        Fixture f = new Fixture();
        f.bpa = false;
        assertThat(f.findings("MLI-S3-01")).singleElement().extracting(Finding::getMessage).asString()
                .contains("no aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
        Fixture p = new Fixture();
        p.bpaPartial = true;
        assertThat(p.findings("MLI-S3-01")).singleElement().extracting(Finding::getMessage).asString()
                .contains("blockPublicPolicy not true");
    }

    @Test
    void s3_02_publicReadPolicy() {
        Fixture f = new Fixture();
        f.statements.add(PUBLIC_READ);
        assertThat(f.findings("MLI-S3-02")).singleElement().extracting(Finding::getMessage).asString()
                .contains("PublicRead").contains("s3:GetObject").contains("Principal \"*\"");
        assertThat(f.findings("MLI-S3-02").get(0).getSeverity()).isEqualTo(io.github.mlinfra.controls.Severity.CRITICAL);
    }

    @Test
    void s3_03_tlsOnlyMissingOrNotCoveringObjects() {
        Fixture f = new Fixture();
        f.statements.remove(TLS);
        assertThat(f.findings("MLI-S3-03")).hasSize(1);
        Fixture bucketOnly = new Fixture();
        bucketOnly.statements.set(0, TLS.replace(",\\\"%1$s/*\\\"", "").replace(",\"%1$s/*\"", ""));
        assertThat(bucketOnly.findings("MLI-S3-03")).as("a TLS statement not covering arn/*").hasSize(1);
        Fixture getOnly = new Fixture();
        getOnly.statements.set(0, TLS.replace("\"Action\":\"s3:*\"", "\"Action\":\"s3:GetObject\""));
        assertThat(getOnly.findings("MLI-S3-03")).as("a TLS statement for one action").hasSize(1);
    }

    @Test
    void s3_04_minTlsMissing() {
        Fixture f = new Fixture();
        f.statements.remove(MIN_TLS);
        assertThat(f.findings("MLI-S3-04")).singleElement().extracting(Finding::getMessage).asString().contains("s3:TlsVersion 1.2");
    }

    @Test
    void s3_05_ownershipControlsMissing() {
        Fixture f = new Fixture();
        f.ownership = false;
        assertThat(f.findings("MLI-S3-05")).singleElement().satisfies(x -> assertThat(x.getControls()).contains("FSBP S3.12"));
    }

    @Test
    void s3_06_versioningMissing() {
        Fixture f = new Fixture();
        f.versioning = false;
        assertThat(f.findings("MLI-S3-06")).hasSize(1);
    }

    @Test
    void s3_07_objectLockOnlyForCheckpointBuckets() {
        Fixture f = new Fixture();
        f.retention = false;
        assertThat(f.findings("MLI-S3-07")).singleElement().extracting(Finding::getMessage).asString().contains("default retention");
        Fixture notEnabled = new Fixture();
        notEnabled.objectLock = false;
        assertThat(notEnabled.findings("MLI-S3-07")).singleElement().extracting(Finding::getMessage).asString()
                .contains("not created with Object Lock enabled");
        Fixture untagged = new Fixture();
        untagged.retention = false;
        untagged.objectLock = false;
        untagged.checkpoints = false;
        assertThat(untagged.findings("MLI-S3-07")).as("no purpose tag: not applicable").isEmpty();
    }

    @Test
    void s3_08_lifecycleMissing() {
        Fixture f = new Fixture();
        f.lifecycle = false;
        assertThat(f.findings("MLI-S3-08")).singleElement().extracting(Finding::getMessage).asString()
                .contains("noncurrent versions").contains("multipart");
    }

    @Test
    void s3_09_and_10_sseS3AndNoBucketKey() {
        Fixture f = new Fixture();
        f.kms = false;
        f.statements.remove(PIN);
        assertThat(f.findings("MLI-S3-09")).singleElement().extracting(Finding::getMessage).asString().contains("AES256");
        assertThat(f.findings("MLI-S3-10")).as("bucket key applies to SSE-KMS only").isEmpty();
        Fixture noKey = new Fixture();
        noKey.bucketKey = false;
        assertThat(noKey.findings("MLI-S3-10")).hasSize(1);
        assertThat(noKey.findings("MLI-S3-09")).isEmpty();
    }

    @Test
    void s3_11_loggingMissing() {
        Fixture f = new Fixture();
        f.logging = false;
        assertThat(f.findings("MLI-S3-11")).hasSize(1);
    }

    @Test
    void s3_12_keyPinningMissingOrAnded() {
        Fixture f = new Fixture();
        f.statements.remove(PIN);
        assertThat(f.findings("MLI-S3-12")).singleElement().extracting(Finding::getMessage).asString().contains("names another key");
        Fixture anded = new Fixture();
        anded.statements.set(2, ANDED);
        assertThat(anded.findings("MLI-S3-12")).singleElement().extracting(Finding::getMessage).asString()
                .contains("DenyIncorrectEncryptionHeader").contains("ANDs");
    }

    @Test
    void s3_13_sseCNotDenied() {
        Fixture f = new Fixture();
        f.statements.remove(DENY_SSE_C);
        assertThat(f.findings("MLI-S3-13")).singleElement().extracting(Finding::getMessage).asString()
                .contains("customer-algorithm");
    }

    @Test
    void s3_14_unprotectedOrForceDestroy() {
        Fixture f = new Fixture();
        f.protect = false;
        f.forceDestroy = true;
        assertThat(f.findings("MLI-S3-14")).extracting(Finding::getMessage).containsExactlyInAnyOrder(
                "the bucket is not protected (resource option protect)",
                "forceDestroy is true: deleting the stack empties and deletes the bucket");
    }

    @Test
    void legacyInlineBucketIsUnderstood() {
        PostureReport r = GuardTesting.check(ctx -> {
            var key = new Key("key", KeyArgs.builder().enableKeyRotation(true).build());
            new Bucket("legacy", BucketArgs.builder()
                    .versioning(BucketVersioningArgs.builder().enabled(true).build())
                    .loggings(BucketLoggingArgs.builder().targetBucket("log-bucket").build())
                    .serverSideEncryptionConfiguration(BucketServerSideEncryptionConfigurationArgs.builder()
                            .rule(BucketServerSideEncryptionConfigurationRuleArgs.builder().bucketKeyEnabled(true)
                                    .applyServerSideEncryptionByDefault(
                                            BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs.builder()
                                                    .sseAlgorithm("aws:kms").kmsMasterKeyId(key.arn()).build())
                                    .build()).build())
                    .acl("public-read")
                    .build());
        });
        List<String> fired = r.getFindings().stream().filter(f -> f.getResourceName().equals("legacy"))
                .map(Finding::getRule).collect(java.util.stream.Collectors.toList());
        assertThat(fired).doesNotContain("MLI-S3-06", "MLI-S3-09", "MLI-S3-10", "MLI-S3-11")
                .contains("MLI-S3-01", "MLI-S3-02", "MLI-S3-03", "MLI-S3-05");
        assertThat(r.findingsOf("MLI-S3-05").get(0).getMessage()).contains("acl=\"public-read\"");
    }
}
