package io.github.mlinfra.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.aws.NameRules;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
public abstract sealed class RegisterModelStep extends PipelineStep permits ImmutableRegisterModelStep {
    /**
     * SageMaker's model package group name rule, {@code [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}}, 1 to 63
     * characters (<a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelPackageGroup.html">CreateModelPackageGroup</a>,
     * looked up 2026-11-30).
     */
    static final Pattern GROUP = NameRules.Rule.SAGEMAKER_MODEL_PACKAGE_GROUP.pattern();
    /** The step type written as {@code "Type"}. */
    static final String TYPE = "RegisterModel";

    @Override
    public String stepType() {
        return TYPE;
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

    @Override
    final Optional<Steps.Image> image() {
        return Optional.of(new Steps.Image("image", getImage(), false));
    }

    @Override
    final void writeArguments(ObjectNode a) {
        a.put("ModelPackageGroupName", getModelPackageGroupName());
        ObjectNode spec = a.putObject("InferenceSpecification");
        ObjectNode c = spec.putArray("Containers").addObject();
        c.set("Image", getImage().toJson());
        c.set("ModelDataUrl", getModelDataUrl().toJson());
        PipelineJson.strings(spec, "SupportedContentTypes", getSupportedContentTypes(), true);
        PipelineJson.strings(spec, "SupportedResponseMIMETypes", getSupportedResponseMimeTypes(), true);
        a.put("ModelApprovalStatus", getModelApprovalStatus());
    }

    /**
     * Reads a {@code "Type": "RegisterModel"} step object.
     *
     * @param s the step node
     * @return the step
     */
    static RegisterModelStep fromJson(JsonNode s) {
        var b = builder();
        readCommon(s, b);
        JsonNode a = s.path("Arguments");
        b.modelPackageGroupName(PipelineJson.text(a, "ModelPackageGroupName"));
        JsonNode spec = a.path("InferenceSpecification");
        JsonNode c = spec.path("Containers").path(0);
        b.image(PipelineJson.value(c.get("Image"))).modelDataUrl(PipelineJson.value(c.get("ModelDataUrl")));
        PipelineJson.readStrings(spec, "SupportedContentTypes").ifPresent(b::supportedContentTypes);
        PipelineJson.readStrings(spec, "SupportedResponseMIMETypes").ifPresent(b::supportedResponseMimeTypes);
        PipelineJson.optText(a, "ModelApprovalStatus").ifPresent(b::modelApprovalStatus);
        return b.build();
    }

    /** Nothing to secure: the step runs no job (the model's image is pulled by whoever deploys it). */
    @Override
    final RegisterModelStep secured(Steps.JobDefaults defaults) {
        return this;
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
    public static final class Builder extends ImmutableRegisterModelStep.Builder implements PipelineStep.CommonFields<Builder> {
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
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Override
    protected void check() {
        Steps.checkCommon("RegisterModelStep", this);
        Check.matches("RegisterModelStep.modelPackageGroupName", getModelPackageGroupName(), GROUP,
                "letters, digits and single hyphens (1 to 63)");
        Steps.oneOf("RegisterModelStep.modelApprovalStatus", getModelApprovalStatus(), "unknown status",
                "PendingManualApproval", "Approved", "Rejected");
    }
}
