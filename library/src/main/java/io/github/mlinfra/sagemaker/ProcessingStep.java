package io.github.mlinfra.sagemaker;

import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A processing step ({@code "Type": "Processing"}); its {@code Arguments} are a
 * CreateProcessingJob request: {@code AppSpecification{ImageUri, ContainerEntrypoint,
 * ContainerArguments}}, {@code RoleArn}, {@code ProcessingInputs},
 * {@code ProcessingOutputConfig{Outputs, KmsKeyId}},
 * {@code ProcessingResources{ClusterConfig{InstanceType, InstanceCount, VolumeSizeInGB,
 * VolumeKmsKeyId}}}, {@code NetworkConfig{EnableNetworkIsolation,
 * EnableInterContainerTrafficEncryption, VpcConfig}}, {@code StoppingCondition}, {@code Environment}.
 *
 * <p>Security fields may be left unset: {@link SecureTrainingPipeline} fills them.
 *
 * <pre>{@code
 * ProcessingStep.builder()
 *     .name("Preprocess")
 *     .imageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com/preprocess:2.1")
 *     .addContainerEntrypoint("python3", "/opt/ml/code/preprocess.py")
 *     .instanceType("ml.m5.xlarge")
 *     .addInputs(ProcessingInput.of("raw", "/opt/ml/processing/input"))
 *     .addOutputs(ProcessingOutput.of("train", "/opt/ml/processing/train"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class ProcessingStep implements PipelineStep {

    @Override
    public String stepType() {
        return "Processing";
    }

    /**
     * The processing container image URI.
     *
     * @return the image
     */
    public abstract PipelineValue getImageUri();

    /**
     * The container entrypoint.
     *
     * @return the entrypoint
     */
    public abstract List<String> getContainerEntrypoint();

    /**
     * Arguments to the entrypoint.
     *
     * @return the arguments
     */
    public abstract List<String> getContainerArguments();

    /**
     * The execution role ARN.
     *
     * @return the role ARN, if set
     * @defaultValue none: the pipeline's role
     */
    public abstract Optional<String> getRoleArn();

    /**
     * The inputs ({@code ProcessingInputs}): S3 objects or prefixes SageMaker copies into the
     * container before the job starts, each read with the job's role.
     *
     * @return the inputs
     * @defaultValue none
     */
    public abstract List<ProcessingInput> getInputs();

    /**
     * The outputs.
     *
     * @return the outputs
     */
    public abstract List<ProcessingOutput> getOutputs();

    /**
     * The KMS key that encrypts the outputs.
     *
     * @return the key, if set
     * @defaultValue none: {@link SecureTrainingPipeline} sets its key (MLI-SM-08)
     */
    public abstract Optional<String> getOutputKmsKeyId();

    /**
     * The instance type.
     *
     * @return the instance type
     */
    public abstract PipelineValue getInstanceType();

    /**
     * The number of instances.
     *
     * @return the count
     * @defaultValue 1
     */
    @Value.Default
    public PipelineValue getInstanceCount() {
        return PipelineValue.of(1);
    }

    /**
     * The volume size per instance, in GB.
     *
     * @return the size
     * @defaultValue 30
     */
    @Value.Default
    public long getVolumeSizeInGB() {
        return 30;
    }

    /**
     * The KMS key that encrypts the volumes.
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
     * Whether traffic between instances is encrypted.
     *
     * @return the flag, if set
     * @defaultValue none: {@link SecureTrainingPipeline} sets true (MLI-SM-09)
     */
    public abstract Optional<Boolean> getEnableInterContainerTrafficEncryption();

    /**
     * The VPC placement.
     *
     * @return the VPC config, if set
     * @defaultValue none: {@link SecureTrainingPipeline} sets it (MLI-SM-10)
     */
    public abstract Optional<VpcConfig> getVpcConfig();

    /**
     * Environment variables of the container.
     *
     * @return the environment
     */
    public abstract Map<String, String> getEnvironment();

    /**
     * JSON property files the step writes, read by condition steps.
     *
     * @return the property files
     */
    public abstract List<PropertyFile> getPropertyFiles();

    @Override
    public List<String> references() {
        List<Object> values = new ArrayList<>(List.of(getImageUri(), getInstanceType(), getInstanceCount()));
        getInputs().forEach(i -> values.add(i.getS3Uri()));
        getOutputs().forEach(o -> values.add(o.getS3Uri()));
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
     * Builds processing steps; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableProcessingStep.Builder {
        /** Use {@link ProcessingStep#builder()}. */
        Builder() {}

        /**
         * Sets a literal image URI.
         *
         * @param image the image URI
         * @return this builder
         */
        public Builder imageUri(String image) {
            imageUri(PipelineValue.of(image));
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

        @Override
        public ProcessingStep build() {
            return Check.build("ProcessingStep", this, super::build);
        }
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Value.Check
    protected void check() {
        Steps.checkCommon("ProcessingStep", this);
        Steps.checkCount("ProcessingStep", getInstanceCount());
        Check.range("ProcessingStep.volumeSizeInGB", getVolumeSizeInGB(), 1, 16384, "GB");
        Steps.checkRuntime("ProcessingStep", getMaxRuntimeInSeconds());
        Set<String> outputs = new HashSet<>();
        for (ProcessingOutput o : getOutputs()) {
            if (!outputs.add(o.getOutputName())) {
                Check.fail("ProcessingStep.outputs", "duplicate output name", o.getOutputName(), "unique output names");
            }
        }
        for (PropertyFile f : getPropertyFiles()) {
            if (!outputs.contains(f.getOutputName())) {
                Check.fail("ProcessingStep.propertyFiles", "names an output the step does not have", f.getOutputName(),
                        "one of " + Check.show(outputs.stream().sorted().toList()));
            }
        }
    }
}
