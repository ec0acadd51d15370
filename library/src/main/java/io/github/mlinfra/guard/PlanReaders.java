package io.github.mlinfra.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the documents the guard checks into a {@link Plan}: our plan JSON, {@code pulumi stack
 * export} ({@code {"version":3,"deployment":{"resources":[...]}}}) and {@code pulumi preview --json}
 * ({@code {"steps":[{"op","urn","newState":{...}}]}}, or {@code "resourcePreviews"} in some
 * versions). Secrets become {@code "[secret]"} and unknown preview values {@code "[unknown]"}.
 * Waivers recorded as AWS tags ({@code mlinfra:waiver:<id>}) become plan waivers. The stack
 * resource and providers are left out; a preview step that deletes a resource is
 * skipped. In a preview, ids and outputs of resources not yet created are unknown, so rules that
 * join resources by id see less than in a plan or a stack export.
 */
public final class PlanReaders {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SIG = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private PlanReaders() {}

    /**
     * Reads a plan, a stack export or a preview, detecting which.
     *
     * @param json the JSON text
     * @return the plan
     * @throws IllegalArgumentException when the text is not JSON or not one of the three shapes,
     *     naming the shapes accepted
     */
    public static Plan read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(unknownShape());
        }
        if (root.path("resources").isArray()) {
            return Plan.fromJsonTree(root);
        }
        if (root.path("deployment").isObject()) {
            return fromStackExport(root);
        }
        if (root.path("steps").isArray() || root.path("resourcePreviews").isArray()) {
            return fromPreview(root);
        }
        throw new IllegalArgumentException(unknownShape());
    }

    private static String unknownShape() {
        return "not a plan: expected an mlinfra plan ({\"resources\":[...]}), a `pulumi stack export` document "
                + "({\"deployment\":{\"resources\":[...]}}) or `pulumi preview --json` output ({\"steps\":[...]})";
    }

    /**
     * Converts a {@code pulumi stack export} document.
     *
     * @param root the document
     * @return the plan
     */
    static Plan fromStackExport(JsonNode root) {
        JsonNode resources = root.path("deployment").path("resources");
        if (!resources.isArray()) {
            throw new IllegalArgumentException("not a stack export: deployment.resources is not an array");
        }
        List<JsonNode> states = new ArrayList<>();
        resources.forEach(states::add);
        return build(states);
    }

    /**
     * Converts {@code pulumi preview --json} output.
     *
     * @param root the document
     * @return the plan
     */
    static Plan fromPreview(JsonNode root) {
        JsonNode steps = root.has("steps") ? root.get("steps") : root.get("resourcePreviews");
        List<JsonNode> states = new ArrayList<>();
        for (JsonNode step : steps) {
            if (step.path("op").asText().equals("delete") || !step.path("newState").isObject()) {
                continue;
            }
            ObjectNode state = ((ObjectNode) step.get("newState")).deepCopy();
            if (!state.has("urn") && step.has("urn")) {
                state.set("urn", step.get("urn"));
            }
            states.add(state);
        }
        return build(states);
    }

    private static Plan build(List<JsonNode> unsorted) {
        List<JsonNode> states = new ArrayList<>(unsorted);
        states.sort(java.util.Comparator.comparing(n -> n.path("urn").asText("")));
        ObjectNode plan = MAPPER.createObjectNode();
        String project = "unknown";
        String stack = "unknown";
        ArrayNode out = plan.putArray("resources");
        ObjectNode outputs = plan.putObject("outputs");
        for (JsonNode s : states) {
            String urn = s.path("urn").asText("");
            String type = s.path("type").asText("");
            String[] parts = urn.split("::");
            if (parts.length >= 2 && parts[0].startsWith("urn:pulumi:")) {
                stack = parts[0].substring("urn:pulumi:".length());
                project = parts[1];
            }
            if (type.equals("pulumi:pulumi:Stack")) {
                if (s.path("outputs").isObject()) {
                    outputs.setAll((ObjectNode) clean(s.get("outputs")));
                }
                continue;
            }
            if (type.startsWith("pulumi:providers:") || urn.isEmpty()) {
                continue;
            }
            ObjectNode r = out.addObject();
            r.put("urn", urn);
            r.put("type", type);
            if (s.hasNonNull("id") && !s.get("id").asText().isEmpty()) {
                r.put("id", s.get("id").asText());
            }
            if (s.hasNonNull("parent")) {
                r.put("parent", s.get("parent").asText());
            }
            r.put("custom", s.path("custom").asBoolean(true));
            r.put("protect", s.path("protect").asBoolean(false));
            r.set("inputs", s.path("inputs").isObject() ? clean(s.get("inputs")) : MAPPER.createObjectNode());
            r.set("outputs", s.path("outputs").isObject() ? clean(s.get("outputs")) : MAPPER.createObjectNode());
            ArrayNode waivers = r.putArray("waivers");
            for (Map.Entry<String, JsonNode> tag : r.get("inputs").path("tags").properties()) {
                String key = tag.getKey();
                if (key.startsWith(Waiver.TAG_PREFIX) && Control.byId(key.substring(Waiver.TAG_PREFIX.length())).isPresent()) {
                    waivers.addObject().put("control", key.substring(Waiver.TAG_PREFIX.length()))
                            .put("justification", tag.getValue().asText());
                }
            }
        }
        plan.put("project", project);
        plan.put("stack", stack);
        return Plan.fromJsonTree(plan);
    }

    /** Replaces secrets and unknowns by the plan markers. */
    private static JsonNode clean(JsonNode n) {
        if (n.isObject()) {
            if (SECRET_SIG.equals(n.path(SIG).asText(null))) {
                return TextNode.valueOf(PlanIndex.SECRET);
            }
            ObjectNode o = MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                o.set(e.getKey(), clean(e.getValue()));
            }
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = MAPPER.createArrayNode();
            n.forEach(x -> a.add(clean(x)));
            return a;
        }
        if (n.isTextual() && UNKNOWN_SENTINEL.equals(n.asText())) {
            return TextNode.valueOf(PlanIndex.UNKNOWN);
        }
        return n;
    }
}
