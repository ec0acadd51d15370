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
import io.github.mlinfra.aws.SageMakerImages;
import io.github.mlinfra.aws.SageMakerImages.Family;
import io.github.mlinfra.network.PrivateNetwork;
import io.github.mlinfra.network.PrivateNetworkArgs;
import io.github.mlinfra.sagemaker.*;
import java.util.List;

/** Seed 004: a SageMaker pipeline that processes data, trains and registers the model, securely. */
public final class App {
    /** The scikit-learn image tag of the preprocessing step. */
    static final String SKLEARN_TAG = "1.2-1-cpu-py3";
    /** The XGBoost image tag of the training step (and the registered model). */
    static final String XGBOOST_TAG = "1.7-1";

    private App() {}

    /**
     * The stack.
     *
     * @param ctx the Pulumi context
     */
    public static void stack(Context ctx) {
        var cfg = ctx.config();
        String region = region(ctx);
        // SageMaker pulls images from the job's own region: name the first-party images of this stack's region
        String trainImage = cfg.get("trainingImage").orElse(SageMakerImages.uri(Family.XGBOOST, region, XGBOOST_TAG));
        String processingImage = cfg.get("processingImage").orElse(SageMakerImages.uri(Family.SCIKIT_LEARN, region, SKLEARN_TAG));
        // a model package group per stack, so a dev and a prod stack in one account do not collide; a given name is kept
        String group = cfg.get("modelPackageGroup").orElse(
                NameRules.derive(NameRules.Rule.SAGEMAKER_MODEL_PACKAGE_GROUP, ctx.projectName(), ctx.stackName(), "models"));
        var net = new PrivateNetwork("ml", PrivateNetworkArgs.builder().build());
        // job security group: no ingress but its own members (distributed training), egress to the endpoints, S3 and itself
        var sg = new SecurityGroup("training-jobs-sg", SecurityGroupArgs.builder().vpcId(net.vpcId())
                .description("SageMaker pipeline jobs: traffic between job instances only")
                .tags(java.util.Map.of("Name", "training-jobs")).build()); // MLI-TAG-01 (Security Hub EC2.43)
        new SecurityGroupIngressRule("training-jobs-self-in", SecurityGroupIngressRuleArgs.builder().securityGroupId(sg.id())
                .ipProtocol("-1").referencedSecurityGroupId(sg.id()).description("between job instances").build());
        new SecurityGroupEgressRule("training-jobs-self-out", SecurityGroupEgressRuleArgs.builder().securityGroupId(sg.id())
                .ipProtocol("-1").referencedSecurityGroupId(sg.id()).description("between job instances").build());
        net.allowWorkloadEgress("training-jobs", sg.id());

        var definition = PipelineDefinition.builder()
                // every value an execution may pick is EBS-backed, so each gets the pipeline's volume key
                .addParameters(PipelineParameter.string("TrainingInstanceType", "ml.m5.xlarge",
                        "ml.m5.xlarge", "ml.m5.2xlarge", "ml.m5.4xlarge"))
                .addSteps(ProcessingStep.builder().name("Preprocess")
                        .imageUri(processingImage).instanceType("ml.m5.xlarge")
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
                .addSteps(RegisterModelStep.builder().name("Register").modelPackageGroupName(group)
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
     * The stack's region: the {@code aws:region} setting, else {@code AWS_REGION} or
     * {@code AWS_DEFAULT_REGION}, as the AWS provider reads them.
     *
     * @param ctx the Pulumi context
     * @return the region
     */
    static String region(Context ctx) {
        return ctx.config("aws").get("region")
                .or(() -> java.util.Optional.ofNullable(System.getenv("AWS_REGION")))
                .or(() -> java.util.Optional.ofNullable(System.getenv("AWS_DEFAULT_REGION")))
                .orElseThrow(() -> new IllegalStateException(
                        "no AWS region: run `pulumi config set aws:region <region>` (e.g. eu-west-1)"));
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
