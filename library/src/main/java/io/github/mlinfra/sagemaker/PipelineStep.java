package io.github.mlinfra.sagemaker;

import io.github.mlinfra.CheckedValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.internal.Check;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A step of a {@link PipelineDefinition}: a {@link JobStep} ({@link ProcessingStep},
 * {@link TrainingStep}), a {@link RegisterModelStep} or a {@link ConditionStep}. Its name is unique
 * in the pipeline and matches SageMaker's {@code ^[A-Za-z0-9\-_]{1,64}$}.
 *
 * <p>The step types are a closed set: this class is {@code sealed}, and each step type is itself
 * {@code sealed} and permits only the class Immutables generates for it ({@code ImmutableTrainingStep}
 * and so on, {@code final}). The alternative, {@code non-sealed} step types, would let any class
 * extend them and skip their {@code build()} validation; permitting the generated classes keeps
 * every step a validated value made by its builder. Each step type writes its own JSON, reads it
 * back, and takes the pipeline's secure defaults through its own methods, so a new step type is
 * added by writing its class and naming it in the {@code permits} clause and in the reader table
 * here; nothing else in the library changes.
 */
public abstract sealed class PipelineStep extends CheckedValue permits JobStep, RegisterModelStep, ConditionStep {
    /** SageMaker's step name pattern. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9\\-_]{1,64}");

    /** Only the step types of this package extend this class. */
    PipelineStep() {}

    /**
     * The step name.
     *
     * @return the name
     */
    public abstract String getName();

    /**
     * The SageMaker step type written as {@code "Type"}.
     *
     * @return e.g. {@code Training}
     */
    public abstract String stepType();

    /**
     * Steps this step runs after ({@code DependsOn}), besides those it reads properties of.
     *
     * @return the step names
     */
    public abstract List<String> getDependsOn();

    /**
     * The display name.
     *
     * @return the display name, if any
     */
    public abstract Optional<String> getDisplayName();

    /**
     * The description.
     *
     * @return the description, if any
     */
    public abstract Optional<String> getDescription();

    /**
     * Every {@code Get} path in the step's arguments.
     *
     * @return the references
     */
    public abstract List<String> references();

    /**
     * Writes the step's {@code Arguments} object.
     *
     * @param arguments the empty {@code Arguments} node
     */
    abstract void writeArguments(ObjectNode arguments);

    /**
     * Writes fields of the step object that follow {@code Arguments} (a processing step's
     * {@code PropertyFiles}); none by default.
     *
     * @param step the step node
     */
    void writeAfterArguments(ObjectNode step) {}

    /**
     * This step with the pipeline's secure defaults filled in (nested steps included).
     *
     * @param defaults what {@link SecureTrainingPipeline} sets
     * @return the secured step
     */
    abstract PipelineStep secured(Steps.JobDefaults defaults);

    /**
     * The steps nested in this one (a condition step's {@code IfSteps}, then its
     * {@code ElseSteps}); none by default.
     *
     * @return the nested steps
     */
    List<PipelineStep> nestedSteps() {
        return List.of();
    }

    /**
     * The container image the step names, if any.
     *
     * @return the image, with the attribute that names it
     */
    Optional<Steps.Image> image() {
        return Optional.empty();
    }

    /**
     * The step as a SageMaker pipeline definition step object.
     *
     * @return the JSON node
     */
    final ObjectNode toJson() {
        ObjectNode n = PipelineJson.NODES.objectNode();
        n.put("Name", getName());
        n.put("Type", stepType());
        if (!getDependsOn().isEmpty()) {
            ArrayNode d = n.putArray("DependsOn");
            getDependsOn().forEach(d::add);
        }
        getDisplayName().ifPresent(x -> n.put("DisplayName", x));
        getDescription().ifPresent(x -> n.put("Description", x));
        writeArguments(n.putObject("Arguments"));
        writeAfterArguments(n);
        return n;
    }

    /**
     * Reads a step object: the reader table of the closed set of step types.
     *
     * @param s the step node
     * @return the step
     */
    static PipelineStep fromJson(JsonNode s) {
        String type = PipelineJson.text(s, "Type");
        return switch (type) {
            case ProcessingStep.TYPE -> ProcessingStep.fromJson(s);
            case TrainingStep.TYPE -> TrainingStep.fromJson(s);
            case RegisterModelStep.TYPE -> RegisterModelStep.fromJson(s);
            case ConditionStep.TYPE -> ConditionStep.fromJson(s);
            default -> throw new InvalidArgsException("PipelineDefinition.steps", "unsupported step type", Check.show(type),
                    "Processing, Training, RegisterModel or Condition");
        };
    }

    /**
     * The setters of the fields every step has, which each step's public builder has (Immutables
     * generates them); lets {@link #readCommon(JsonNode, CommonFields)} fill any step's builder.
     *
     * @param <B> the builder type
     */
    interface CommonFields<B extends CommonFields<B>> {
        /**
         * Sets the step name.
         *
         * @param name the name
         * @return this builder
         */
        B name(String name);

        /**
         * Adds a step this step runs after.
         *
         * @param step the step name
         * @return this builder
         */
        B addDependsOn(String step);

        /**
         * Sets the display name.
         *
         * @param displayName the display name
         * @return this builder
         */
        B displayName(String displayName);

        /**
         * Sets the description.
         *
         * @param description the description
         * @return this builder
         */
        B description(String description);
    }

    /**
     * Reads the fields every step has: {@code Name}, {@code DependsOn}, {@code DisplayName},
     * {@code Description}.
     *
     * @param s the step node
     * @param b the builder of the step
     */
    static void readCommon(JsonNode s, CommonFields<?> b) {
        b.name(PipelineJson.text(s, "Name"));
        PipelineJson.iter(s.get("DependsOn")).forEach(d -> b.addDependsOn(d.asText()));
        PipelineJson.optText(s, "DisplayName").ifPresent(b::displayName);
        PipelineJson.optText(s, "Description").ifPresent(b::description);
    }
}
