package io.github.mlinfra.sagemaker;

import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * A condition step ({@code "Type": "Condition"}): when all {@code Conditions} hold, the
 * {@code IfSteps} run, otherwise the {@code ElseSteps}. Nested steps' names are unique in the
 * whole pipeline, like top-level ones.
 *
 * <pre>{@code
 * ConditionStep.builder()
 *     .name("CheckAccuracy")
 *     .addConditions(PipelineCondition.of(PipelineCondition.Type.GreaterThanOrEqualTo,
 *         PipelineValue.jsonGet("Evaluate", "EvaluationReport", "metrics.accuracy.value"),
 *         PipelineValue.of(0.9)))
 *     .addIfSteps(register)
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class ConditionStep implements PipelineStep {

    @Override
    public String stepType() {
        return "Condition";
    }

    /**
     * The conditions, all of which must hold.
     *
     * @return the conditions
     */
    public abstract List<PipelineCondition> getConditions();

    /**
     * Steps run when the conditions hold.
     *
     * @return the steps
     */
    public abstract List<PipelineStep> getIfSteps();

    /**
     * Steps run otherwise.
     *
     * @return the steps
     */
    public abstract List<PipelineStep> getElseSteps();

    @Override
    public List<String> references() {
        List<Object> values = new ArrayList<>();
        getConditions().forEach(c -> {
            values.add(c.getLeftValue());
            values.add(c.getRightValue());
        });
        return Steps.refs(values);
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
     * Builds condition steps; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableConditionStep.Builder {
        /** Use {@link ConditionStep#builder()}. */
        Builder() {}

        @Override
        public ConditionStep build() {
            return Check.build("ConditionStep", this, super::build);
        }
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Value.Check
    protected void check() {
        Steps.checkCommon("ConditionStep", this);
        if (getConditions().isEmpty()) {
            Check.fail("ConditionStep.conditions", "a condition step needs at least one condition", getConditions(), "one or more conditions");
        }
        if (getIfSteps().isEmpty() && getElseSteps().isEmpty()) {
            Check.fail("ConditionStep.ifSteps", "neither IfSteps nor ElseSteps given", "none", "at least one nested step");
        }
    }
}
