package io.github.mlinfra.sagemaker;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A step of a {@link PipelineDefinition}: {@link ProcessingStep}, {@link TrainingStep},
 * {@link RegisterModelStep} or {@link ConditionStep}. Its name is unique in the pipeline and
 * matches SageMaker's {@code ^[A-Za-z0-9\-_]{1,64}$}.
 */
public interface PipelineStep {
    /** SageMaker's step name pattern. */
    Pattern NAME = Pattern.compile("[A-Za-z0-9\\-_]{1,64}");

    /**
     * The step name.
     *
     * @return the name
     */
    String getName();

    /**
     * The SageMaker step type written as {@code "Type"}.
     *
     * @return e.g. {@code Training}
     */
    String stepType();

    /**
     * Steps this step runs after ({@code DependsOn}), besides those it reads properties of.
     *
     * @return the step names
     */
    List<String> getDependsOn();

    /**
     * The display name.
     *
     * @return the display name, if any
     */
    Optional<String> getDisplayName();

    /**
     * The description.
     *
     * @return the description, if any
     */
    Optional<String> getDescription();

    /**
     * Every {@code Get} path in the step's arguments.
     *
     * @return the references
     */
    List<String> references();
}
