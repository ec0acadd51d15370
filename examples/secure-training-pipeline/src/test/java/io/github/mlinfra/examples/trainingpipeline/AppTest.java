package io.github.mlinfra.examples.trainingpipeline;

import static org.assertj.core.api.Assertions.assertThat;

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
    static final String SUBNETS = "[\"subnet-0aaaaaaaaaaaaaaaa\",\"subnet-0bbbbbbbbbbbbbbbb\"]";
    static final String GROUPS = "[\"sg-0cccccccccccccccc\"]";

    static Plan plan() {
        return PlanEngine.plan(App::stack, PlanOptions.builder()
                .project("secure-training-pipeline")
                .config(Map.of("secure-training-pipeline:privateSubnetIds", SUBNETS,
                        "secure-training-pipeline:securityGroupIds", GROUPS))
                .build());
    }

    @Test
    void pipelineIsInlineTypedAndEveryJobIsSecured() {
        Plan plan = plan();
        var pipeline = plan.resource("training-pipeline");
        assertThat(pipeline.getInputs()).containsEntry("pipelineName", "MyModelTrainingPipeline")
                .doesNotContainKey("pipelineDefinitionS3Location");
        assertThat(plan.getOutputs()).containsEntry("sagemaker_pipeline_arn", pipeline.getOutputs().get("arn"));
        String key = (String) plan.resource("training-key-key").getOutputs().get("arn");
        var def = PipelineDefinition.parse((String) pipeline.getInputs().get("pipelineDefinition"));
        assertThat(def.allSteps()).extracting(PipelineStep::getName).containsExactly("Preprocess", "Train", "Register");
        var vpc = VpcConfig.of(List.of("sg-0cccccccccccccccc"), List.of("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"));
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
        assertThat(policy.statement("PullStepImages").orElseThrow().getResources()).containsExactly(
                "arn:aws:ecr:us-east-1:683313688378:repository/sagemaker-scikit-learn",
                "arn:aws:ecr:us-east-1:683313688378:repository/sagemaker-xgboost");
    }
}
