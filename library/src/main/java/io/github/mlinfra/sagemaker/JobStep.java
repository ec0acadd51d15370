package io.github.mlinfra.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.internal.Check;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A step that runs a SageMaker job: a {@link ProcessingStep} or a {@link TrainingStep}. The job
 * fields both share live here once: role, instance type and count, volume size and key, output
 * key, maximum runtime, network isolation, inter-container traffic encryption, VPC placement and
 * environment. Their JSON places differ per job kind (a training job's {@code ResourceConfig}, a
 * processing job's {@code ProcessingResources.ClusterConfig}); the values, their defaults, their
 * validation and how {@link SecureTrainingPipeline} secures them are the same.
 *
 * <p>{@code sealed}: the job kinds are {@link ProcessingStep} and {@link TrainingStep}, each
 * {@code sealed} in turn and permitting only its Immutables-generated class (see
 * {@link PipelineStep}).
 *
 * <p>Security fields (role, KMS keys, isolation, inter-container encryption, VPC, runtime) may be
 * left unset: {@link SecureTrainingPipeline} fills them with its secure defaults, and refuses a
 * definition that sets the role, a key or the VPC itself, or turns a flag off without a waiver.
 */
public abstract sealed class JobStep extends PipelineStep permits ProcessingStep, TrainingStep {

    /** Only the job step types of this package extend this class. */
    JobStep() {}

    /**
     * The execution role ARN.
     *
     * @return the role ARN, if set
     * @defaultValue none: {@link SecureTrainingPipeline} sets the pipeline's least-privilege role
     */
    public abstract Optional<String> getRoleArn();

    /**
     * The KMS key that encrypts the job's outputs (model artifacts, processing outputs).
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
     * The number of instances (1 to 100); more than one runs distributed, with the same controls.
     *
     * @return the count
     * @defaultValue 1
     */
    @Value.Default
    public PipelineValue getInstanceCount() {
        return PipelineValue.of(1);
    }

    /**
     * The ML storage volume size per instance, in GB (1 to 16384).
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
     * @defaultValue none: {@link SecureTrainingPipeline} sets its key (MLI-SM-08), except on
     *     instance types with instance storage, which SageMaker encrypts with a hardware module
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
     * Whether traffic between the job's instances is encrypted.
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
     * Environment variables of the container. Visible in the pipeline definition: never put a
     * secret here.
     *
     * @return the environment
     * @defaultValue empty
     */
    public abstract Map<String, String> getEnvironment();

    /**
     * The job's container image, which the pipeline's role pulls.
     *
     * @return the image
     */
    @Override
    abstract Optional<Steps.Image> image();

    /**
     * The setters of the shared job fields (besides the {@link PipelineStep.CommonFields} every
     * step has), which each job step's public builder has (Immutables generates them), and the
     * literal shorthands both builders offer on top of them; lets the shared reading and securing
     * code fill either builder.
     *
     * @param <B> the builder type
     */
    interface Fields<B extends Fields<B>> extends CommonFields<B> {
        /**
         * Sets the execution role ARN.
         *
         * @param roleArn the role ARN
         * @return this builder
         */
        B roleArn(String roleArn);

        /**
         * Sets the KMS key of the job's outputs.
         *
         * @param keyId the key ARN or id
         * @return this builder
         */
        B outputKmsKeyId(String keyId);

        /**
         * Sets the instance type.
         *
         * @param instanceType a literal or a parameter
         * @return this builder
         */
        B instanceType(PipelineValue instanceType);

        /**
         * Sets a literal instance type.
         *
         * @param instanceType e.g. {@code ml.m5.xlarge}
         * @return this builder
         */
        default B instanceType(String instanceType) {
            return instanceType(PipelineValue.of(instanceType));
        }

        /**
         * Sets the number of instances.
         *
         * @param count a literal or a parameter
         * @return this builder
         */
        B instanceCount(PipelineValue count);

        /**
         * Sets a literal instance count.
         *
         * @param count the count
         * @return this builder
         */
        default B instanceCount(long count) {
            return instanceCount(PipelineValue.of(count));
        }

        /**
         * Sets the volume size per instance.
         *
         * @param gb the size in GB
         * @return this builder
         */
        B volumeSizeInGB(long gb);

        /**
         * Sets the KMS key of the ML storage volumes.
         *
         * @param keyId the key ARN or id
         * @return this builder
         */
        B volumeKmsKeyId(String keyId);

        /**
         * Sets the maximum runtime.
         *
         * @param seconds the runtime in seconds
         * @return this builder
         */
        B maxRuntimeInSeconds(long seconds);

        /**
         * Sets whether the container has no network access.
         *
         * @param on the flag
         * @return this builder
         */
        B enableNetworkIsolation(boolean on);

        /**
         * Sets whether traffic between instances is encrypted.
         *
         * @param on the flag
         * @return this builder
         */
        B enableInterContainerTrafficEncryption(boolean on);

        /**
         * Sets the VPC placement.
         *
         * @param vpc the VPC config
         * @return this builder
         */
        B vpcConfig(VpcConfig vpc);

        /**
         * Adds an environment variable.
         *
         * @param key the name
         * @param value the value
         * @return this builder
         */
        B putEnvironment(String key, String value);
    }

    /**
     * Sets the pipeline's secure defaults on a copy of this step: its role, the runtime cap unless
     * the step sets a shorter one, isolation and inter-container encryption unless the step sets
     * them (a waiver allows false), the key on outputs and (without instance storage) volumes,
     * and the VPC.
     *
     * @param <B> the builder type
     * @param b a builder holding this step
     * @param d the defaults
     * @return the builder
     */
    final <B extends Fields<B>> B secureFields(B b, Steps.JobDefaults d) {
        b.roleArn(d.roleArn())
                .maxRuntimeInSeconds(getMaxRuntimeInSeconds().orElse(d.runtime()))
                .enableNetworkIsolation(getEnableNetworkIsolation().orElse(d.isolate()))
                .enableInterContainerTrafficEncryption(getEnableInterContainerTrafficEncryption().orElse(d.interContainer()));
        d.keyArn().ifPresent(k -> {
            b.outputKmsKeyId(k);
            if (!d.instanceStorage().test(getInstanceType())) {
                b.volumeKmsKeyId(k);
            }
        });
        d.vpc().ifPresent(b::vpcConfig);
        return b;
    }

    /**
     * Writes {@code InstanceType}, {@code InstanceCount}, {@code VolumeSizeInGB},
     * {@code VolumeKmsKeyId} (a training job's {@code ResourceConfig}, a processing job's
     * {@code ClusterConfig}).
     *
     * @param n the resource node
     */
    final void writeResources(ObjectNode n) {
        n.set("InstanceType", getInstanceType().toJson());
        n.set("InstanceCount", getInstanceCount().toJson());
        n.put("VolumeSizeInGB", getVolumeSizeInGB());
        getVolumeKmsKeyId().ifPresent(k -> n.put("VolumeKmsKeyId", k));
    }

    /**
     * Writes {@code EnableNetworkIsolation}, {@code EnableInterContainerTrafficEncryption},
     * {@code VpcConfig} (a training job's arguments, a processing job's {@code NetworkConfig}).
     *
     * @param n the node
     */
    final void writeNetwork(ObjectNode n) {
        getEnableNetworkIsolation().ifPresent(b -> n.put("EnableNetworkIsolation", b));
        getEnableInterContainerTrafficEncryption().ifPresent(b -> n.put("EnableInterContainerTrafficEncryption", b));
        getVpcConfig().ifPresent(v -> n.set("VpcConfig", PipelineJson.vpc(v)));
    }

    /**
     * Whether any network field is set.
     *
     * @return true when {@link #writeNetwork(ObjectNode)} writes something
     */
    final boolean hasNetwork() {
        return getEnableNetworkIsolation().isPresent() || getEnableInterContainerTrafficEncryption().isPresent()
                || getVpcConfig().isPresent();
    }

    /**
     * Writes {@code StoppingCondition.MaxRuntimeInSeconds}.
     *
     * @param arguments the arguments node
     */
    final void writeRuntime(ObjectNode arguments) {
        getMaxRuntimeInSeconds().ifPresent(r -> arguments.putObject("StoppingCondition").put("MaxRuntimeInSeconds", r));
    }

    /**
     * Writes {@code Environment} when not empty.
     *
     * @param arguments the arguments node
     */
    final void writeEnvironment(ObjectNode arguments) {
        if (!getEnvironment().isEmpty()) {
            ObjectNode env = arguments.putObject("Environment");
            getEnvironment().forEach(env::put);
        }
    }

    /**
     * Reads the shared job fields from their places in a job's JSON.
     *
     * @param <B> the builder type
     * @param b the builder
     * @param step the step node (name, dependencies, display name, description)
     * @param arguments the arguments node (role, stopping condition, environment)
     * @param resources the node of instance type, count, volume size and key
     * @param network the node of the isolation and encryption flags and the VPC config
     * @param outputs the node of the output key ({@code KmsKeyId})
     * @return the builder
     */
    static <B extends Fields<B>> B readFields(B b, JsonNode step, JsonNode arguments, JsonNode resources, JsonNode network,
                                              JsonNode outputs) {
        readCommon(step, b);
        PipelineJson.optText(arguments, "RoleArn").ifPresent(b::roleArn);
        PipelineJson.optText(outputs, "KmsKeyId").ifPresent(b::outputKmsKeyId);
        b.instanceType(PipelineJson.value(resources.get("InstanceType")));
        if (resources.has("InstanceCount")) {
            b.instanceCount(PipelineJson.value(resources.get("InstanceCount")));
        }
        if (resources.has("VolumeSizeInGB")) {
            b.volumeSizeInGB(resources.get("VolumeSizeInGB").asLong());
        }
        PipelineJson.optText(resources, "VolumeKmsKeyId").ifPresent(b::volumeKmsKeyId);
        if (arguments.path("StoppingCondition").has("MaxRuntimeInSeconds")) {
            b.maxRuntimeInSeconds(arguments.path("StoppingCondition").get("MaxRuntimeInSeconds").asLong());
        }
        if (network.has("EnableNetworkIsolation")) {
            b.enableNetworkIsolation(network.get("EnableNetworkIsolation").asBoolean());
        }
        if (network.has("EnableInterContainerTrafficEncryption")) {
            b.enableInterContainerTrafficEncryption(network.get("EnableInterContainerTrafficEncryption").asBoolean());
        }
        if (network.has("VpcConfig")) {
            b.vpcConfig(PipelineJson.readVpc(network.get("VpcConfig")));
        }
        for (Map.Entry<String, JsonNode> e : arguments.path("Environment").properties()) {
            b.putEnvironment(e.getKey(), e.getValue().asText());
        }
        return b;
    }

    /**
     * Validates the shared fields, in the project's error format.
     *
     * @param kind the step class name, e.g. {@code TrainingStep}
     */
    final void checkJob(String kind) {
        Steps.checkCommon(kind, this);
        getInstanceCount().literalLong().ifPresent(n -> Check.range(kind + ".instanceCount", n, 1, 100, "instances"));
        Check.range(kind + ".volumeSizeInGB", getVolumeSizeInGB(), 1, 16384, "GB");
        getMaxRuntimeInSeconds().ifPresent(v -> Check.range(kind + ".maxRuntimeInSeconds", v, 1, Steps.MAX_RUNTIME_LIMIT, "seconds"));
    }
}
