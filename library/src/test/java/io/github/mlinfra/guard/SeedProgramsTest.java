package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.aws.ebs.Volume;
import com.pulumi.aws.ebs.VolumeArgs;
import com.pulumi.aws.ec2.Instance;
import com.pulumi.aws.ec2.InstanceArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.VolumeAttachment;
import com.pulumi.aws.ec2.VolumeAttachmentArgs;
import com.pulumi.aws.ec2.inputs.InstanceMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.Bucket;
import com.pulumi.aws.s3.BucketArgs;
import com.pulumi.aws.s3.BucketObjectLockConfigurationV2;
import com.pulumi.aws.s3.BucketObjectLockConfigurationV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningArgs;
import com.pulumi.aws.sagemaker.NotebookInstance;
import com.pulumi.aws.sagemaker.NotebookInstanceArgs;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfiguration;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfigurationArgs;
import com.pulumi.aws.sagemaker.Pipeline;
import com.pulumi.aws.sagemaker.PipelineArgs;
import com.pulumi.aws.sagemaker.inputs.PipelinePipelineDefinitionS3LocationArgs;
import com.pulumi.core.Output;
import io.github.mlinfra.plan.PlanEngine;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The five seed programs, written in Java as the seeds write them in Python (legacy inline
 * {@code aws.s3.Bucket} for 000/001), checked by the guard: the findings are the flaws
 * SEED-REVIEW.md lists.
 */
class SeedProgramsTest {
    static final String TRUST_SAGEMAKER = "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Action\": \"sts:AssumeRole\","
            + " \"Effect\": \"Allow\", \"Principal\": { \"Service\": \"sagemaker.amazonaws.com\" } } ] }";

    /** Seed 000: secure model checkpointing with S3 locking. */
    static void seed000(Context ctx, Map<String, String> tags) {
        var bucket = new Bucket("modelCheckpointBucket", BucketArgs.builder()
                // the seed passes status="Enabled", which the legacy block does not have: versioning stays off
                .versioning(BucketVersioningArgs.builder().build())
                .tags(tags)
                .build());
        new BucketObjectLockConfigurationV2("modelCheckpointObjectLockConfig", BucketObjectLockConfigurationV2Args.builder()
                .bucket(bucket.id()).objectLockEnabled("Enabled").build());
        new BucketServerSideEncryptionConfigurationV2("modelCheckpointServerSideEncryption",
                BucketServerSideEncryptionConfigurationV2Args.builder().bucket(bucket.id())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(
                                        BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                                .sseAlgorithm("AES256").build()).build()).build());
        new BucketPolicy("modelCheckpointBucketPolicy", BucketPolicyArgs.builder().bucket(bucket.id())
                .policy(bucket.id().applyValue(id -> "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\","
                        + " \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": [\"arn:aws:s3:::" + id + "\","
                        + " \"arn:aws:s3:::" + id + "/*\"], \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"false\"}}}]}"))
                .build());
        ctx.export("model_checkpoint_bucket_endpoint", Output.format("https://%s", bucket.bucketRegionalDomainName()));
    }

    /** Seed 001: securing ML artifacts on S3 with KMS. */
    static void seed001(Context ctx) {
        var kmsKey = new Key("my-key", KeyArgs.builder().description("KMS key for S3 machine learning artifacts")
                .deletionWindowInDays(10).build());
        var bucket = new Bucket("ml-artifacts-bucket", BucketArgs.builder()
                .acl("private")
                .versioning(BucketVersioningArgs.builder().enabled(true).build())
                .serverSideEncryptionConfiguration(BucketServerSideEncryptionConfigurationArgs.builder()
                        .rule(BucketServerSideEncryptionConfigurationRuleArgs.builder()
                                .applyServerSideEncryptionByDefault(
                                        BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs.builder()
                                                .sseAlgorithm("aws:kms").kmsMasterKeyId(kmsKey.id()).build()).build()).build())
                .build());
        new BucketPolicy("bucket-policy", BucketPolicyArgs.builder().bucket(bucket.id())
                .policy(Output.tuple(bucket.id(), kmsKey.arn()).applyValue(t -> "{ \"Version\": \"2012-10-17\", \"Statement\": [ "
                        + "{ \"Sid\": \"DenyIncorrectEncryptionHeader\", \"Effect\": \"Deny\", \"Principal\": \"*\", "
                        + "\"Action\": \"s3:PutObject\", \"Resource\": \"arn:aws:s3:::" + t.t1 + "/*\", \"Condition\": "
                        + "{ \"StringNotEquals\": { \"s3:x-amz-server-side-encryption\": \"aws:kms\", "
                        + "\"s3:x-amz-server-side-encryption-aws-kms-key-id\": \"" + t.t2 + "\" } } }, "
                        + "{ \"Sid\": \"DenyUnEncryptedObjectUploads\", \"Effect\": \"Deny\", \"Principal\": \"*\", "
                        + "\"Action\": \"s3:PutObject\", \"Resource\": \"arn:aws:s3:::" + t.t1 + "/*\", \"Condition\": "
                        + "{ \"Null\": { \"s3:x-amz-server-side-encryption\": \"true\" } } } ] }"))
                .build());
        ctx.export("bucket_name", bucket.id());
        ctx.export("kms_key_arn", kmsKey.arn());
    }

    /** Seed 002: security posture for ML workloads (SageMaker notebook). */
    static void seed002(Context ctx, Output<String> lifecycleContent) {
        var kmsKey = new Key("sagemakerKmsKey", KeyArgs.builder().description("KMS key for SageMaker Notebook encryption")
                .policy("{ \"Version\": \"2012-10-17\", \"Id\": \"key-default-1\", \"Statement\": [ { \"Sid\": "
                        + "\"Enable IAM User Permissions\", \"Effect\": \"Allow\", \"Principal\": { \"AWS\": "
                        + "\"arn:aws:iam::ACCOUNT_ID:root\" }, \"Action\": \"kms:*\", \"Resource\": \"*\" } ] }")
                .build());
        var role = new Role("sagemakerRole", RoleArgs.builder().assumeRolePolicy(TRUST_SAGEMAKER).build());
        new RolePolicyAttachment("sagemakerKmsPolicyAttachment", RolePolicyAttachmentArgs.builder()
                .role(role.name()).policyArn(kmsKey.arn()).build());
        new RolePolicyAttachment("sagemakerBasicExecution", RolePolicyAttachmentArgs.builder()
                .role(role.name()).policyArn("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess").build());
        var lc = new NotebookInstanceLifecycleConfiguration("sagemakerLifecycleConfig",
                NotebookInstanceLifecycleConfigurationArgs.builder().onCreate(lifecycleContent).onStart(lifecycleContent).build());
        var nb = new NotebookInstance("sagemakerNotebookInstance", NotebookInstanceArgs.builder()
                .roleArn(role.arn()).instanceType("ml.t2.medium").lifecycleConfigName(lc.name()).kmsKeyId(kmsKey.id())
                .tags(Map.of("Name", "SageMakerNotebookInstance")).build());
        ctx.export("notebook_instance_name", nb.name());
    }

    /** Seed 003: enhanced security for AI training on EC2 (securityGroups by name, as the seed does). */
    @SuppressWarnings("deprecation")
    static void seed003(Context ctx) {
        var role = new Role("ai_ec2_role", RoleArgs.builder().assumeRolePolicy("{ \"Version\": \"2012-10-17\", \"Statement\": "
                + "[ { \"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\" } ] }")
                .build());
        new RolePolicyAttachment("ai_ec2_role_policy", RolePolicyAttachmentArgs.builder().role(role.name())
                .policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess").build());
        var sg = new SecurityGroup("ai_sec_group", SecurityGroupArgs.builder().description("Enable HTTP access")
                .ingress(SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(80).toPort(80).cidrBlocks("0.0.0.0/0").build())
                .egress(SecurityGroupEgressArgs.builder().protocol("-1").fromPort(0).toPort(0).cidrBlocks("0.0.0.0/0").build())
                .build());
        var profile = new InstanceProfile("ai_instance_profile", InstanceProfileArgs.builder().role(role.name()).build());
        var instance = new Instance("ai_ec2_instance", InstanceArgs.builder().instanceType("p3.2xlarge").ami("ami-123456")
                .iamInstanceProfile(profile.arn()).keyName("your-ec2-keypair")
                .securityGroups(sg.name().applyValue(List::of)).monitoring(true).ebsOptimized(true)
                .volumeTags(Map.of("Name", "ai_model_data")).tenancy("dedicated")
                .metadataOptions(InstanceMetadataOptionsArgs.builder().httpTokens("required").httpEndpoint("enabled").build())
                .tags(Map.of("Name", "AIModelTrainingInstance")).build());
        ctx.export("instance_public_dns", instance.publicDns());
        var volume = new Volume("ai_model_data_volume", VolumeArgs.builder().availabilityZone(instance.availabilityZone())
                .size(50).type("gp3").encrypted(true).tags(Map.of("Name", "AIModelDataVolume")).build());
        new VolumeAttachment("ai_model_data_volume_attachment", VolumeAttachmentArgs.builder().deviceName("/dev/sdh")
                .instanceId(instance.id()).volumeId(volume.id()).build());
    }

    /** Seed 004: securing AI model training pipelines. */
    static void seed004(Context ctx) {
        var role = new Role("SageMakerRole", RoleArgs.builder().assumeRolePolicy(TRUST_SAGEMAKER).build());
        new RolePolicyAttachment("SageMakerPolicyAttachment", RolePolicyAttachmentArgs.builder().role(role.name())
                .policyArn("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess").build());
        var pipeline = new Pipeline("SageMakerPipeline", PipelineArgs.builder().roleArn(role.arn())
                .pipelineName("MyModelTrainingPipeline").pipelineDisplayName("MyModelTrainingPipeline")
                .pipelineDefinitionS3Location(PipelinePipelineDefinitionS3LocationArgs.builder()
                        .bucket("my-model-artifacts-bucket").objectKey("my-pipeline-definition.json").build())
                .pipelineDescription("Pipeline for training and deploying ML model").build());
        ctx.export("sagemaker_pipeline_arn", pipeline.arn());
    }

    static Map<String, List<String>> rulesByResource(PostureReport r) {
        return r.getFindings().stream().collect(Collectors.groupingBy(Finding::getResourceName, java.util.TreeMap::new,
                Collectors.mapping(Finding::getRule, Collectors.collectingAndThen(Collectors.toList(),
                        l -> l.stream().distinct().sorted().collect(Collectors.toList())))));
    }

    static String message(PostureReport r, String rule, String resource) {
        return r.findingsOf(rule).stream().filter(f -> f.getResourceName().equals(resource)).map(Finding::getMessage)
                .collect(Collectors.joining(" | "));
    }

    @Test
    void seed000_checkpointBucket() {
        PostureReport r = GuardTesting.check(ctx -> seed000(ctx, Map.of()));
        assertThat(rulesByResource(r).get("modelCheckpointBucket")).containsExactly(
                "MLI-S3-01", "MLI-S3-04", "MLI-S3-05", "MLI-S3-06", "MLI-S3-08", "MLI-S3-09", "MLI-S3-11", "MLI-S3-13",
                "MLI-S3-14");
        assertThat(message(r, "MLI-S3-09", "modelCheckpointBucket")).contains("AES256");

        PostureReport tagged = GuardTesting.check(ctx -> seed000(ctx, Map.of("mlinfra:purpose", "checkpoints")));
        assertThat(message(tagged, "MLI-S3-07", "modelCheckpointBucket"))
                .contains("not created with Object Lock enabled").contains("no Object Lock default retention");
    }

    @Test
    void seed001_artifactBucket() {
        PostureReport r = GuardTesting.check(SeedProgramsTest::seed001);
        Map<String, List<String>> fired = rulesByResource(r);
        assertThat(fired.get("ml-artifacts-bucket")).containsExactly(
                "MLI-S3-01", "MLI-S3-03", "MLI-S3-04", "MLI-S3-05", "MLI-S3-08", "MLI-S3-10", "MLI-S3-11", "MLI-S3-12",
                "MLI-S3-13", "MLI-S3-14");
        assertThat(message(r, "MLI-S3-12", "ml-artifacts-bucket")).contains("DenyIncorrectEncryptionHeader").contains("ANDs");
        assertThat(message(r, "MLI-S3-05", "ml-artifacts-bucket")).contains("acl=\"private\"");
        assertThat(fired.get("my-key")).containsExactly("MLI-KMS-01", "MLI-KMS-02", "MLI-KMS-03", "MLI-KMS-04");
    }

    @Test
    void seed002_notebook() {
        PostureReport r = GuardTesting.check(ctx -> seed002(ctx, Output.ofSecret("base64_encoded_lifecycle_script")));
        Map<String, List<String>> fired = rulesByResource(r);
        assertThat(fired.get("sagemakerKmsKey")).contains("MLI-IAM-05", "MLI-KMS-01", "MLI-KMS-03");
        assertThat(message(r, "MLI-IAM-05", "sagemakerKmsKey")).contains("'ACCOUNT_ID'");
        assertThat(fired.get("sagemakerRole")).containsExactly("MLI-IAM-04", "MLI-TAG-01");
        assertThat(fired.get("sagemakerKmsPolicyAttachment")).containsExactly("MLI-IAM-06");
        assertThat(fired.get("sagemakerBasicExecution")).containsExactly("MLI-IAM-01");
        assertThat(message(r, "MLI-IAM-01", "sagemakerBasicExecution")).contains("AmazonSageMakerFullAccess");
        assertThat(fired.get("sagemakerNotebookInstance")).containsExactly(
                "MLI-SM-01", "MLI-SM-02", "MLI-SM-03", "MLI-SM-05");
        // The seed wraps the script in a secret: the plan shows "[secret]", but the rules of our own
        // plan see the plain value, so the bad script is found (and nothing is left undecided).
        assertThat(fired.get("sagemakerLifecycleConfig")).containsExactly("MLI-SM-06");
        assertThat(message(r, "MLI-SM-06", "sagemakerLifecycleConfig")).contains("not shown")
                .doesNotContain("base64_encoded_lifecycle_script");
        // the key policy's principal is the placeholder arn:aws:iam::ACCOUNT_ID:root (MLI-IAM-05): it names no
        // account, so who may use the key cannot be decided, and is not taken as the stack's own
        // (MLI-PRE-29, the notebook's key: whether the notebook's role may use the key cannot be told either)
        assertThat(r.getNotEvaluated()).extracting(NotEvaluated::getRule)
                .containsExactlyInAnyOrder("MLI-KMS-05", "MLI-KMS-06", "MLI-PRE-29");
        assertThat(r.getNotEvaluated()).allMatch(n -> (n.getResourceName().equals("sagemakerKmsKey")
                || n.getRule().equals("MLI-PRE-29") && n.getResourceName().equals("sagemakerNotebookInstance"))
                && n.getReason().contains("ACCOUNT_ID"));
        PostureReport visible = GuardTesting.check(ctx -> seed002(ctx, Output.of("base64_encoded_lifecycle_script")));
        assertThat(message(visible, "MLI-SM-06", "sagemakerLifecycleConfig")).contains("onCreate is not base64")
                .contains("onStart is not base64");
    }

    @Test
    void seed003_gpuTrainer() {
        PostureReport r = GuardTesting.check(SeedProgramsTest::seed003);
        Map<String, List<String>> fired = rulesByResource(r);
        assertThat(fired.get("ai_sec_group")).containsExactly("MLI-EC2-04", "MLI-EC2-10", "MLI-TAG-01");
        assertThat(fired.get("ai_ec2_instance")).containsExactly(
                "MLI-EC2-01", "MLI-EC2-02", "MLI-EC2-03", "MLI-EC2-06", "MLI-EC2-09");
        assertThat(message(r, "MLI-EC2-09", "ai_ec2_instance")).contains("securityGroups names groups")
                .contains("iamInstanceProfile is an ARN");
        assertThat(message(r, "MLI-EC2-02", "ai_ec2_instance")).contains("httpPutResponseHopLimit");
        assertThat(fired.get("ai_model_data_volume")).containsExactly("MLI-EC2-01");
        assertThat(fired.get("ai_ec2_role_policy")).containsExactly("MLI-IAM-01");
        assertThat(message(r, "MLI-IAM-01", "ai_ec2_role_policy")).contains("AmazonS3ReadOnlyAccess");
    }

    @Test
    void seed004_pipeline() {
        PostureReport r = GuardTesting.check(SeedProgramsTest::seed004);
        Map<String, List<String>> fired = rulesByResource(r);
        assertThat(fired.get("SageMakerPolicyAttachment")).containsExactly("MLI-IAM-01");
        assertThat(fired.get("SageMakerPipeline")).containsExactly(
                "MLI-SM-07", "MLI-SM-08", "MLI-SM-09", "MLI-SM-10", "MLI-SM-11");
        assertThat(message(r, "MLI-SM-07", "SageMakerPipeline")).contains("my-model-artifacts-bucket/my-pipeline-definition.json");
    }

    @Test
    void seedPlansSurviveTheJsonRoundTripWithTheSameFindings() {
        var plan = PlanEngine.plan(SeedProgramsTest::seed003);
        var again = PlanReaders.read(plan.toJson());
        assertThat(Guard.defaults().check(again).getFindings()).isEqualTo(Guard.defaults().check(plan).getFindings());
    }
}
