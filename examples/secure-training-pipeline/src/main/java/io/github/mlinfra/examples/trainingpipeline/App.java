package io.github.mlinfra.examples.trainingpipeline;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import io.github.mlinfra.sagemaker.*;
import java.util.List;

/** Seed 004: a SageMaker pipeline that processes data, trains and registers the model, securely. */
public final class App {
    static final String SKLEARN = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3";
    static final String XGBOOST = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

    private App() {}

    /**
     * The stack.
     *
     * @param ctx the Pulumi context
     */
    public static void stack(Context ctx) {
        var cfg = ctx.config();
        var definition = PipelineDefinition.builder()
                .addParameters(PipelineParameter.string("TrainingInstanceType", "ml.m5.xlarge"))
                .addSteps(ProcessingStep.builder().name("Preprocess")
                        .imageUri(cfg.get("processingImage").orElse(SKLEARN)).instanceType("ml.m5.xlarge")
                        .addContainerEntrypoint("python3", "/opt/ml/processing/input/code/preprocess.py")
                        .addInputs(ProcessingInput.of("raw", "/opt/ml/processing/input/raw"),
                                ProcessingInput.of("code", "/opt/ml/processing/input/code"))
                        .addOutputs(ProcessingOutput.of("train", "/opt/ml/processing/train"))
                        .build())
                .addSteps(TrainingStep.builder().name("Train")
                        .trainingImage(cfg.get("trainingImage").orElse(XGBOOST))
                        .instanceType(PipelineValue.parameter("TrainingInstanceType")).instanceCount(2)
                        .addInputs(TrainingChannel.builder().channelName("train").contentType("text/csv")
                                .s3Uri(PipelineValue.stepProperty("Preprocess", "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"))
                                .build())
                        .putHyperParameters("objective", "binary:logistic").putHyperParameters("num_round", "100")
                        .build())
                .addSteps(RegisterModelStep.builder().name("Register")
                        .modelPackageGroupName("secure-training-models")
                        .image(cfg.get("trainingImage").orElse(XGBOOST))
                        .modelDataUrl(PipelineValue.stepProperty("Train", "ModelArtifacts.S3ModelArtifacts"))
                        .build())
                .build();
        var pipeline = new SecureTrainingPipeline("training", SecureTrainingPipelineArgs.builder()
                .pipelineName("MyModelTrainingPipeline")
                .description("Pipeline for training and registering an ML model")
                .definition(definition)
                // PrivateNetwork is not on main yet: subnets and security groups come from stack config
                .subnetIds(Output.of(List.of(cfg.requireObject("privateSubnetIds", String[].class))))
                .securityGroupIds(Output.of(List.of(cfg.requireObject("securityGroupIds", String[].class))))
                .build());
        ctx.export("sagemaker_pipeline_arn", pipeline.pipelineArn());
    }

    /**
     * Runs the stack.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }
}
