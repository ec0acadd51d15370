package io.github.mlinfra.sagemaker;

import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A training step ({@code "Type": "Training"}); its {@code Arguments} are a CreateTrainingJob
 * request: {@code AlgorithmSpecification{TrainingImage, TrainingInputMode}}, {@code RoleArn},
 * {@code InputDataConfig}, {@code OutputDataConfig{S3OutputPath, KmsKeyId}},
 * {@code ResourceConfig{InstanceType, InstanceCount, VolumeSizeInGB, VolumeKmsKeyId}},
 * {@code StoppingCondition{MaxRuntimeInSeconds}}, {@code EnableNetworkIsolation},
 * {@code EnableInterContainerTrafficEncryption}, {@code VpcConfig}, {@code HyperParameters}.
 *
 * <p>Security fields ({@code RoleArn}, KMS keys, isolation, VPC, runtime, output path) may be
 * left unset: {@link SecureTrainingPipeline} fills them with its secure defaults.
 *
 * <pre>{@code
 * TrainingStep.builder()
 *     .name("Train")
 *     .trainingImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/trainer:1.4")
 *     .instanceType("ml.p3.2xlarge")
 *     .instanceCount(2)
 *     .addInputs(TrainingChannel.of("train", PipelineValue.stepProperty("Preprocess",
 *         "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri")))
 *     .putHyperParameters("epochs", "10")
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class TrainingStep implements PipelineStep {

    @Override
    public String stepType() {
        return "Training";
    }

    /**
     * The training container image URI.
     *
     * @return the image
     */
    public abstract PipelineValue getTrainingImage();

    /**
     * {@code File}, {@code Pipe} or {@code FastFile}.
     *
     * @return the input mode
     * @defaultValue {@code File}
     */
    @Value.Default
    public String getTrainingInputMode() {
        return "File";
    }

    /**
     * The execution role ARN.
     *
     * @return the role ARN, if set
     * @defaultValue none: the pipeline's role, set by {@link SecureTrainingPipeline}
     */
    public abstract Optional<String> getRoleArn();

    /**
     * The input channels.
     *
     * @return the channels
     */
    public abstract List<TrainingChannel> getInputs();

    /**
     * Where the model artifacts go.
     *
     * @return the S3 path, if set
     * @defaultValue none: {@link SecureTrainingPipeline} uses its artifact bucket
     */
    public abstract Optional<PipelineValue> getOutputS3Path();

    /**
     * The KMS key that encrypts the model artifacts.
     *
     * @return the key, if set
     * @defaultValue none: {@link SecureTrainingPipeline} sets its key (MLI-SM-08)
     */
    public abstract Optional<String> getOutputKmsKeyId();

    /**
     * The instance type, e.g. {@code ml.m5.xlarge} or a parameter.
     *
     * @return the instance type
     */
    public abstract PipelineValue getInstanceType();

    /**
     * The number of instances; more than one trains distributed, with the same controls.
     *
     * @return the count
     * @defaultValue 1
     */
    @Value.Default
    public PipelineValue getInstanceCount() {
        return PipelineValue.of(1);
    }

    /**
     * The ML storage volume size per instance, in GB (1–16384).
     *
     * @return the size
     * @defaultValue 30
     */
    @Value.Default
    public long getVolumeSizeInGB() {
        return 30;
    }

    /**
     * The KMS key that encrypts the ML storage volumes.
     *
     * @return the key, if set
     * @defaultValue none: {@link SecureTrainingPipeline} sets its key (MLI-SM-08)
     */
    public abstract Optional<String> getVolumeKmsKeyId();

    /**
     * The maximum runtime, in seconds (1 to 2419200).
     *
     * @return the runtime, if set
     * @defaultValue none: {@link SecureTrainingPipeline} sets its maximum (MLI-SM-11)
     */
    public abstract Optional<Long> getMaxRuntimeInSeconds();

    /**
     * Whether the container has no network access.
     *
     * @return the flag, if set
     * @defaultValue none: {@link SecureTrainingPipeline} sets true (MLI-SM-07)
     */
    public abstract Optional<Boolean> getEnableNetworkIsolation();

    /**
     * Whether traffic between training instances is encrypted.
     *
     * @return the flag, if set
     * @defaultValue none: {@link SecureTrainingPipeline} sets true (MLI-SM-09)
     */
    public abstract Optional<Boolean> getEnableInterContainerTrafficEncryption();

    /**
     * The VPC placement.
     *
     * @return the VPC config, if set
     * @defaultValue none: {@link SecureTrainingPipeline} sets its subnets and security groups (MLI-SM-10)
     */
    public abstract Optional<VpcConfig> getVpcConfig();

    /**
     * Hyperparameters (string values or expressions).
     *
     * @return the hyperparameters
     */
    public abstract Map<String, PipelineValue> getHyperParameters();

    @Override
    public List<String> references() {
        List<Object> values = new ArrayList<>(List.of(getTrainingImage(), getOutputS3Path(), getInstanceType(),
                getInstanceCount(), getHyperParameters().values()));
        getInputs().forEach(c -> values.add(c.getS3Uri()));
        return Steps.refs(values);
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds training steps; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableTrainingStep.Builder {
        /** Use {@link TrainingStep#builder()}. */
        Builder() {}

        /**
         * Sets a literal image URI.
         *
         * @param image the image URI
         * @return this builder
         */
        public Builder trainingImage(String image) {
            trainingImage(PipelineValue.of(image));
            return this;
        }

        /**
         * Sets a literal instance type.
         *
         * @param instanceType e.g. {@code ml.m5.xlarge}
         * @return this builder
         */
        public Builder instanceType(String instanceType) {
            instanceType(PipelineValue.of(instanceType));
            return this;
        }

        /**
         * Sets a literal instance count.
         *
         * @param count the count
         * @return this builder
         */
        public Builder instanceCount(long count) {
            instanceCount(PipelineValue.of(count));
            return this;
        }

        /**
         * Adds a literal hyperparameter.
         *
         * @param key the name
         * @param value the value
         * @return this builder
         */
        public Builder putHyperParameters(String key, String value) {
            putHyperParameters(key, PipelineValue.of(value));
            return this;
        }

        @Override
        public TrainingStep build() {
            return Check.build("TrainingStep", this, super::build);
        }
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Value.Check
    protected void check() {
        Steps.checkCommon("TrainingStep", this);
        if (!getTrainingInputMode().matches("File|Pipe|FastFile")) {
            Check.fail("TrainingStep.trainingInputMode", "unknown input mode", getTrainingInputMode(), "File, Pipe or FastFile");
        }
        Steps.checkCount("TrainingStep", getInstanceCount());
        Check.range("TrainingStep.volumeSizeInGB", getVolumeSizeInGB(), 1, 16384, "GB");
        Steps.checkRuntime("TrainingStep", getMaxRuntimeInSeconds());
    }
}
