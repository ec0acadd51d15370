package io.github.mlinfra.sagemaker;

import io.github.mlinfra.internal.MlInfraStyle;
import org.immutables.value.Value;

/**
 * One condition of a {@link ConditionStep}: {@code {"Type": "GreaterThanOrEqualTo",
 * "LeftValue": ..., "RightValue": ...}}.
 *
 * <pre>{@code
 * PipelineCondition.of(PipelineCondition.Type.GreaterThanOrEqualTo,
 *     PipelineValue.jsonGet("Evaluate", "EvaluationReport", "metrics.accuracy.value"),
 *     PipelineValue.parameter("MinAccuracy"));
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class PipelineCondition {
    /** The comparison types (SDK classes {@code ConditionEquals}, {@code ConditionGreaterThanOrEqualTo}, …). */
    public enum Type {
        /** Left equals right. */
        Equals,
        /** Left is greater than right. */
        GreaterThan,
        /** Left is greater than or equal to right. */
        GreaterThanOrEqualTo,
        /** Left is less than right. */
        LessThan,
        /** Left is less than or equal to right. */
        LessThanOrEqualTo
    }

    /**
     * The comparison.
     *
     * @return the type
     */
    @Value.Parameter
    public abstract Type getType();

    /**
     * The left value.
     *
     * @return the value
     */
    @Value.Parameter
    public abstract PipelineValue getLeftValue();

    /**
     * The right value.
     *
     * @return the value
     */
    @Value.Parameter
    public abstract PipelineValue getRightValue();

    /**
     * A condition.
     *
     * @param type the comparison
     * @param left the left value
     * @param right the right value
     * @return the condition
     */
    public static PipelineCondition of(Type type, PipelineValue left, PipelineValue right) {
        return ImmutablePipelineCondition.of(type, left, right);
    }
}
