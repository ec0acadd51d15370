package io.github.mlinfra.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Jackson codec between {@link PipelineDefinition} and the SageMaker Pipelines definition JSON:
 * the definition's own fields and parameters here; each step writes and reads itself
 * ({@link PipelineStep#toJson()}, {@link PipelineStep#fromJson(JsonNode)}) with the small helpers
 * below.
 */
final class PipelineJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PipelineJson() {}

    static ObjectNode tree(PipelineDefinition def) {
        ObjectNode root = NODES.objectNode();
        root.put("Version", def.getVersion());
        root.putObject("Metadata");
        ArrayNode params = root.putArray("Parameters");
        for (PipelineParameter p : def.getParameters()) {
            ObjectNode n = params.addObject();
            n.put("Name", p.getName());
            n.put("Type", p.getType().name());
            p.getDefaultValue().ifPresent(v -> n.set("DefaultValue", literal(v)));
            strings(n, "EnumValues", p.getEnumValues());
        }
        ArrayNode steps = root.putArray("Steps");
        def.getSteps().forEach(s -> steps.add(s.toJson()));
        return root;
    }

    private static JsonNode literal(Object v) {
        if (v instanceof String s) {
            return NODES.textNode(s);
        } else if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (v instanceof Double || v instanceof Float) {
            return NODES.numberNode(((Number) v).doubleValue());
        }
        return NODES.numberNode(((Number) v).longValue());
    }

    /**
     * Writes a string array when the list is not empty.
     *
     * @param n the parent
     * @param field the field
     * @param values the strings
     */
    static void strings(ObjectNode n, String field, List<String> values) {
        strings(n, field, values, false);
    }

    /**
     * Writes a string array.
     *
     * @param n the parent
     * @param field the field
     * @param values the strings
     * @param evenEmpty whether an empty list is written as {@code []}
     */
    static void strings(ObjectNode n, String field, List<String> values, boolean evenEmpty) {
        if (evenEmpty || !values.isEmpty()) {
            ArrayNode a = n.putArray(field);
            values.forEach(a::add);
        }
    }

    /**
     * Reads a string array, when the field is there.
     *
     * @param n the parent
     * @param field the field
     * @return the strings, or empty when the field is absent
     */
    static Optional<List<String>> readStrings(JsonNode n, String field) {
        if (!n.has(field)) {
            return Optional.empty();
        }
        List<String> l = new ArrayList<>();
        iter(n.get(field)).forEach(x -> l.add(x.asText()));
        return Optional.of(l);
    }

    static ObjectNode vpc(VpcConfig v) {
        ObjectNode n = NODES.objectNode();
        strings(n, "SecurityGroupIds", v.getSecurityGroupIds(), true);
        strings(n, "Subnets", v.getSubnets(), true);
        return n;
    }

    // ---------------------------------------------------------------- reading

    static PipelineDefinition read(String json) {
        JsonNode root = JsonText.parse(json, "PipelineDefinition", Check.show(json.length() > 60 ? json.substring(0, 60) + "…" : json),
                "a pipeline definition JSON object");
        if (root == null || !root.isObject()) {
            throw new InvalidArgsException("PipelineDefinition", "not a JSON object", Check.show(json), "a pipeline definition JSON object");
        }
        var b = PipelineDefinition.builder();
        if (root.has("Version")) {
            b.version(root.get("Version").asText());
        }
        for (JsonNode p : iter(root.get("Parameters"))) {
            var pb = PipelineParameter.builder().name(text(p, "Name"))
                    .type(PipelineParameter.Type.valueOf(text(p, "Type")));
            JsonNode d = p.get("DefaultValue");
            if (d != null && !d.isNull()) {
                pb.defaultValue(d.isTextual() ? d.asText() : d.isBoolean() ? (Object) d.asBoolean()
                        : d.isIntegralNumber() ? (Object) d.asLong() : (Object) d.asDouble());
            }
            iter(p.get("EnumValues")).forEach(v -> pb.addEnumValues(v.asText()));
            b.addParameters(pb.build());
        }
        for (JsonNode s : iter(root.get("Steps"))) {
            b.addSteps(PipelineStep.fromJson(s));
        }
        return b.build();
    }

    static VpcConfig readVpc(JsonNode v) {
        return VpcConfig.of(readStrings(v, "SecurityGroupIds").orElse(List.of()), readStrings(v, "Subnets").orElse(List.of()));
    }

    static PipelineValue value(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            throw new InvalidArgsException("PipelineDefinition.steps", "a required value is missing", "nothing", "a value");
        }
        return PipelineValue.fromJson(n);
    }

    static Iterable<JsonNode> iter(JsonNode n) {
        return n == null || !n.isArray() ? List.of() : n;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidArgsException("PipelineDefinition." + field, "missing or not a string", Check.show(String.valueOf(v)), "a string");
        }
        return v.asText();
    }

    static Optional<String> optText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() ? Optional.empty() : Optional.of(v.asText());
    }
}
