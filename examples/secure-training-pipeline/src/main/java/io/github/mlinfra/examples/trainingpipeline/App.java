package io.github.mlinfra.examples.trainingpipeline;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import io.github.mlinfra.aws.NameRules;
import io.github.mlinfra.network.PrivateNetwork;
import io.github.mlinfra.network.PrivateNetworkArgs;
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
        String trainImage = cfg.get("trainingImage").orElse(XGBOOST);
        var net = new PrivateNetwork("ml", PrivateNetworkArgs.builder().build());
        // job security group: no ingress but its own members (distributed training), egress to the endpoints, S3 and itself
        var sg = new SecurityGroup("training-jobs-sg", SecurityGroupArgs.builder().vpcId(net.vpcId())
                .description("SageMaker pipeline jobs: traffic between job instances only").build());
        new SecurityGroupIngressRule("training-jobs-self-in", SecurityGroupIngressRuleArgs.builder().securityGroupId(sg.id())
                .ipProtocol("-1").referencedSecurityGroupId(sg.id()).description("between job instances").build());
        new SecurityGroupEgressRule("training-jobs-self-out", SecurityGroupEgressRuleArgs.builder().securityGroupId(sg.id())
                .ipProtocol("-1").referencedSecurityGroupId(sg.id()).description("between job instances").build());
        net.allowWorkloadEgress("training-jobs", sg.id());

        var definition = PipelineDefinition.builder()
                .addParameters(PipelineParameter.string("TrainingInstanceType", "ml.m5.xlarge"))
                .addSteps(ProcessingStep.builder().name("Preprocess")
                        .imageUri(cfg.get("processingImage").orElse(SKLEARN)).instanceType("ml.m5.xlarge")
                        .addContainerEntrypoint("python3", "/opt/ml/processing/input/code/preprocess.py")
                        .addInputs(ProcessingInput.of("raw", "/opt/ml/processing/input/raw"),
                                ProcessingInput.of("code", "/opt/ml/processing/input/code"))
                        .addOutputs(ProcessingOutput.of("train", "/opt/ml/processing/train")).build())
                .addSteps(TrainingStep.builder().name("Train").trainingImage(trainImage)
                        .instanceType(PipelineValue.parameter("TrainingInstanceType")).instanceCount(2)
                        .addInputs(TrainingChannel.builder().channelName("train").contentType("text/csv")
                                .s3Uri(PipelineValue.stepProperty("Preprocess", "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"))
                                .build())
                        .putHyperParameters("objective", "binary:logistic").putHyperParameters("num_round", "100").build())
                .addSteps(RegisterModelStep.builder().name("Register").modelPackageGroupName("secure-training-models")
                        .image(trainImage)
                        .modelDataUrl(PipelineValue.stepProperty("Train", "ModelArtifacts.S3ModelArtifacts")).build())
                .build();
        var pipeline = new SecureTrainingPipeline("training", SecureTrainingPipelineArgs.builder()
                // the seed's fixed "MyModelTrainingPipeline" collides when a dev and a prod stack share
                // an account: derive the name from project and stack (SageMaker's rule, hash if long)
                .pipelineName(NameRules.derive(NameRules.Rule.SAGEMAKER_PIPELINE, ctx.projectName(), ctx.stackName(),
                        "MyModelTrainingPipeline"))
                .description("Pipeline for training and registering an ML model")
                .definition(definition)
                .subnetIds(net.privateSubnetIds())
                .securityGroupIds(sg.id().applyValue(List::of))
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
