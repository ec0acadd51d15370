package io.github.mlinfra.guard.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule judging the Training and Processing steps of a SageMaker pipeline definition (version
 * 2020-12-01: {@code Steps[].Type} and {@code Steps[].Arguments} shaped like CreateTrainingJob /
 * CreateProcessingJob). A definition kept in S3 ({@code pipelineDefinitionS3Location}) cannot be
 * checked and is a finding; an opaque definition ({@code [secret]}, {@code [unknown]}) is not.
 */
abstract class PipelineStepRule extends SimpleResourceRule {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    PipelineStepRule(Control control, String rationale) {
        super(control, rationale, Types.PIPELINE);
    }

    @Override
    public final List<String> check(PlannedResource r) {
        Object def = r.input("pipelineDefinition").orElse(null);
        if (def == null || "".equals(def)) {
            if (!PlanIndex.isBlank(r, "pipelineDefinitionS3Location")) {
                return List.of("the pipeline definition is in S3 (pipelineDefinitionS3Location "
                        + r.input("pipelineDefinitionS3Location.bucket").orElse("?") + "/"
                        + r.input("pipelineDefinitionS3Location.objectKey").orElse("?")
                        + "), so " + control().title().toLowerCase(java.util.Locale.ROOT)
                        + " cannot be checked; keep the definition with the code (pipelineDefinition)");
            }
            return List.of();
        }
        if (PlanIndex.isOpaque(def)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(String.valueOf(def));
        } catch (JsonProcessingException e) {
            return List.of("pipelineDefinition is not JSON: " + e.getOriginalMessage());
        }
        List<String> out = new ArrayList<>();
        for (JsonNode step : root.path("Steps")) {
            String type = step.path("Type").asText();
            String name = step.path("Name").asText("?");
            if (type.equals("Training") || type.equals("Processing")) {
                for (String problem : checkStep(type.equals("Training"), step.path("Arguments"), root.path("Parameters"))) {
                    out.add("step " + name + " (" + type + "): " + problem);
                }
            }
        }
        return out;
    }

    /**
     * Judges one step's arguments.
     *
     * @param training true for a Training step, false for Processing
     * @param args the step's {@code Arguments}
     * @return the problems
     */
    abstract List<String> checkStep(boolean training, JsonNode args);

    /**
     * Judges one step's arguments, knowing the definition's parameters (a rule that needs them
     * overrides this; the others judge the arguments alone).
     *
     * @param training true for a Training step, false for Processing
     * @param args the step's {@code Arguments}
     * @param parameters the definition's {@code Parameters}
     * @return the problems
     */
    List<String> checkStep(boolean training, JsonNode args, JsonNode parameters) {
        return checkStep(training, args);
    }

    /** A literal true, or a pipeline expression ({@code {"Get": ...}}) that cannot be judged. */
    static boolean isTrueOrExpression(JsonNode n) {
        return n.isObject() || (n.isBoolean() && n.asBoolean()) || (n.isTextual() && n.asText().equalsIgnoreCase("true"));
    }

    /** Present and non-empty, or an expression. */
    static boolean isSet(JsonNode n) {
        if (n.isArray()) {
            return n.size() > 0;
        }
        return n.isObject() || (!n.isMissingNode() && !n.isNull() && !n.asText().isEmpty());
    }

    @Override
    public final List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "pipelineDefinition");
    }
}
