package io.github.mlinfra.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.internal.Check;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A value in a pipeline definition: a literal (string, whole number, decimal, boolean) or an
 * expression SageMaker evaluates when the pipeline runs: a parameter ({@code {"Get":
 * "Parameters.InstanceType"}}), a step property ({@code {"Get":
 * "Steps.Train.ModelArtifacts.S3ModelArtifacts"}}), an execution variable ({@code {"Get":
 * "Execution.PipelineExecutionId"}}), a join ({@code {"Std:Join": {"On": "/", "Values": [...]}}})
 * or a value read from a step's property file ({@code {"Std:JsonGet": ...}}).
 *
 * <pre>{@code
 * PipelineValue model = PipelineValue.stepProperty("Train", "ModelArtifacts.S3ModelArtifacts");
 * PipelineValue type = PipelineValue.parameter("TrainingInstanceType");
 * PipelineValue uri = PipelineValue.join("/", PipelineValue.of("s3://bucket/runs"),
 *     PipelineValue.execution("PipelineExecutionId"));
 * }</pre>
 */
public final class PipelineValue {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+|\\['[^']+'\\]|\\[\\d+\\])*");

    private final JsonNode node;

    private PipelineValue(JsonNode node) {
        this.node = node;
    }

    /**
     * A literal string.
     *
     * @param value the string
     * @return the value
     */
    public static PipelineValue of(String value) {
        return new PipelineValue(NODES.textNode(Objects.requireNonNull(value, "value")));
    }

    /**
     * A literal whole number.
     *
     * @param value the number
     * @return the value
     */
    public static PipelineValue of(long value) {
        return new PipelineValue(NODES.numberNode(value));
    }

    /**
     * A literal decimal number.
     *
     * @param value the number
     * @return the value
     */
    public static PipelineValue of(double value) {
        return new PipelineValue(NODES.numberNode(value));
    }

    /**
     * A literal boolean.
     *
     * @param value the boolean
     * @return the value
     */
    public static PipelineValue of(boolean value) {
        return new PipelineValue(NODES.booleanNode(value));
    }

    /**
     * A pipeline parameter: {@code {"Get": "Parameters.<name>"}}.
     *
     * @param name the parameter name
     * @return the reference
     */
    public static PipelineValue parameter(String name) {
        Check.matches("PipelineValue.parameter", name, PipelineParameter.NAME, "a parameter name (letters, digits, _ -)");
        return get("Parameters." + name);
    }

    /**
     * A property of another step: {@code {"Get": "Steps.<step>.<path>"}}, e.g.
     * {@code stepProperty("Train", "ModelArtifacts.S3ModelArtifacts")} or
     * {@code stepProperty("Preprocess", "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri")}.
     * Referring to a step makes this step run after it.
     *
     * @param step the step name
     * @param path the property path
     * @return the reference
     */
    public static PipelineValue stepProperty(String step, String path) {
        Check.matches("PipelineValue.stepProperty", step, PipelineStep.NAME, "a step name (letters, digits, _ -; 1 to 64)");
        Check.matches("PipelineValue.stepProperty", path, PATH, "a property path such as \"ModelArtifacts.S3ModelArtifacts\"");
        return get("Steps." + step + "." + path);
    }

    /**
     * An execution variable: {@code {"Get": "Execution.<name>"}}, e.g. {@code PipelineExecutionId}.
     *
     * @param name the variable
     * @return the reference
     */
    public static PipelineValue execution(String name) {
        Check.matches("PipelineValue.execution", name, PipelineParameter.NAME, "an execution variable such as \"PipelineExecutionId\"");
        return get("Execution." + name);
    }

    /**
     * A join: {@code {"Std:Join": {"On": "<on>", "Values": [...]}}}.
     *
     * @param on the separator
     * @param values the values joined
     * @return the join
     */
    public static PipelineValue join(String on, PipelineValue... values) {
        ObjectNode n = NODES.objectNode();
        ObjectNode j = n.putObject("Std:Join");
        j.put("On", on);
        ArrayNode a = j.putArray("Values");
        for (PipelineValue v : values) {
            a.add(v.node.deepCopy());
        }
        return new PipelineValue(n);
    }

    /**
     * A value read from a JSON property file a processing step wrote:
     * {@code {"Std:JsonGet": {"PropertyFile": {"Get": "Steps.<step>.PropertyFiles.<file>"}, "Path": "<path>"}}}.
     *
     * @param step the processing step
     * @param propertyFile the property file name declared on that step
     * @param jsonPath the JSON path in the file, e.g. {@code metrics.accuracy.value}
     * @return the value
     */
    public static PipelineValue jsonGet(String step, String propertyFile, String jsonPath) {
        Check.matches("PipelineValue.jsonGet", step, PipelineStep.NAME, "a step name (letters, digits, _ -; 1 to 64)");
        ObjectNode n = NODES.objectNode();
        ObjectNode g = n.putObject("Std:JsonGet");
        g.set("PropertyFile", get("Steps." + step + ".PropertyFiles." + propertyFile).node);
        g.put("Path", jsonPath);
        return new PipelineValue(n);
    }

    private static PipelineValue get(String path) {
        ObjectNode n = NODES.objectNode();
        n.put("Get", path);
        return new PipelineValue(n);
    }

    /**
     * Reads a value from definition JSON.
     *
     * @param node the JSON
     * @return the value
     */
    public static PipelineValue fromJson(JsonNode node) {
        return new PipelineValue(normalize(Objects.requireNonNull(node, "node")));
    }

    /** A copy with whole numbers as longs, so parsed and built values compare equal. */
    private static JsonNode normalize(JsonNode n) {
        if (n.isIntegralNumber()) {
            return NODES.numberNode(n.asLong());
        }
        if (n.isObject()) {
            ObjectNode o = NODES.objectNode();
            n.properties().forEach(e -> o.set(e.getKey(), normalize(e.getValue())));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = NODES.arrayNode();
            n.forEach(x -> a.add(normalize(x)));
            return a;
        }
        return n.deepCopy();
    }

    /**
     * The value as definition JSON (a copy).
     *
     * @return the JSON
     */
    public JsonNode toJson() {
        return node.deepCopy();
    }

    /**
     * The literal string, when this value is one.
     *
     * @return the string, or empty for numbers, booleans and expressions
     */
    public Optional<String> literal() {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    /**
     * The literal whole number, when this value is one.
     *
     * @return the number, or empty
     */
    public Optional<Long> literalLong() {
        return node.isIntegralNumber() ? Optional.of(node.asLong()) : Optional.empty();
    }

    /**
     * The parameter this value is, when it is exactly {@code {"Get": "Parameters.<name>"}}.
     *
     * @return the parameter name, or empty
     */
    public Optional<String> parameterName() {
        if (node.isObject() && node.size() == 1 && node.has("Get") && node.get("Get").asText().startsWith("Parameters.")) {
            return Optional.of(node.get("Get").asText().substring("Parameters.".length()));
        }
        return Optional.empty();
    }

    /**
     * Every {@code Get} path in this value (nested in joins and property-file reads too).
     *
     * @return e.g. {@code ["Steps.Train.ModelArtifacts.S3ModelArtifacts"]}
     */
    public List<String> references() {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    static void collect(JsonNode n, List<String> out) {
        if (n.isObject()) {
            JsonNode g = n.get("Get");
            if (g != null && g.isTextual()) {
                out.add(g.asText());
            }
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        } else if (n.isArray()) {
            n.forEach(x -> collect(x, out));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PipelineValue v && v.node.equals(node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return node.toString();
    }
}
