package io.github.mlinfra.examples.trainingpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlinfra.guard.Guard;
import io.github.mlinfra.iam.StarOnlyActions;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanOptions;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import io.github.mlinfra.sagemaker.PipelineDefinition;
import io.github.mlinfra.sagemaker.PipelineStep;
import io.github.mlinfra.sagemaker.ProcessingStep;
import io.github.mlinfra.sagemaker.RegisterModelStep;
import io.github.mlinfra.sagemaker.TrainingStep;
import io.github.mlinfra.sagemaker.VpcConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppTest {
    static Plan plan() {
        return PlanEngine.plan(App::stack, PlanOptions.builder().project("secure-training-pipeline").build());
    }

    static Plan plan(String region) {
        return PlanEngine.plan(App::stack, PlanOptions.builder().project("secure-training-pipeline").region(region).build());
    }

    @Test
    void pipelineIsInlineTypedAndEveryJobIsSecured() {
        Plan plan = plan();
        var pipeline = plan.resource("training-pipeline");
        assertThat(pipeline.getInputs()).containsEntry("pipelineName", "mlinfra-secure-training-pipeline-dev-MyModelTrainingPipeline") // from project and stack
                .doesNotContainKey("pipelineDefinitionS3Location");
        assertThat(plan.getOutputs()).containsEntry("sagemaker_pipeline_arn", pipeline.getOutputs().get("arn"));
        String key = (String) plan.resource("training-key-key").getOutputs().get("arn");
        var def = PipelineDefinition.parse((String) pipeline.getInputs().get("pipelineDefinition"));
        assertThat(def.allSteps()).extracting(PipelineStep::getName).containsExactly("Preprocess", "Train", "Register");
        List<String> subnets = plan.resourcesOfType("aws:ec2/subnet:Subnet").stream().map(r -> r.getId().orElseThrow()).toList();
        String sg = plan.resource("training-job-sg").getId().orElseThrow();
        assertThat(subnets).isNotEmpty();
        assertThat(plan.resource("training-job-sg-self-in").getInputs()).containsEntry("referencedSecurityGroupId", sg)
                .doesNotContainKey("cidrIpv4");
        assertThat(plan.resourcesOfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"))
                .noneMatch(r -> "0.0.0.0/0".equals(r.getInputs().get("cidrIpv4")));
        var vpc = VpcConfig.of(List.of(sg), subnets);
        var pre = (ProcessingStep) def.step("Preprocess").orElseThrow();
        assertThat(pre.getEnableNetworkIsolation()).contains(true);
        assertThat(pre.getEnableInterContainerTrafficEncryption()).contains(true);
        assertThat(pre.getOutputKmsKeyId()).contains(key);
        assertThat(pre.getVolumeKmsKeyId()).contains(key);
        assertThat(pre.getVpcConfig()).contains(vpc);
        assertThat(pre.getMaxRuntimeInSeconds()).contains(86_400L);
        var train = (TrainingStep) def.step("Train").orElseThrow();
        assertThat(train.getEnableNetworkIsolation()).contains(true);
        assertThat(train.getEnableInterContainerTrafficEncryption()).contains(true);
        assertThat(train.getOutputKmsKeyId()).contains(key);
        assertThat(train.getVolumeKmsKeyId()).contains(key);
        assertThat(train.getVpcConfig()).contains(vpc);
        assertThat(train.getMaxRuntimeInSeconds()).contains(86_400L);
        assertThat(((RegisterModelStep) def.step("Register").orElseThrow()).getModelApprovalStatus()).isEqualTo("PendingManualApproval");
        assertThat(plan.resource("training-key-key").isProtect()).isTrue();
        assertThat(plan.resource("training-artifacts-bucket").isProtect()).isTrue();
    }

    @Test
    void guardFindsNothingOpen() {
        var report = Guard.defaults().check(plan());
        assertThat(report.openFindings()).extracting(f -> f.toString()).isEmpty();
        assertThat(report.findingsOf("MLI-SM-07")).isEmpty();
        for (String rule : List.of("MLI-SM-07", "MLI-SM-08", "MLI-SM-09", "MLI-SM-10", "MLI-SM-11")) {
            assertThat(report.getRules()).extracting(r -> r.id()).contains(rule);
        }
    }

    @Test
    void roleHasNoManagedPolicyAndNoWildcardActions() {
        Plan plan = plan();
        assertThat(plan.resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).isEmpty();
        var policy = PolicyDocument.parse((String) plan.resource("training-role-policy").getInputs().get("policy"));
        for (Statement s : policy.getStatements()) {
            assertThat(s.getActions()).noneMatch(Statement::isWildcardAction);
            if (s.getResources().contains("*")) {
                assertThat(s.getActions()).allMatch(StarOnlyActions::contains);
            }
        }
        assertThat(policy.statement("PullImages").orElseThrow().getResources()).containsExactly(
                "arn:aws:ecr:us-east-1:683313688378:repository/sagemaker-scikit-learn",
                "arn:aws:ecr:us-east-1:683313688378:repository/sagemaker-xgboost");
    }

    @Test
    void plansInTwoRegionsWithTheImagesOfEach() {
        Map<String, String> sagemakerAccount = Map.of("us-east-1", "683313688378", "eu-west-1", "141502667606");
        sagemakerAccount.forEach((region, account) -> {
            Plan plan = plan(region);
            var def = PipelineDefinition.parse((String) plan.resource("training-pipeline").getInputs().get("pipelineDefinition"));
            String registry = account + ".dkr.ecr." + region + ".amazonaws.com/";
            assertThat(((ProcessingStep) def.step("Preprocess").orElseThrow()).getImageUri().literal())
                    .contains(registry + "sagemaker-scikit-learn:1.2-1-cpu-py3");
            assertThat(((TrainingStep) def.step("Train").orElseThrow()).getTrainingImage().literal())
                    .contains(registry + "sagemaker-xgboost:1.7-1");
            assertThat(((RegisterModelStep) def.step("Register").orElseThrow()).getImage().literal())
                    .contains(registry + "sagemaker-xgboost:1.7-1");
            var policy = PolicyDocument.parse((String) plan.resource("training-role-policy").getInputs().get("policy"));
            assertThat(policy.statement("PullImages").orElseThrow().getResources()).as(region).containsExactly(
                    "arn:aws:ecr:" + region + ":" + account + ":repository/sagemaker-scikit-learn",
                    "arn:aws:ecr:" + region + ":" + account + ":repository/sagemaker-xgboost");
            assertThat(Guard.defaults().check(plan).openFindings()).as(region).isEmpty();
        });
    }

    @Test
    void theModelPackageGroupIsCreatedPerStackAndTheRoleMayRegisterInIt() {
        Plan plan = plan();
        var group = plan.resource("training-model-group-mlinfra-secure-training-pipeline-dev-models");
        assertThat(group.getType()).isEqualTo("aws:sagemaker/modelPackageGroup:ModelPackageGroup");
        assertThat(group.isProtect()).isTrue();
        assertThat(group.getInputs()).containsEntry("modelPackageGroupName", "mlinfra-secure-training-pipeline-dev-models");
        var def = PipelineDefinition.parse((String) plan.resource("training-pipeline").getInputs().get("pipelineDefinition"));
        assertThat(((RegisterModelStep) def.step("Register").orElseThrow()).getModelPackageGroupName())
                .isEqualTo("mlinfra-secure-training-pipeline-dev-models");
        var policy = PolicyDocument.parse((String) plan.resource("training-role-policy").getInputs().get("policy"));
        assertThat(policy.statement("RegisterModelPackages").orElseThrow().getResources()).containsExactly(
                "arn:aws:sagemaker:us-east-1:123456789012:model-package/mlinfra-secure-training-pipeline-dev-models/*",
                (String) group.getOutputs().get("arn"));
        Plan prod = PlanEngine.plan(App::stack, PlanOptions.builder().project("secure-training-pipeline").stack("prod").build());
        assertThat(prod.resourcesOfType("aws:sagemaker/modelPackageGroup:ModelPackageGroup")).singleElement()
                .satisfies(g -> assertThat(g.getInputs()).containsEntry("modelPackageGroupName", "mlinfra-secure-training-pipeline-prod-models"));
    }

    @Test
    void theTrainingInstanceTypeParameterTakesOnlyEbsBackedTypes() {
        var def = PipelineDefinition.parse((String) plan().resource("training-pipeline").getInputs().get("pipelineDefinition"));
        assertThat(def.parameter("TrainingInstanceType").orElseThrow().getEnumValues())
                .containsExactly("ml.m5.xlarge", "ml.m5.2xlarge", "ml.m5.4xlarge")
                .noneMatch(io.github.mlinfra.aws.InstanceStorage::hasInstanceStorage);
    }
}
