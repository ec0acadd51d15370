package io.github.mlinfra.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * <p>The job fields it shares with {@link TrainingStep} (instance type and count, volume, keys,
 * runtime, isolation, VPC, environment) are those of {@link JobStep}. Security fields may be left
 * unset: {@link SecureTrainingPipeline} fills them. {@code sealed}: the only subclass is the one
 * Immutables generates ({@code ImmutableProcessingStep}), so every instance comes from
 * {@link #builder()} and is validated.
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
public abstract sealed class ProcessingStep extends JobStep permits ImmutableProcessingStep {
    /** The step type written as {@code "Type"}. */
    static final String TYPE = "Processing";

    @Override
    public String stepType() {
        return TYPE;
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
     * JSON property files the step writes, read by condition steps.
     *
     * @return the property files
     */
    public abstract List<PropertyFile> getPropertyFiles();

    @Override
    final Optional<Steps.Image> image() {
        return Steps.Image.pulledByJob("imageUri", getImageUri());
    }

    @Override
    public List<String> references() {
        List<Object> values = new ArrayList<>(List.of(getImageUri(), getInstanceType(), getInstanceCount()));
        getInputs().forEach(i -> values.add(i.getS3Uri()));
        getOutputs().forEach(o -> values.add(o.getS3Uri()));
        return Steps.refs(values);
    }

    @Override
    final void writeArguments(ObjectNode a) {
        writeResources(a.putObject("ProcessingResources").putObject("ClusterConfig"));
        ObjectNode app = a.putObject("AppSpecification");
        app.set("ImageUri", getImageUri().toJson());
        PipelineJson.strings(app, "ContainerEntrypoint", getContainerEntrypoint());
        PipelineJson.strings(app, "ContainerArguments", getContainerArguments());
        getRoleArn().ifPresent(r -> a.put("RoleArn", r));
        if (!getInputs().isEmpty()) {
            ArrayNode in = a.putArray("ProcessingInputs");
            getInputs().forEach(i -> i.writeTo(in.addObject()));
        }
        if (!getOutputs().isEmpty() || getOutputKmsKeyId().isPresent()) {
            ObjectNode cfg = a.putObject("ProcessingOutputConfig");
            ArrayNode outs = cfg.putArray("Outputs");
            getOutputs().forEach(o -> o.writeTo(outs.addObject()));
            getOutputKmsKeyId().ifPresent(k -> cfg.put("KmsKeyId", k));
        }
        if (hasNetwork()) {
            writeNetwork(a.putObject("NetworkConfig"));
        }
        writeRuntime(a);
        writeEnvironment(a);
    }

    @Override
    final void writeAfterArguments(ObjectNode step) {
        if (!getPropertyFiles().isEmpty()) {
            ArrayNode files = step.putArray("PropertyFiles");
            getPropertyFiles().forEach(f -> f.writeTo(files.addObject()));
        }
    }

    /**
     * Reads a {@code "Type": "Processing"} step object.
     *
     * @param s the step node
     * @return the step
     */
    static ProcessingStep fromJson(JsonNode s) {
        JsonNode a = s.path("Arguments");
        JsonNode cfg = a.path("ProcessingOutputConfig");
        var b = readFields(builder(), s, a, a.path("ProcessingResources").path("ClusterConfig"), a.path("NetworkConfig"), cfg);
        JsonNode app = a.path("AppSpecification");
        b.imageUri(PipelineJson.value(app.get("ImageUri")));
        PipelineJson.iter(app.get("ContainerEntrypoint")).forEach(x -> b.addContainerEntrypoint(x.asText()));
        PipelineJson.iter(app.get("ContainerArguments")).forEach(x -> b.addContainerArguments(x.asText()));
        PipelineJson.iter(a.get("ProcessingInputs")).forEach(i -> b.addInputs(ProcessingInput.fromJson(i)));
        PipelineJson.iter(cfg.get("Outputs")).forEach(o -> b.addOutputs(ProcessingOutput.fromJson(o)));
        PipelineJson.iter(s.get("PropertyFiles")).forEach(f -> b.addPropertyFiles(PropertyFile.fromJson(f)));
        return b.build();
    }

    /**
     * This step with the pipeline's defaults, and inputs and outputs without an S3 URI pointed
     * at the artifact bucket ({@code <base>data/<input>}, {@code <base><step>/<output>}).
     */
    @Override
    final ProcessingStep secured(Steps.JobDefaults d) {
        List<ProcessingInput> in = new ArrayList<>();
        for (ProcessingInput i : getInputs()) {
            in.add(i.getS3Uri().isPresent() ? i : ProcessingInput.builder().from(i)
                    .s3Uri(PipelineValue.of(d.base() + "data/" + i.getInputName())).build());
        }
        List<ProcessingOutput> out = new ArrayList<>();
        for (ProcessingOutput o : getOutputs()) {
            out.add(o.getS3Uri().isPresent() ? o : ProcessingOutput.builder().from(o)
                    .s3Uri(PipelineValue.of(d.base() + getName() + "/" + o.getOutputName())).build());
        }
        return secureFields(builder().from(this), d).inputs(in).outputs(out).build();
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
    public static final class Builder extends ImmutableProcessingStep.Builder implements JobStep.Fields<Builder> {
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
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Override
    protected void check() {
        checkJob("ProcessingStep");
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
