package io.github.mlinfra.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
public abstract sealed class ConditionStep extends PipelineStep permits ImmutableConditionStep {
    /** The step type written as {@code "Type"}. */
    static final String TYPE = "Condition";

    @Override
    public String stepType() {
        return TYPE;
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

    @Override
    final void writeArguments(ObjectNode a) {
        ArrayNode conds = a.putArray("Conditions");
        for (PipelineCondition pc : getConditions()) {
            ObjectNode cn = conds.addObject();
            cn.put("Type", pc.getType().name());
            cn.set("LeftValue", pc.getLeftValue().toJson());
            cn.set("RightValue", pc.getRightValue().toJson());
        }
        ArrayNode ifs = a.putArray("IfSteps");
        getIfSteps().forEach(x -> ifs.add(x.toJson()));
        ArrayNode elses = a.putArray("ElseSteps");
        getElseSteps().forEach(x -> elses.add(x.toJson()));
    }

    /**
     * Reads a {@code "Type": "Condition"} step object, nested steps included.
     *
     * @param s the step node
     * @return the step
     */
    static ConditionStep fromJson(JsonNode s) {
        var b = builder();
        readCommon(s, b);
        JsonNode a = s.path("Arguments");
        for (JsonNode c : PipelineJson.iter(a.get("Conditions"))) {
            b.addConditions(PipelineCondition.of(PipelineCondition.Type.valueOf(PipelineJson.text(c, "Type")),
                    PipelineJson.value(c.get("LeftValue")), PipelineJson.value(c.get("RightValue"))));
        }
        PipelineJson.iter(a.get("IfSteps")).forEach(x -> b.addIfSteps(PipelineStep.fromJson(x)));
        PipelineJson.iter(a.get("ElseSteps")).forEach(x -> b.addElseSteps(PipelineStep.fromJson(x)));
        return b.build();
    }

    @Override
    final List<PipelineStep> nestedSteps() {
        List<PipelineStep> out = new ArrayList<>(getIfSteps());
        out.addAll(getElseSteps());
        return out;
    }

    /** This step with its nested steps secured. */
    @Override
    final ConditionStep secured(Steps.JobDefaults d) {
        return builder().from(this)
                .ifSteps(getIfSteps().stream().map(x -> x.secured(d)).toList())
                .elseSteps(getElseSteps().stream().map(x -> x.secured(d)).toList())
                .build();
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
    public static final class Builder extends ImmutableConditionStep.Builder implements PipelineStep.CommonFields<Builder> {
        /** Use {@link ConditionStep#builder()}. */
        Builder() {}
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Override
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
