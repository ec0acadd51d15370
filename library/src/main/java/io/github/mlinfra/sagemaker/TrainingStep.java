package io.github.mlinfra.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * {@code EnableInterContainerTrafficEncryption}, {@code VpcConfig}, {@code HyperParameters},
 * {@code Environment}.
 *
 * <p>The job fields it shares with {@link ProcessingStep} are those of {@link JobStep}. Security
 * fields ({@code RoleArn}, KMS keys, isolation, VPC, runtime, output path) may be left unset:
 * {@link SecureTrainingPipeline} fills them with its secure defaults. {@code sealed}: the only
 * subclass is the one Immutables generates ({@code ImmutableTrainingStep}), so every instance
 * comes from {@link #builder()} and is validated.
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
public abstract sealed class TrainingStep extends JobStep permits ImmutableTrainingStep {
    /** The step type written as {@code "Type"}. */
    static final String TYPE = "Training";

    @Override
    public String stepType() {
        return TYPE;
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
     * Hyperparameters (string values or expressions).
     *
     * @return the hyperparameters
     */
    public abstract Map<String, PipelineValue> getHyperParameters();

    @Override
    final Optional<Steps.Image> image() {
        return Steps.Image.pulledByJob("trainingImage", getTrainingImage());
    }

    @Override
    public List<String> references() {
        List<Object> values = new ArrayList<>(List.of(getTrainingImage(), getOutputS3Path(), getInstanceType(),
                getInstanceCount(), getHyperParameters().values()));
        getInputs().forEach(c -> values.add(c.getS3Uri()));
        return Steps.refs(values);
    }

    @Override
    final void writeArguments(ObjectNode a) {
        ObjectNode alg = a.putObject("AlgorithmSpecification");
        alg.set("TrainingImage", getTrainingImage().toJson());
        alg.put("TrainingInputMode", getTrainingInputMode());
        getRoleArn().ifPresent(r -> a.put("RoleArn", r));
        if (!getInputs().isEmpty()) {
            ArrayNode in = a.putArray("InputDataConfig");
            getInputs().forEach(c -> c.writeTo(in.addObject()));
        }
        ObjectNode out = a.putObject("OutputDataConfig");
        getOutputS3Path().ifPresent(p -> out.set("S3OutputPath", p.toJson()));
        getOutputKmsKeyId().ifPresent(k -> out.put("KmsKeyId", k));
        writeResources(a.putObject("ResourceConfig"));
        writeRuntime(a);
        writeNetwork(a);
        if (!getHyperParameters().isEmpty()) {
            ObjectNode hp = a.putObject("HyperParameters");
            getHyperParameters().forEach((k, v) -> hp.set(k, v.toJson()));
        }
        writeEnvironment(a);
    }

    /**
     * Reads a {@code "Type": "Training"} step object.
     *
     * @param s the step node
     * @return the step
     */
    static TrainingStep fromJson(JsonNode s) {
        JsonNode a = s.path("Arguments");
        JsonNode out = a.path("OutputDataConfig");
        var b = readFields(builder(), s, a, a.path("ResourceConfig"), a, out);
        b.trainingImage(PipelineJson.value(a.path("AlgorithmSpecification").get("TrainingImage")));
        PipelineJson.optText(a.path("AlgorithmSpecification"), "TrainingInputMode").ifPresent(b::trainingInputMode);
        PipelineJson.iter(a.get("InputDataConfig")).forEach(c -> b.addInputs(TrainingChannel.fromJson(c)));
        if (out.has("S3OutputPath")) {
            b.outputS3Path(PipelineJson.value(out.get("S3OutputPath")));
        }
        for (Map.Entry<String, JsonNode> e : a.path("HyperParameters").properties()) {
            b.putHyperParameters(e.getKey(), PipelineJson.value(e.getValue()));
        }
        return b.build();
    }

    /** This step with the pipeline's defaults, and without an output path, {@code <base><step>}. */
    @Override
    final TrainingStep secured(Steps.JobDefaults d) {
        return secureFields(builder().from(this), d)
                .outputS3Path(getOutputS3Path().orElse(PipelineValue.of(d.base() + getName())))
                .build();
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
    public static final class Builder extends ImmutableTrainingStep.Builder implements JobStep.Fields<Builder> {
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
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Override
    protected void check() {
        checkJob("TrainingStep");
        Steps.oneOf("TrainingStep.trainingInputMode", getTrainingInputMode(), "unknown input mode", "File", "Pipe", "FastFile");
    }
}
