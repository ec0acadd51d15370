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
 * One input channel of a training job: {@code {"ChannelName": "train", "DataSource":
 * {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": ..., "S3DataDistributionType":
 * "FullyReplicated"}}, "ContentType": ...}}.
 *
 * <pre>{@code
 * TrainingChannel.of("train", PipelineValue.stepProperty("Preprocess",
 *     "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"));
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class TrainingChannel extends CheckedValue {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9\\.\\-_]{1,64}");

    /**
     * The channel name, e.g. {@code train}.
     *
     * @return the name
     */
    public abstract String getChannelName();

    /**
     * The S3 URI of the data.
     *
     * @return the URI
     */
    public abstract PipelineValue getS3Uri();

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
     * How the data is spread over instances.
     *
     * @return the distribution
     * @defaultValue {@code FullyReplicated}
     */
    @Value.Default
    public String getS3DataDistributionType() {
        return "FullyReplicated";
    }

    /**
     * The MIME type of the data.
     *
     * @return the content type, if any
     * @defaultValue none
     */
    public abstract Optional<String> getContentType();

    /**
     * A channel with the defaults.
     *
     * @param channelName the channel name
     * @param s3Uri the S3 URI
     * @return the channel
     */
    public static TrainingChannel of(String channelName, PipelineValue s3Uri) {
        return builder().channelName(channelName).s3Uri(s3Uri).build();
    }

    /**
     * Writes the channel object.
     *
     * @param n the empty channel node
     */
    final void writeTo(ObjectNode n) {
        n.put("ChannelName", getChannelName());
        ObjectNode s3 = n.putObject("DataSource").putObject("S3DataSource");
        s3.put("S3DataType", getS3DataType());
        s3.set("S3Uri", getS3Uri().toJson());
        s3.put("S3DataDistributionType", getS3DataDistributionType());
        getContentType().ifPresent(x -> n.put("ContentType", x));
    }

    /**
     * Reads a channel object.
     *
     * @param n the channel node
     * @return the channel
     */
    static TrainingChannel fromJson(JsonNode n) {
        JsonNode s3 = n.path("DataSource").path("S3DataSource");
        var b = builder().channelName(PipelineJson.text(n, "ChannelName")).s3Uri(PipelineJson.value(s3.get("S3Uri")));
        PipelineJson.optText(s3, "S3DataType").ifPresent(b::s3DataType);
        PipelineJson.optText(s3, "S3DataDistributionType").ifPresent(b::s3DataDistributionType);
        PipelineJson.optText(n, "ContentType").ifPresent(b::contentType);
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
     * Builds channels; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableTrainingChannel.Builder {
        /** Use {@link TrainingChannel#builder()}. */
        Builder() {}
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Override
    protected void check() {
        Check.matches("TrainingChannel.channelName", getChannelName(), NAME, "letters, digits, . _ - (1 to 64)");
        Steps.oneOf("TrainingChannel.s3DataType", getS3DataType(), "unknown S3 data type",
                "S3Prefix", "ManifestFile", "AugmentedManifestFile");
        Steps.oneOf("TrainingChannel.s3DataDistributionType", getS3DataDistributionType(), "unknown distribution",
                "FullyReplicated", "ShardedByS3Key");
    }
}
