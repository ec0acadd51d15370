package io.github.mlinfra.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.Guard;
import io.github.mlinfra.iam.StarOnlyActions;
import io.github.mlinfra.network.Placement;
import io.github.mlinfra.network.PrivateNetwork;
import io.github.mlinfra.network.PrivateNetworkArgs;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanException;
import io.github.mlinfra.plan.PlanOptions;
import io.github.mlinfra.plan.PlannedResource;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecureTrainingPipelineTest {
    static final List<String> SUBNETS = List.of("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb");
    static final String ENDPOINT_SG = "sg-0cccccccccccccccc";
    static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com/";

    static PipelineDefinition definition() {
        return PipelineDefinition.builder()
                .addParameters(PipelineParameter.string("TrainingInstanceType", "ml.p3.2xlarge", "ml.p3.2xlarge", "ml.p3.8xlarge"))
                .addSteps(ProcessingStep.builder().name("Preprocess")
                        .imageUri(ECR + "preprocess:2.1")
                        .instanceType("ml.m5.xlarge")
                        .addInputs(ProcessingInput.of("raw", "/opt/ml/processing/input"))
                        .addOutputs(ProcessingOutput.of("train", "/opt/ml/processing/train"))
                        .build())
                .addSteps(TrainingStep.builder().name("Train")
                        .trainingImage(ECR + "team/trainer@sha256:" + "a".repeat(64))
                        .instanceType(PipelineValue.parameter("TrainingInstanceType"))
                        .instanceCount(2)
                        .addInputs(TrainingChannel.of("train",
                                PipelineValue.stepProperty("Preprocess", "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri")))
                        .maxRuntimeInSeconds(7200L)
                        .build())
                .addSteps(RegisterModelStep.builder().name("Register")
                        .modelPackageGroupName("Fraud-Detector")
                        .image(ECR + "inference:1.0")
                        .modelDataUrl(PipelineValue.stepProperty("Train", "ModelArtifacts.S3ModelArtifacts"))
                        .build())
                .build();
    }

    static SecureTrainingPipelineArgs.Builder args() {
        return SecureTrainingPipelineArgs.builder()
                .pipelineName("fraud-training")
                .definition(definition())
                .placement(existingVpc().build());
    }

    static Placement.Builder existingVpc() {
        return Placement.existingVpc().vpcId("vpc-0dddddddddddddddd").subnetIds(Output.of(SUBNETS))
                .endpointSecurityGroupId(ENDPOINT_SG).s3PrefixListId("pl-63a5400a");
    }

    /** The jobs' security group the component creates, as the plan engine named it. */
    static List<String> jobGroups(Plan plan, String component) {
        return List.of(plan.resource(component + "-job-sg").getId().orElseThrow());
    }

    @Test
    void jobSecurityGroupDescriptionNamesThePipelineAndFitsEc2sRule() {
        Plan plan = PlanEngine.plan(ctx -> new SecureTrainingPipeline("train", args().build()));
        assertThat(plan.resource("train-job-sg").getInputs()).containsEntry("description",
                "mlinfra: jobs of SageMaker pipeline fraud-training; traffic between job instances, HTTPS egress to VPC "
                        + "endpoints and S3 only");
        // SageMaker takes pipeline names up to 256 characters; EC2 takes descriptions up to 255
        String longName = "p".repeat(256);
        Plan longPlan = PlanEngine.plan(ctx -> new SecureTrainingPipeline("train", args().pipelineName(longName).build()));
        String description = (String) longPlan.resource("train-job-sg").getInputs().get("description");
        assertThat(description).hasSize(255).startsWith("mlinfra: jobs of SageMaker pipeline ppp");
        assertThat(io.github.mlinfra.aws.ServiceLimits.SECURITY_GROUP_TEXT.matcher(description).matches()).isTrue();
    }

    @Test
    void defaultsAreSecureAndDocumented() {
        var a = args().build();
        assertThat(a.getMaxRuntimeSeconds()).isEqualTo(86_400L);
        assertThat(a.getArtifactPrefix()).isEmpty(); // in effect: <pipeline name>/
        assertThat(SecureTrainingPipeline.artifactPrefix(a, a.pipelineName("train", "p", "dev"))).isEqualTo("fraud-training/");
        assertThat(a.getDisplayName()).isEmpty(); // in effect: the pipeline name
        assertThat(a.getDescription()).isEqualTo("mlinfra secure training pipeline");
        assertThat(a.getWaivers()).isEmpty();
        assertThat(SecureTrainingPipelineArgs.CONTROLS).extracting(Control::id)
                .containsExactly("MLI-SM-07", "MLI-SM-08", "MLI-SM-09", "MLI-SM-10", "MLI-SM-11");
    }

    @Test
    void everyJobStepGetsTheSecureDefaults() {
        Plan plan = PlanEngine.plan(ctx -> {
            var p = new SecureTrainingPipeline("train", args().build());
            ctx.export("pipelineArn", p.pipelineArn());
        });
        PlannedResource pipeline = plan.resource("train-pipeline");
        assertThat(pipeline.getType()).isEqualTo("aws:sagemaker/pipeline:Pipeline");
        assertThat(pipeline.getInputs()).containsEntry("pipelineName", "fraud-training")
                .containsEntry("pipelineDisplayName", "fraud-training")
                .doesNotContainKey("pipelineDefinitionS3Location");
        String roleArn = (String) plan.resource("train-role-role").getOutputs().get("arn");
        String keyArn = (String) plan.resource("train-key-key").getOutputs().get("arn");
        assertThat(pipeline.getInputs()).containsEntry("roleArn", roleArn);
        assertThat(plan.getOutputs().get("pipelineArn")).isEqualTo(pipeline.getOutputs().get("arn"));
        String bucket = (String) plan.resource("train-artifacts-bucket").getOutputs().get("bucket");

        var def = PipelineDefinition.parse((String) pipeline.getInputs().get("pipelineDefinition"));
        var pre = (ProcessingStep) def.step("Preprocess").orElseThrow();
        assertThat(pre.getRoleArn()).contains(roleArn);
        assertThat(pre.getOutputKmsKeyId()).contains(keyArn);
        assertThat(pre.getVolumeKmsKeyId()).contains(keyArn);
        assertThat(pre.getEnableNetworkIsolation()).contains(true);
        assertThat(pre.getEnableInterContainerTrafficEncryption()).contains(true);
        assertThat(pre.getVpcConfig()).contains(VpcConfig.of(jobGroups(plan, "train"), SUBNETS));
        assertThat(pre.getMaxRuntimeInSeconds()).contains(86_400L);
        assertThat(pre.getInputs().get(0).getS3Uri()).contains(PipelineValue.of("s3://" + bucket + "/fraud-training/data/raw"));
        assertThat(pre.getOutputs().get(0).getS3Uri()).contains(PipelineValue.of("s3://" + bucket + "/fraud-training/Preprocess/train"));

        var train = (TrainingStep) def.step("Train").orElseThrow();
        assertThat(train.getInstanceCount()).isEqualTo(PipelineValue.of(2));
        assertThat(train.getRoleArn()).contains(roleArn);
        assertThat(train.getOutputKmsKeyId()).contains(keyArn);
        assertThat(train.getVolumeKmsKeyId()).contains(keyArn);
        assertThat(train.getEnableNetworkIsolation()).contains(true);
        assertThat(train.getEnableInterContainerTrafficEncryption()).contains(true);
        assertThat(train.getVpcConfig()).contains(VpcConfig.of(jobGroups(plan, "train"), SUBNETS));
        assertThat(train.getMaxRuntimeInSeconds()).contains(7200L);
        assertThat(train.getOutputS3Path()).contains(PipelineValue.of("s3://" + bucket + "/fraud-training/Train"));
        assertThat(def.step("Register")).contains(definition().step("Register").orElseThrow());
    }

    @Test
    void stepsNestedInConditionBranchesAreSecuredToo() {
        var base = definition();
        var retrain = TrainingStep.builder().name("Retrain").trainingImage(ECR + "team/trainer:2").instanceType("ml.m5.large")
                .addInputs(TrainingChannel.of("train", PipelineValue.of("s3://elsewhere/train/"))).build();
        var def = PipelineDefinition.builder().from(base)
                .addSteps(ConditionStep.builder().name("Check")
                        .addConditions(PipelineCondition.of(PipelineCondition.Type.GreaterThan,
                                PipelineValue.stepProperty("Train", "FinalMetricDataList['validation:auc'].Value"), PipelineValue.of(0.8)))
                        .addElseSteps(retrain).build())
                .build();
        Plan plan = PlanEngine.plan(ctx -> new SecureTrainingPipeline("n", args().pipelineName("nested").definition(def).build()));
        var back = PipelineDefinition.parse((String) plan.resource("n-pipeline").getInputs().get("pipelineDefinition"));
        var nested = (TrainingStep) back.step("Retrain").orElseThrow();
        assertThat(nested.getEnableNetworkIsolation()).contains(true);
        assertThat(nested.getEnableInterContainerTrafficEncryption()).contains(true);
        assertThat(nested.getVolumeKmsKeyId()).contains((String) plan.resource("n-key-key").getOutputs().get("arn"));
        assertThat(nested.getVpcConfig()).contains(VpcConfig.of(jobGroups(plan, "n"), SUBNETS));
        assertThat(nested.getMaxRuntimeInSeconds()).contains(86_400L);
        assertThat(((ConditionStep) back.step("Check").orElseThrow()).getElseSteps()).containsExactly(nested);
    }

    @Test
    void roleIsLeastPrivilege() {
        Plan plan = PlanEngine.plan(ctx -> new SecureTrainingPipeline("train", args().build()));
        var policy = PolicyDocument.parse((String) plan.resource("train-role-policy").getInputs().get("policy"));
        for (Statement s : policy.getStatements()) {
            assertThat(s.getActions()).noneMatch(Statement::isWildcardAction);
            if (s.getResources().contains("*")) {
                assertThat(s.getActions()).allMatch(StarOnlyActions::contains);
            }
        }
        assertThat(policy.toJson()).doesNotContain("AmazonSageMakerFullAccess").doesNotContain("sagemaker:*");
        assertThat(plan.resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).isEmpty();
        String p = "arn:aws:";
        String acct = ":us-east-1:123456789012:";
        assertThat(policy.statement("PullImages").orElseThrow().getResources()).containsExactly(
                p + "ecr" + acct + "repository/preprocess", p + "ecr" + acct + "repository/team/trainer");
        assertThat(policy.statement("EcrLogin").orElseThrow().getActions()).containsExactly("ecr:GetAuthorizationToken");
        assertThat(policy.statement("WriteJobLogs").orElseThrow().getResources()).containsExactly(
                p + "logs" + acct + "log-group:/aws/sagemaker/ProcessingJobs",
                p + "logs" + acct + "log-group:/aws/sagemaker/ProcessingJobs:log-stream:*",
                p + "logs" + acct + "log-group:/aws/sagemaker/TrainingJobs",
                p + "logs" + acct + "log-group:/aws/sagemaker/TrainingJobs:log-stream:*");
        assertThat(policy.statement("RunTrainingJobs").orElseThrow().getResources()).containsExactly(p + "sagemaker" + acct + "training-job/*");
        assertThat(policy.statement("RunProcessingJobs").orElseThrow().getActions()).containsExactly(
                "sagemaker:CreateProcessingJob", "sagemaker:DescribeProcessingJob", "sagemaker:StopProcessingJob");
        assertThat(policy.statement("RegisterModelPackages").orElseThrow().getResources()).containsExactly(
                p + "sagemaker" + acct + "model-package/fraud-detector/*", p + "sagemaker" + acct + "model-package-group/fraud-detector");
        assertThat(policy.statement("TagPipelineResources").orElseThrow().getActions()).containsExactly("sagemaker:AddTags");
        assertThat(policy.statement("CreateJobNetworkInterfaces").orElseThrow().getResources()).containsExactly(
                p + "ec2" + acct + "network-interface/*", p + "ec2" + acct + "subnet/subnet-0aaaaaaaaaaaaaaaa",
                p + "ec2" + acct + "subnet/subnet-0bbbbbbbbbbbbbbbb", p + "ec2" + acct + "security-group/" + jobGroups(plan, "train").get(0));
        String keyArn = (String) plan.resource("train-key-key").getOutputs().get("arn");
        assertThat(policy.statement("UseKey").orElseThrow().getResources()).containsExactly(keyArn);
        assertThat(policy.statement("GrantKeyToJobVolumes").orElseThrow().getResources()).containsExactly(keyArn);
        String bucketArn = (String) plan.resource("train-artifacts-bucket").getOutputs().get("arn");
        assertThat(policy.getStatements()).anySatisfy(s -> assertThat(s.getResources()).contains(bucketArn + "/fraud-training/*"));
        assertThat(policy.getStatements()).allSatisfy(s -> assertThat(s.getResources())
                .noneMatch(r -> r.startsWith(bucketArn + "/") && !r.startsWith(bucketArn + "/fraud-training/")));
        assertThat(policy.getStatements()).filteredOn(s -> s.getActions().contains("s3:ListBucket")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.getConditions()).singleElement()
                        .satisfies(c -> assertThat(c.getValues()).containsExactly("fraud-training/*")));

        var pass = PolicyDocument.parse((String) plan.resource("train-pass-role").getInputs().get("policy"));
        assertThat(pass.getStatements()).singleElement().satisfies(s -> {
            assertThat(s.getActions()).containsExactly("iam:PassRole");
            assertThat(s.getResources()).containsExactly((String) plan.resource("train-role-role").getOutputs().get("arn"));
            assertThat(s.getConditions()).singleElement().satisfies(c -> {
                assertThat(c.getKey()).isEqualTo("iam:PassedToService");
                assertThat(c.getValues()).containsExactly("sagemaker.amazonaws.com");
            });
        });
    }

    static JsonNode golden(String name) throws IOException {
        try (InputStream in = SecureTrainingPipelineTest.class.getResourceAsStream("/golden/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void goldenRolePolicyAndDefinition() throws IOException {
        Plan plan = PlanEngine.plan(ctx -> new SecureTrainingPipeline("train", args().build()));
        var m = new ObjectMapper();
        assertThat(m.readTree((String) plan.resource("train-role-policy").getInputs().get("policy")))
                .isEqualTo(golden("secure-training-pipeline-role-policy.json"));
        assertThat(m.readTree((String) plan.resource("train-pipeline").getInputs().get("pipelineDefinition")))
                .isEqualTo(golden("secure-training-pipeline-definition.json"));
    }

    @Test
    void waiversTurnControlsOffAndTravelWithThePlan() {
        Plan plan = PlanEngine.plan(ctx -> new SecureTrainingPipeline("lab", SecureTrainingPipelineArgs.builder()
                .pipelineName("lab")
                .definition(PipelineDefinition.builder().addSteps(TrainingStep.builder().name("Train")
                        .trainingImage("public.ecr.aws/lab/trainer:1").instanceType("ml.m5.large")
                        .addInputs(TrainingChannel.of("train", PipelineValue.of("s3://lab-data/train/"))).build()).build())
                .waive(Control.SM_NETWORK_ISOLATION, "The lab image downloads its tokenizer at start-up from the hub.")
                .waive(Control.SM_JOB_ENCRYPTION, "Public benchmark data only; nothing confidential is produced here.")
                .waive(Control.SM_INTER_CONTAINER_ENCRYPTION, "Single-instance job; no traffic between containers exists.")
                .waive(Control.SM_JOB_IN_VPC, "Sandbox account without a VPC; jobs are isolated per account.")
                .waive(Control.SM_MAX_RUNTIME, "Long benchmark runs are watched by the on-call scientist daily.")
                .build()));
        var pipeline = plan.resource("lab-pipeline");
        var train = (TrainingStep) PipelineDefinition.parse((String) pipeline.getInputs().get("pipelineDefinition"))
                .step("Train").orElseThrow();
        assertThat(train.getEnableNetworkIsolation()).contains(false);
        assertThat(train.getEnableInterContainerTrafficEncryption()).contains(false);
        assertThat(train.getOutputKmsKeyId()).isEmpty();
        assertThat(train.getVolumeKmsKeyId()).isEmpty();
        assertThat(train.getVpcConfig()).isEmpty();
        assertThat(train.getMaxRuntimeInSeconds()).contains(2_419_200L);
        assertThat(pipeline.getWaivers()).extracting(w -> w.getControl()).containsExactlyInAnyOrderElementsOf(SecureTrainingPipelineArgs.CONTROLS);
        assertThat(plan.resource("lab").getWaivers()).hasSize(5);
        @SuppressWarnings("unchecked")
        Map<String, String> tags = (Map<String, String>) pipeline.getInputs().get("tags");
        assertThat(tags).containsEntry("mlinfra:waiver:MLI-SM-10", "Sandbox account without a VPC jobs are isolated per account.");
        var policy = PolicyDocument.parse((String) plan.resource("lab-role-policy").getInputs().get("policy"));
        assertThat(policy.statement("CreateJobNetworkInterfaces")).isEmpty();
        assertThat(policy.statement("GrantKeyToJobVolumes")).isEmpty();
        assertThat(policy.statement("PullImages")).isEmpty();
        var report = Guard.defaults().check(plan);
        for (Control c : List.of(Control.SM_NETWORK_ISOLATION, Control.SM_JOB_ENCRYPTION, Control.SM_INTER_CONTAINER_ENCRYPTION,
                Control.SM_JOB_IN_VPC)) {
            assertThat(report.findingsOf(c.id())).as(c.id()).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.isSuppressed()).isTrue());
        }
        // a waived MLI-SM-11 still caps jobs, at SageMaker's 28-day limit (StoppingCondition is required)
        assertThat(report.findingsOf(Control.SM_MAX_RUNTIME.id())).isEmpty();
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsRegistered() {
        assertThatThrownBy(() -> args().pipelineName("-fraud").build())
                .hasMessage("SecureTrainingPipelineArgs.pipelineName: malformed; got \"-fraud\"; expected letters, digits and hyphens, "
                        + "starting and ending with a letter or digit (1 to 256 characters)");
        assertThatThrownBy(() -> args().pipelineName("fraud_training").build())
                .hasMessageStartingWith("SecureTrainingPipelineArgs.pipelineName: malformed; got \"fraud_training\"");
        assertThatThrownBy(() -> args().maxRuntimeSeconds(0).build())
                .hasMessage("SecureTrainingPipelineArgs.maxRuntimeSeconds: outside the allowed range; got 0; expected 1 to 2419200 seconds");
        assertThatThrownBy(() -> args().maxRuntimeSeconds(2_419_201L).build())
                .hasMessage("SecureTrainingPipelineArgs.maxRuntimeSeconds: outside the allowed range; got 2419201; expected 1 to 2419200 seconds");
        var def = definition();
        assertThatThrownBy(() -> args().definition(PipelineDefinition.builder().from(def)
                .parameters(List.of(PipelineParameter.string("TrainingInstanceType", "p3.2xlarge", "p3.2xlarge"))).build()).build())
                .hasMessage("SecureTrainingPipelineArgs.definition.steps[Train].instanceType: not a SageMaker ML instance type; "
                        + "got \"p3.2xlarge\"; expected \"ml.<family>.<size>\" such as \"ml.m5.xlarge\"");
        var dockerHub = PipelineDefinition.builder().addSteps(TrainingStep.builder().name("Train")
                .trainingImage("docker.io/library/python:3.12").instanceType("ml.m5.large").build()).build();
        assertThatThrownBy(() -> args().definition(dockerHub).build())
                .hasMessage("SecureTrainingPipelineArgs.definition.steps[Train].trainingImage: not an ECR image URI while network "
                        + "isolation (MLI-SM-07) is on; got \"docker.io/library/python:3.12\"; expected "
                        + "an ECR image URI \"<account>.dkr.ecr.<region>.amazonaws.com/<repo>[:tag|@sha256:<digest>]\"");
        var off = PipelineDefinition.builder().addSteps(TrainingStep.builder().name("Train")
                .trainingImage(ECR + "t:1").instanceType("ml.m5.large").enableNetworkIsolation(false).build()).build();
        assertThatThrownBy(() -> args().definition(off).build())
                .hasMessage("SecureTrainingPipelineArgs.definition.steps[Train].enableNetworkIsolation: off without a waiver of "
                        + "MLI-SM-07; got false; expected true, or waive(Control.SM_NETWORK_ISOLATION, \"<why>\")");
        assertThatThrownBy(() -> SecureTrainingPipelineArgs.builder().pipelineName("p").definition(def).build())
                .hasMessage("SecureTrainingPipelineArgs.placement: required while jobs run in a VPC (MLI-SM-10); got nothing; "
                        + "expected Placement.in(network) or Placement.existingVpc()…build(), or waive(Control.SM_JOB_IN_VPC, \"<why>\")");
        assertThatThrownBy(() -> args().waive(Control.SM_JOB_IN_VPC, "Sandbox account without a VPC; jobs are isolated per account.").build())
                .hasMessage("SecureTrainingPipelineArgs.placement: given while MLI-SM-10 is waived (the jobs would run outside it); "
                        + "got a placement; expected no placement, or no waiver of MLI-SM-10");
        assertThatThrownBy(() -> args().waive(Control.S3_TLS_ONLY, "Not a control of this component at all, surely.").build())
                .hasMessageStartingWith("SecureTrainingPipelineArgs.waivers: control MLI-S3-03 does not apply here");
        // nothing registered: the plan fails in build(), before the component exists
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new SecureTrainingPipeline("x", args().maxRuntimeSeconds(-1).build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("SecureTrainingPipelineArgs.maxRuntimeSeconds: outside the allowed range; got -1");
    }

    @Test
    void outputIdsAreValidatedWhenTheyResolve() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new SecureTrainingPipeline("x", args()
                .placement(existingVpc().subnetIds(Output.of(List.of("vpc-0123456789abcdef0"))).build()).build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("Placement.subnetIds: malformed; got \"vpc-0123456789abcdef0\"; expected a subnet id \"subnet-\" and 8 or 17 lowercase hex digits");
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new SecureTrainingPipeline("x", args()
                .placement(existingVpc().subnetIds(Output.of(List.of())).build()).build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("Placement.subnetIds: wrong number of ids; got []; expected 1 to 16 of a subnet id \"subnet-\" and 8 or 17 lowercase hex digits");
    }

    @Test
    void theJobsGetTheirOwnSecurityGroupMembersOnlyWithEgressToEndpointsAndS3() {
        Plan plan = PlanEngine.plan(ctx -> new SecureTrainingPipeline("train", args().build()));
        var sg = plan.resource("train-job-sg");
        String sgId = sg.getId().orElseThrow();
        assertThat(sg.getInputs()).containsEntry("vpcId", "vpc-0dddddddddddddddd").doesNotContainKeys("ingress", "egress");
        var in = plan.resource("train-job-sg-self-in").getInputs();
        assertThat(in).containsEntry("securityGroupId", sgId).containsEntry("referencedSecurityGroupId", sgId)
                .containsEntry("ipProtocol", "-1").doesNotContainKeys("cidrIpv4", "cidrIpv6", "prefixListId");
        var out = plan.resource("train-job-sg-self-out").getInputs();
        assertThat(out).containsEntry("securityGroupId", sgId).containsEntry("referencedSecurityGroupId", sgId);
        assertThat(plan.resource("train-job-https-endpoints").getInputs()).containsEntry("securityGroupId", sgId)
                .containsEntry("referencedSecurityGroupId", ENDPOINT_SG).containsEntry("fromPort", 443L).containsEntry("toPort", 443L);
        assertThat(plan.resource("train-job-https-s3").getInputs()).containsEntry("securityGroupId", sgId)
                .containsEntry("prefixListId", "pl-63a5400a");
        // nothing else: no rule of this group names a CIDR
        assertThat(plan.resourcesOfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"))
                .extracting(PlannedResource::getName).containsExactly("train-job-sg-self-in");
        assertThat(plan.resourcesOfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"))
                .allSatisfy(r -> assertThat(r.getInputs()).doesNotContainKeys("cidrIpv4", "cidrIpv6"));
        // without an S3 prefix list the region's is looked up
        Plan lookedUp = PlanEngine.plan(ctx -> new SecureTrainingPipeline("train", args()
                .placement(Placement.existingVpc().vpcId("vpc-0dddddddddddddddd").subnetIds(Output.of(SUBNETS))
                        .endpointSecurityGroupId(ENDPOINT_SG).build()).build()));
        assertThat((String) lookedUp.resource("train-job-https-s3").getInputs().get("prefixListId")).startsWith("pl-");
        assertThat(Guard.defaults().check(plan).openFindings()).isEmpty();
    }

    @Test
    void inANetworkTheJobsUseItsSubnetsAndEndpoints() {
        Plan plan = PlanEngine.plan(ctx -> {
            var net = new PrivateNetwork("ml", PrivateNetworkArgs.builder().build());
            new SecureTrainingPipeline("train", args().placement(Placement.in(net)).build());
        });
        assertThat(plan.resource("train-job-sg").getInputs()).containsEntry("vpcId", plan.resource("ml-vpc").getId().orElseThrow());
        assertThat(plan.resource("train-job-https-endpoints").getInputs())
                .containsEntry("referencedSecurityGroupId", plan.resource("ml-endpoint-sg").getId().orElseThrow());
        var train = (TrainingStep) PipelineDefinition.parse((String) plan.resource("train-pipeline").getInputs()
                .get("pipelineDefinition")).step("Train").orElseThrow();
        assertThat(train.getVpcConfig().orElseThrow().getSubnets()).containsExactly(
                plan.resource("ml-private-0").getId().orElseThrow(), plan.resource("ml-private-1").getId().orElseThrow());
        assertThat(Guard.defaults().check(plan).openFindings()).isEmpty();
    }

    // ------------------------------------------------------------ model package groups (issue 12 item 6)

    @Test
    void registerStepGroupsAreCreatedProtectedTaggedAndGranted() {
        Plan plan = PlanEngine.plan(ctx -> new SecureTrainingPipeline("train", args().putTags("team", "fraud").build()));
        PlannedResource group = plan.resource("train-model-group-Fraud-Detector");
        assertThat(group.getType()).isEqualTo("aws:sagemaker/modelPackageGroup:ModelPackageGroup");
        assertThat(group.isProtect()).isTrue();
        assertThat(group.getParent()).contains(plan.resource("train").getUrn());
        assertThat(group.getInputs()).containsEntry("modelPackageGroupName", "Fraud-Detector")
                .containsEntry("tags", Map.of("team", "fraud", "mlinfra:managed-by", "mlinfra"));
        String arn = "arn:aws:sagemaker:us-east-1:123456789012:model-package-group/fraud-detector";
        assertThat(group.getOutputs()).containsEntry("arn", arn);
        var policy = PolicyDocument.parse((String) plan.resource("train-role-policy").getInputs().get("policy"));
        assertThat(policy.statement("RegisterModelPackages").orElseThrow().getResources()).containsExactly(
                "arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud-detector/*", arn);
    }

    @Test
    void existingGroupsAreTakenByNameNotCreated() {
        Plan plan = PlanEngine.plan(ctx -> new SecureTrainingPipeline("train",
                args().addExistingModelPackageGroups("Fraud-Detector").build()));
        assertThat(plan.resourcesOfType("aws:sagemaker/modelPackageGroup:ModelPackageGroup")).isEmpty();
        var policy = PolicyDocument.parse((String) plan.resource("train-role-policy").getInputs().get("policy"));
        assertThat(policy.statement("RegisterModelPackages").orElseThrow().getResources())
                .contains("arn:aws:sagemaker:us-east-1:123456789012:model-package-group/fraud-detector");
        assertThatThrownBy(() -> args().addExistingModelPackageGroups("shared-models").build())
                .hasMessage("SecureTrainingPipelineArgs.existingModelPackageGroups: not named by any RegisterModelStep; "
                        + "got \"shared-models\"; expected one of [Fraud-Detector]");
        assertThatThrownBy(() -> args().addExistingModelPackageGroups("shared_models").build())
                .hasMessageStartingWith("SecureTrainingPipelineArgs.existingModelPackageGroups: malformed; got \"shared_models\"");
    }

    // ------------------------------------------------------------ instance storage (issue 12 item 8)

    static PipelineDefinition onInstanceType(PipelineValue type, PipelineParameter... parameters) {
        return PipelineDefinition.builder().addParameters(parameters)
                .addSteps(ProcessingStep.builder().name("Preprocess").imageUri(ECR + "preprocess:2.1").instanceType(type)
                        .addOutputs(ProcessingOutput.of("train", "/opt/ml/processing/train")).build())
                .addSteps(TrainingStep.builder().name("Train").trainingImage(ECR + "trainer:1").instanceType(type)
                        .addInputs(TrainingChannel.of("train", PipelineValue.stepProperty("Preprocess",
                                "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"))).build())
                .build();
    }

    static PipelineDefinition planned(PipelineDefinition def) {
        Plan plan = PlanEngine.plan(ctx -> new SecureTrainingPipeline("p", args().definition(def).build()));
        return PipelineDefinition.parse((String) plan.resource("p-pipeline").getInputs().get("pipelineDefinition"));
    }

    @Test
    void instanceTypesWithInstanceStorageGetNoVolumeKeyButKeepTheOutputKey() {
        var back = planned(onInstanceType(PipelineValue.of("ml.g5.xlarge")));
        var train = (TrainingStep) back.step("Train").orElseThrow();
        var pre = (ProcessingStep) back.step("Preprocess").orElseThrow();
        assertThat(train.getVolumeKmsKeyId()).isEmpty();
        assertThat(pre.getVolumeKmsKeyId()).isEmpty();
        assertThat(train.getOutputKmsKeyId()).isPresent();
        assertThat(pre.getOutputKmsKeyId()).isPresent();
        assertThat(back.toJson()).doesNotContain("VolumeKmsKeyId");
        // EBS-only types keep the volume key
        var ebs = (TrainingStep) planned(onInstanceType(PipelineValue.of("ml.m5.xlarge"))).step("Train").orElseThrow();
        assertThat(ebs.getVolumeKmsKeyId()).isPresent();
    }

    @Test
    void aParameterInstanceTypeIsConstrainedByItsEnumValues() {
        var gpu = PipelineParameter.string("InstanceType", "ml.g5.2xlarge", "ml.g5.2xlarge", "ml.g6e.xlarge", "ml.g6.xlarge");
        var back = planned(onInstanceType(PipelineValue.parameter("InstanceType"), gpu));
        assertThat(((TrainingStep) back.step("Train").orElseThrow()).getVolumeKmsKeyId()).isEmpty();
        assertThat(back.parameter("InstanceType").orElseThrow().getEnumValues())
                .containsExactly("ml.g5.2xlarge", "ml.g6e.xlarge", "ml.g6.xlarge");
        var cpu = PipelineParameter.string("InstanceType", "ml.m5.xlarge", "ml.m5.xlarge", "ml.c5.2xlarge");
        assertThat(((TrainingStep) planned(onInstanceType(PipelineValue.parameter("InstanceType"), cpu)).step("Train")
                .orElseThrow()).getVolumeKmsKeyId()).isPresent();
    }

    @Test
    void aParameterThatMayTakeEitherKindIsRefused() {
        var mixed = PipelineParameter.string("InstanceType", "ml.m5.xlarge", "ml.m5.xlarge", "ml.g5.xlarge");
        assertThatThrownBy(() -> args().definition(onInstanceType(PipelineValue.parameter("InstanceType"), mixed)).build())
                .hasMessageStartingWith("SecureTrainingPipelineArgs.definition.steps[Preprocess].instanceType: the EnumValues of parameter "
                        + "InstanceType mix types with instance storage (SageMaker refuses VolumeKmsKeyId there) and without "
                        + "(where MLI-SM-08 needs it); got [\"ml.m5.xlarge\", \"ml.g5.xlarge\"]; expected values all with or all "
                        + "without instance storage (with: ml.g5.xlarge)\n"
                        + "SecureTrainingPipelineArgs.definition.steps[Train].instanceType: the EnumValues of parameter ");
        var open = PipelineParameter.string("InstanceType", "ml.m5.xlarge");
        assertThatThrownBy(() -> args().definition(onInstanceType(PipelineValue.parameter("InstanceType"), open)).build())
                .hasMessageStartingWith("SecureTrainingPipelineArgs.definition.steps[Preprocess].instanceType: may take any value "
                        + "at execution, so the component cannot tell whether the instance has instance storage")
                .hasMessageContaining("got \"Parameters.InstanceType\"; expected a literal type, or a String parameter with "
                        + "EnumValues all with or all without instance storage");
        var badValue = PipelineParameter.string("InstanceType", "ml.m5.xlarge", "ml.m5.xlarge", "m5.2xlarge");
        assertThatThrownBy(() -> args().definition(onInstanceType(PipelineValue.parameter("InstanceType"), badValue)).build())
                .hasMessageStartingWith("SecureTrainingPipelineArgs.definition.steps[Preprocess].instanceType: not a SageMaker "
                        + "ML instance type; got \"m5.2xlarge\"");
        // without job encryption (MLI-SM-08 waived) no volume key is set, so any value works
        assertThat(args().definition(onInstanceType(PipelineValue.parameter("InstanceType"), mixed))
                .waive(Control.SM_JOB_ENCRYPTION, "Public benchmark data only; nothing confidential is produced here.")
                .build().getDefinition().parameter("InstanceType")).isPresent();
    }

    // ------------------------------------------------------------ regions (issue 12 item 7)

    @Test
    void anImageOfAnotherRegionIsRefusedWhenTheRegionResolves() {
        var eu = PlanOptions.builder().region("eu-west-1").build();
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new SecureTrainingPipeline("x", args().build()), eu))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("SecureTrainingPipelineArgs.definition.steps[Preprocess].imageUri: an ECR image of region "
                        + "us-east-1 while the stack deploys to eu-west-1 (SageMaker pulls images from the job's own region); "
                        + "got \"123456789012.dkr.ecr.us-east-1.amazonaws.com/preprocess:2.1\"; expected an image in "
                        + "eu-west-1's registry");
        String euEcr = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/";
        var def = PipelineDefinition.builder()
                .addSteps(TrainingStep.builder().name("Train").trainingImage(euEcr + "trainer:1").instanceType("ml.m5.large")
                        .addInputs(TrainingChannel.of("train", PipelineValue.of("s3://data/train/"))).build())
                .build();
        Plan plan = PlanEngine.plan(ctx -> new SecureTrainingPipeline("x", args().definition(def).build()), eu);
        assertThat((String) plan.resource("x-pipeline").getInputs().get("pipelineDefinition")).contains(euEcr + "trainer:1");
    }
}
