package io.github.mlinfra.sagemaker;

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
public abstract class TrainingChannel {
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

        @Override
        public TrainingChannel build() {
            return Check.build("TrainingChannel", this, super::build);
        }
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Value.Check
    protected void check() {
        Check.matches("TrainingChannel.channelName", getChannelName(), NAME, "letters, digits, . _ - (1 to 64)");
        if (!getS3DataType().matches("S3Prefix|ManifestFile|AugmentedManifestFile")) {
            Check.fail("TrainingChannel.s3DataType", "unknown S3 data type", getS3DataType(),
                    "S3Prefix, ManifestFile or AugmentedManifestFile");
        }
        if (!getS3DataDistributionType().matches("FullyReplicated|ShardedByS3Key")) {
            Check.fail("TrainingChannel.s3DataDistributionType", "unknown distribution", getS3DataDistributionType(),
                    "FullyReplicated or ShardedByS3Key");
        }
    }
}
