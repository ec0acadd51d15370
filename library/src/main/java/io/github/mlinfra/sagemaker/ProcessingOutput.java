package io.github.mlinfra.sagemaker;

import io.github.mlinfra.CheckedValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One output of a processing job: {@code {"OutputName": ..., "AppManaged": false, "S3Output":
 * {"S3Uri": ..., "LocalPath": ..., "S3UploadMode": "EndOfJob"}}}. Read by later steps as
 * {@code PipelineValue.stepProperty(step, "ProcessingOutputConfig.Outputs['<name>'].S3Output.S3Uri")}.
 *
 * <pre>{@code
 * ProcessingOutput.of("train", "/opt/ml/processing/train");
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class ProcessingOutput extends CheckedValue {

    /**
     * The output name.
     *
     * @return the name
     */
    public abstract String getOutputName();

    /**
     * The S3 URI written.
     *
     * @return the URI, if set
     * @defaultValue none: {@link SecureTrainingPipeline} writes {@code s3://<artifact bucket>/<prefix><step>/<output name>}
     */
    public abstract Optional<PipelineValue> getS3Uri();

    /**
     * Where the container writes, under {@code /opt/ml/processing/}.
     *
     * @return the local path
     */
    public abstract String getLocalPath();

    /**
     * {@code EndOfJob} or {@code Continuous}.
     *
     * @return the mode
     * @defaultValue {@code EndOfJob}
     */
    @Value.Default
    public String getS3UploadMode() {
        return "EndOfJob";
    }

    /**
     * An output with the defaults.
     *
     * @param outputName the name
     * @param localPath the container path
     * @return the output
     */
    public static ProcessingOutput of(String outputName, String localPath) {
        return builder().outputName(outputName).localPath(localPath).build();
    }

    /**
     * Writes the output object.
     *
     * @param n the empty output node
     */
    final void writeTo(ObjectNode n) {
        Steps.writeS3Part(n, "OutputName", getOutputName(), "S3Output", getS3Uri(), getLocalPath())
                .put("S3UploadMode", getS3UploadMode());
    }

    /**
     * Reads an output object.
     *
     * @param n the output node
     * @return the output
     */
    static ProcessingOutput fromJson(JsonNode n) {
        var b = builder();
        JsonNode s3 = Steps.readS3Part(n, "OutputName", "S3Output", b::outputName, b::localPath, b::s3Uri);
        PipelineJson.optText(s3, "S3UploadMode").ifPresent(b::s3UploadMode);
        return b.build();
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
     * Builds outputs; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableProcessingOutput.Builder {
        /** Use {@link ProcessingOutput#builder()}. */
        Builder() {}
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Override
    protected void check() {
        Check.matches("ProcessingOutput.outputName", getOutputName(), ProcessingInput.NAME, "letters, digits, _ and -");
        Steps.processingPath("ProcessingOutput.localPath", getLocalPath());
        Steps.oneOf("ProcessingOutput.s3UploadMode", getS3UploadMode(), "unknown upload mode", "EndOfJob", "Continuous");
    }
}
