package io.github.mlinfra.sagemaker;

import io.github.mlinfra.CheckedValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One input of a processing job: {@code {"InputName": ..., "AppManaged": false, "S3Input":
 * {"S3Uri": ..., "LocalPath": ..., "S3DataType": "S3Prefix", "S3InputMode": "File"}}}.
 *
 * <pre>{@code
 * ProcessingInput.of("raw", "/opt/ml/processing/input");
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class ProcessingInput extends CheckedValue {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9\\-_]{1,256}");

    /**
     * The input name.
     *
     * @return the name
     */
    public abstract String getInputName();

    /**
     * The S3 URI read.
     *
     * @return the URI, if set
     * @defaultValue none: {@link SecureTrainingPipeline} reads {@code s3://<artifact bucket>/<prefix>data/<input name>}
     */
    public abstract Optional<PipelineValue> getS3Uri();

    /**
     * Where the container sees the data, under {@code /opt/ml/processing/}.
     *
     * @return the local path
     */
    public abstract String getLocalPath();

    /**
     * The S3 data type.
     *
     * @return the type
     * @defaultValue {@code S3Prefix}
     */
    @Value.Default
    public String getS3DataType() {
        return "S3Prefix";
    }

    /**
     * {@code File} or {@code Pipe}.
     *
     * @return the mode
     * @defaultValue {@code File}
     */
    @Value.Default
    public String getS3InputMode() {
        return "File";
    }

    /**
     * An input with the defaults.
     *
     * @param inputName the name
     * @param localPath the container path
     * @return the input
     */
    public static ProcessingInput of(String inputName, String localPath) {
        return builder().inputName(inputName).localPath(localPath).build();
    }

    /**
     * Writes the input object.
     *
     * @param n the empty input node
     */
    final void writeTo(ObjectNode n) {
        ObjectNode s3 = Steps.writeS3Part(n, "InputName", getInputName(), "S3Input", getS3Uri(), getLocalPath());
        s3.put("S3DataType", getS3DataType());
        s3.put("S3InputMode", getS3InputMode());
    }

    /**
     * Reads an input object.
     *
     * @param n the input node
     * @return the input
     */
    static ProcessingInput fromJson(JsonNode n) {
        var b = builder();
        JsonNode s3 = Steps.readS3Part(n, "InputName", "S3Input", b::inputName, b::localPath, b::s3Uri);
        PipelineJson.optText(s3, "S3DataType").ifPresent(b::s3DataType);
        PipelineJson.optText(s3, "S3InputMode").ifPresent(b::s3InputMode);
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
     * Builds inputs; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableProcessingInput.Builder {
        /** Use {@link ProcessingInput#builder()}. */
        Builder() {}
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Override
    protected void check() {
        Check.matches("ProcessingInput.inputName", getInputName(), NAME, "letters, digits, _ and -");
        Steps.processingPath("ProcessingInput.localPath", getLocalPath());
        Steps.oneOf("ProcessingInput.s3DataType", getS3DataType(), "unknown S3 data type", "S3Prefix", "ManifestFile");
        Steps.oneOf("ProcessingInput.s3InputMode", getS3InputMode(), "unknown input mode", "File", "Pipe");
    }
}
