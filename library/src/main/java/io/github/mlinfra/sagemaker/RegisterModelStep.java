package io.github.mlinfra.sagemaker;

import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A step registering a model package version ({@code "Type": "RegisterModel"}); its
 * {@code Arguments} are a CreateModelPackage request: {@code ModelPackageGroupName},
 * {@code InferenceSpecification{Containers[{Image, ModelDataUrl}], SupportedContentTypes,
 * SupportedResponseMIMETypes}}, {@code ModelApprovalStatus}.
 *
 * <pre>{@code
 * RegisterModelStep.builder()
 *     .name("Register")
 *     .modelPackageGroupName("fraud-detector")
 *     .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/inference:1.4")
 *     .modelDataUrl(PipelineValue.stepProperty("Train", "ModelArtifacts.S3ModelArtifacts"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class RegisterModelStep implements PipelineStep {
    /**
     * SageMaker's model package group name rule, {@code [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}}, 1 to 63
     * characters (<a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelPackageGroup.html">CreateModelPackageGroup</a>,
     * looked up 2026-11-30).
     */
    static final Pattern GROUP = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");

    @Override
    public String stepType() {
        return "RegisterModel";
    }

    /**
     * The model package group ({@code ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$}). A
     * {@link SecureTrainingPipeline} creates it unless
     * {@link SecureTrainingPipelineArgs#getExistingModelPackageGroups()} names it.
     *
     * @return the group name
     */
    public abstract String getModelPackageGroupName();

    /**
     * The inference container image.
     *
     * @return the image
     */
    public abstract PipelineValue getImage();

    /**
     * The model artifacts, usually the training step's {@code ModelArtifacts.S3ModelArtifacts}.
     *
     * @return the model data URL
     */
    public abstract PipelineValue getModelDataUrl();

    /**
     * Input MIME types the model accepts.
     *
     * @return the content types
     * @defaultValue {@code ["text/csv"]}
     */
    @Value.Default
    public List<String> getSupportedContentTypes() {
        return List.of("text/csv");
    }

    /**
     * Output MIME types the model returns.
     *
     * @return the MIME types
     * @defaultValue {@code ["text/csv"]}
     */
    @Value.Default
    public List<String> getSupportedResponseMimeTypes() {
        return List.of("text/csv");
    }

    /**
     * {@code PendingManualApproval}, {@code Approved} or {@code Rejected}.
     *
     * @return the status
     * @defaultValue {@code PendingManualApproval}: a human approves before deployment
     */
    @Value.Default
    public String getModelApprovalStatus() {
        return "PendingManualApproval";
    }

    @Override
    public List<String> references() {
        return Steps.refs(new ArrayList<>(List.of(getImage(), getModelDataUrl())));
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
     * Builds register-model steps; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableRegisterModelStep.Builder {
        /** Use {@link RegisterModelStep#builder()}. */
        Builder() {}

        /**
         * Sets a literal image URI.
         *
         * @param image the image URI
         * @return this builder
         */
        public Builder image(String image) {
            image(PipelineValue.of(image));
            return this;
        }

        @Override
        public RegisterModelStep build() {
            return Check.build("RegisterModelStep", this, super::build);
        }
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Value.Check
    protected void check() {
        Steps.checkCommon("RegisterModelStep", this);
        Check.matches("RegisterModelStep.modelPackageGroupName", getModelPackageGroupName(), GROUP,
                "letters, digits and single hyphens (1 to 63)");
        if (!getModelApprovalStatus().matches("PendingManualApproval|Approved|Rejected")) {
            Check.fail("RegisterModelStep.modelApprovalStatus", "unknown status", getModelApprovalStatus(),
                    "PendingManualApproval, Approved or Rejected");
        }
    }
}
