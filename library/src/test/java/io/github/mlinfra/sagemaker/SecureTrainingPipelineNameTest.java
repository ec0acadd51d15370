package io.github.mlinfra.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.aws.NameRules;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanOptions;
import org.junit.jupiter.api.Test;

/**
 * The pipeline name defaults to one derived from project, stack and component name, within
 * SageMaker's rule
 * (<a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreatePipeline.html">CreatePipeline</a>:
 * {@code ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$}); a given name is kept and checked.
 */
class SecureTrainingPipelineNameTest {

    static SecureTrainingPipelineArgs.Builder unnamed() {
        return SecureTrainingPipelineArgs.builder()
                .definition(SecureTrainingPipelineTest.definition())
                .placement(SecureTrainingPipelineTest.existingVpc().build());
    }

    @Test
    void theNameIsOptionalAndDerivedFromProjectStackAndComponent() {
        var args = unnamed().build();
        assertThat(args.getPipelineName()).isEmpty();
        assertThat(args.pipelineName("training", "fraud", "prod")).isEqualTo("mlinfra-fraud-prod-training");
        Plan plan = PlanEngine.plan(ctx -> new SecureTrainingPipeline("training", args),
                PlanOptions.builder().project("fraud").stack("prod").build());
        var pipeline = plan.resource("training-pipeline");
        assertThat(pipeline.getInputs()).containsEntry("pipelineName", "mlinfra-fraud-prod-training")
                .containsEntry("pipelineDisplayName", "mlinfra-fraud-prod-training");
        // the artifact prefix follows the name in effect: job outputs land under it
        var def = PipelineDefinition.parse((String) pipeline.getInputs().get("pipelineDefinition"));
        String bucket = (String) plan.resource("training-artifacts-bucket").getOutputs().get("bucket");
        assertThat(((TrainingStep) def.step("Train").orElseThrow()).getOutputS3Path())
                .contains(PipelineValue.of("s3://" + bucket + "/mlinfra-fraud-prod-training/Train"));
    }

    @Test
    void twoStacksOfOneProgramGetTwoNames() {
        var args = unnamed().build();
        assertThat(args.pipelineName("training", "fraud", "dev")).isNotEqualTo(args.pipelineName("training", "fraud", "prod"));
    }

    @Test
    void derivedNamesAreAcceptedBySageMakersRuleEvenFromUnruleyParts() {
        var args = unnamed().build();
        for (String[] parts : new String[][] {{"fraud", "prod", "training"}, {"my_project", "dev.eu-1", "Train_Job"},
                {"p".repeat(200), "s".repeat(80), "c".repeat(40)}, {"--", "__", ".."}}) {
            String name = args.pipelineName(parts[2], parts[0], parts[1]);
            assertThat(NameRules.problem(NameRules.Rule.SAGEMAKER_PIPELINE, name)).as(name).isEmpty();
            assertThat(name).matches(SecureTrainingPipelineArgs.PIPELINE_NAME).hasSizeLessThanOrEqualTo(256);
        }
    }

    @Test
    void aGivenNameIsKeptVerbatimAndStillChecked() {
        var named = unnamed().pipelineName("Fraud-Training-2").build();
        assertThat(named.pipelineName("training", "fraud", "prod")).isEqualTo("Fraud-Training-2");
        assertThat(SecureTrainingPipeline.artifactPrefix(named, "Fraud-Training-2")).isEqualTo("Fraud-Training-2/");
        assertThatThrownBy(() -> unnamed().pipelineName("fraud--").build()).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("SecureTrainingPipelineArgs.pipelineName: malformed; got \"fraud--\"");
        assertThatThrownBy(() -> unnamed().pipelineName("p".repeat(257)).build()).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("SecureTrainingPipelineArgs.pipelineName: malformed");
        assertThat(unnamed().pipelineName("p".repeat(256)).build().getPipelineName()).contains("p".repeat(256));
    }

    @Test
    void givenDisplayNameAndPrefixWin() {
        var args = unnamed().displayName("Fraud training").artifactPrefix("jobs/").build();
        Plan plan = PlanEngine.plan(ctx -> new SecureTrainingPipeline("training", args),
                PlanOptions.builder().project("fraud").stack("prod").build());
        assertThat(plan.resource("training-pipeline").getInputs()).containsEntry("pipelineDisplayName", "Fraud training")
                .containsEntry("pipelineName", "mlinfra-fraud-prod-training");
        assertThat(SecureTrainingPipeline.artifactPrefix(args, "x")).isEqualTo("jobs/");
        assertThatThrownBy(() -> unnamed().artifactPrefix("/jobs").build()).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("SecureTrainingPipelineArgs.artifactPrefix: malformed");
        assertThatThrownBy(() -> unnamed().displayName(" ").build()).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("SecureTrainingPipelineArgs.displayName: empty or longer than 256 characters");
    }
}
