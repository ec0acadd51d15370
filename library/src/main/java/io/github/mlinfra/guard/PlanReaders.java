package io.github.mlinfra.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.internal.RecordedWaivers;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the documents the guard checks into a {@link Plan}:
 * <ul>
 *   <li>our plan JSON ({@code {"resources":[...]}});</li>
 *   <li>{@code pulumi stack export}, deployment versions 1 to 4 (4 is 3 with a {@code features} list)
 *       ({@code {"version":3,"deployment":{"resources":[...]}}});</li>
 *   <li>a file-backend state file ({@code {"version":3,"checkpoint":{"latest":{"resources":[...]}}}});</li>
 *   <li>{@code pulumi preview --json} ({@code {"steps":[{"op","urn","oldState","newState"}]}}, or
 *       {@code "resourcePreviews"} in some versions).</li>
 * </ul>
 * The schema is the Pulumi engine's ({@code sdk/go/common/apitype/core.go}: {@code UntypedDeployment},
 * {@code VersionedCheckpoint}, {@code ResourceV1..V3}; {@code pkg/display/json.go}: {@code PreviewDigest}).
 *
 * <p>How the readers see a stack:
 * <ul>
 *   <li>JSON {@code null} anywhere reads as "no value"; a stack with no resources (no
 *       {@code resources}, or a state file with no {@code latest}) is an empty plan.</li>
 *   <li>Secrets become {@code "[secret]"} and unknown preview values {@code "[unknown]"}.</li>
 *   <li>One resource per URN, as the stack has it after the operation: in an export, entries
 *       marked {@code "delete": true} (old versions waiting to be deleted) are left out, and an
 *       entry marked {@code pendingReplacement} counts only when no other entry has its URN; in a
 *       preview, {@code delete}, {@code delete-replaced}, {@code discard},
 *       {@code discard-replaced} and {@code remove-pending-replace} steps are left out, and the
 *       {@code replace} and {@code create-replacement} steps of one resource count once, with
 *       their {@code newState}.</li>
 *   <li>{@code dependencies} are kept (sorted); version 1's {@code defaults} count as inputs.</li>
 *   <li>Waivers are read as the plan engine reads its own runs ({@code RecordedWaivers}): a
 *       component's registered output {@code mlinfra:waivers}, and a tag
 *       {@code mlinfra:waiver:<id>} naming a known control, whatever its value
 *       ({@link Waiver#recorded}), with the full justification of the nearest ancestor component
 *       that registered the same control; a tag naming an unknown control stays a tag, for the rule
 *       that reports it.</li>
 *   <li>The stack resource and providers are left out; the stack's outputs are the plan's.</li>
 * </ul>
 * In a preview, ids and outputs of resources not yet created are unknown, so rules that join
 * resources by id see less than in a plan or a stack export.
 *
 * <p>A document the readers cannot use raises {@link PlanFormatException}, whose one-line message
 * says what is wrong and where.
 */
public final class PlanReaders {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SIG = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    /** The newest deployment version read: 4 is 3 with a {@code features} list (apitype {@code DeploymentSchemaVersionLatest}). */
    public static final int MAX_DEPLOYMENT_VERSION = 4;
    /** Preview operations after which the resource no longer exists in the stack. */
    private static final Set<String> GONE = Set.of("delete", "delete-replaced", "discard", "discard-replaced",
            "remove-pending-replace");

    private PlanReaders() {}

    /**
     * Reads a plan, a stack export, a state file or a preview, detecting which.
     *
     * @param json the JSON text
     * @return the plan
     * @throws PlanFormatException when the text is not JSON or not one of the shapes, naming the
     *     shapes accepted or what is wrong and where
     */
    public static Plan read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PlanFormatException("not JSON: " + oneLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new PlanFormatException(unknownShape());
        }
        if (root.has("deployment")) {
            return fromStackExport(root);
        }
        if (root.has("checkpoint")) {
            return fromStateFile(root);
        }
        if (root.has("steps") || root.has("resourcePreviews") || root.has("changeSummary")) {
            return fromPreview(root);
        }
        if (root.path("resources").isArray()) {
            return Plan.fromJsonTree(root);
        }
        throw new PlanFormatException(unknownShape());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static String unknownShape() {
        return "not a plan: expected an mlinfra plan ({\"resources\":[...]}), a `pulumi stack export` document "
                + "({\"deployment\":{\"resources\":[...]}}) or `pulumi preview --json` output ({\"steps\":[...]})";
    }

    private static void checkVersion(JsonNode root, String what) {
        JsonNode v = root.get("version");
        if (v == null || v.isNull()) {
            return;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > MAX_DEPLOYMENT_VERSION) {
            throw new PlanFormatException(what + ": unsupported version " + v + "; expected 1 to " + MAX_DEPLOYMENT_VERSION);
        }
    }

    /**
     * Converts a {@code pulumi stack export} document (deployment version 1, 2 or 3).
     *
     * @param root the document
     * @return the plan
     * @throws PlanFormatException when the document breaks the export's shape
     */
    static Plan fromStackExport(JsonNode root) {
        checkVersion(root, "not a stack export");
        return fromDeployment(root.get("deployment"), "deployment");
    }

    /**
     * Converts a file-backend state file ({@code {"version":N,"checkpoint":{"latest":{...}}}}).
     *
     * @param root the document
     * @return the plan; empty when the checkpoint has no {@code latest} deployment
     * @throws PlanFormatException when the document breaks the state file's shape
     */
    static Plan fromStateFile(JsonNode root) {
        checkVersion(root, "not a state file");
        JsonNode checkpoint = root.get("checkpoint");
        if (checkpoint == null || checkpoint.isNull()) {
            return build(List.of(), "checkpoint");
        }
        if (!checkpoint.isObject()) {
            throw new PlanFormatException("not a state file: checkpoint is " + PlanFormatException.kind(checkpoint) + ", not an object");
        }
        return fromDeployment(checkpoint.get("latest"), "checkpoint.latest");
    }

    private static Plan fromDeployment(JsonNode deployment, String where) {
        if (deployment == null || deployment.isNull()) {
            return build(List.of(), where);
        }
        if (!deployment.isObject()) {
            throw new PlanFormatException("not a stack export: " + where + " is " + PlanFormatException.kind(deployment) + ", not an object");
        }
        List<JsonNode> resources = optionalArray(deployment.get("resources"), "not a stack export", where + ".resources");
        // one entry per URN: "delete": true entries are old versions waiting to be deleted, a
        // pendingReplacement entry stands only until its replacement exists
        Map<String, JsonNode> live = new LinkedHashMap<>();
        Map<String, JsonNode> pending = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode r : resources) {
            String at = where + ".resources[" + i++ + "]";
            ObjectNode state = state(r, at, "not a stack export");
            if (state.path("delete").asBoolean(false)) {
                continue;
            }
            String urn = state.get("urn").asText();
            if (state.path("pendingReplacement").asBoolean(false)) {
                pending.putIfAbsent(urn, state);
            } else {
                live.put(urn, state);
            }
        }
        pending.forEach(live::putIfAbsent);
        return build(new ArrayList<>(live.values()), where);
    }

    /**
     * Converts {@code pulumi preview --json} output.
     *
     * @param root the document
     * @return the plan
     * @throws PlanFormatException when the document breaks the preview's shape
     */
    static Plan fromPreview(JsonNode root) {
        String field = root.has("steps") ? "steps" : "resourcePreviews";
        List<JsonNode> steps = optionalArray(root.get(field), "not a preview", field);
        Map<String, JsonNode> byUrn = new LinkedHashMap<>();
        Map<String, Integer> rank = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode step : steps) {
            String at = field + "[" + i++ + "]";
            if (!step.isObject()) {
                throw new PlanFormatException("not a preview: " + at + " is " + PlanFormatException.kind(step) + ", not an object");
            }
            String op = step.path("op").asText("");
            JsonNode newState = step.get("newState");
            if (GONE.contains(op) || newState == null || newState.isNull()) {
                continue;
            }
            if (!newState.isObject()) {
                throw new PlanFormatException("not a preview: " + at + ".newState is " + PlanFormatException.kind(newState) + ", not an object");
            }
            ObjectNode state = newState.deepCopy();
            JsonNode urn = state.get("urn");
            if ((urn == null || urn.isNull()) && step.hasNonNull("urn")) {
                state.set("urn", step.get("urn"));
            }
            state = state(state, at + ".newState", "not a preview");
            String key = state.get("urn").asText();
            // a replacement shows the same URN in its replace and create-replacement steps
            int r = op.equals("replace") ? 2 : op.equals("create-replacement") ? 1 : 0;
            if (!byUrn.containsKey(key) || r > rank.get(key)) {
                byUrn.put(key, state);
                rank.put(key, r);
            }
        }
        return build(new ArrayList<>(byUrn.values()), field);
    }

    /**
     * The elements of an array that may be absent: none when it is missing or null.
     *
     * @throws PlanFormatException ({@code "<what>: <at> is <kind>, not an array"}) when it is something else
     */
    private static List<JsonNode> optionalArray(JsonNode node, String what, String at) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new PlanFormatException(what + ": " + at + " is " + PlanFormatException.kind(node) + ", not an array");
        }
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    /** Checks one resource state's shape: an object with a string urn and type. */
    private static ObjectNode state(JsonNode s, String at, String what) {
        if (!s.isObject()) {
            throw new PlanFormatException(what + ": " + at + " is " + PlanFormatException.kind(s) + ", not an object");
        }
        JsonNode urn = s.get("urn");
        if (urn == null || !urn.isTextual() || urn.asText().isEmpty()) {
            throw new PlanFormatException(what + ": " + at + " has no \"urn\" string");
        }
        JsonNode type = s.get("type");
        if (type == null || !type.isTextual() || type.asText().isEmpty()) {
            throw new PlanFormatException(what + ": " + at + " (" + urn.asText() + ") has no \"type\" string");
        }
        for (String f : List.of("inputs", "outputs", "defaults")) {
            JsonNode v = s.get(f);
            if (v != null && !v.isNull() && !v.isObject()) {
                throw new PlanFormatException(what + ": " + at + "." + f + " is " + PlanFormatException.kind(v) + ", not an object");
            }
        }
        JsonNode deps = s.get("dependencies");
        if (deps != null && !deps.isNull() && !deps.isArray()) {
            throw new PlanFormatException(what + ": " + at + ".dependencies is " + PlanFormatException.kind(deps) + ", not an array");
        }
        return (ObjectNode) s;
    }

    private static Plan build(List<JsonNode> unsorted, String where) {
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
                    outputs.setAll(object(clean(s.get("outputs"))));
                }
                continue;
            }
            if (type.startsWith("pulumi:providers:")) {
                continue;
            }
            ObjectNode r = out.addObject();
            r.put("urn", urn);
            r.put("type", type);
            JsonNode id = s.get("id");
            if (id != null && id.isValueNode() && !id.isNull() && !id.asText().isEmpty()) {
                r.put("id", id.asText());
            }
            JsonNode parent = s.get("parent");
            if (parent != null && parent.isTextual() && !parent.asText().isEmpty()) {
                r.put("parent", parent.asText());
            }
            r.put("custom", s.path("custom").asBoolean(true));
            r.put("protect", s.path("protect").asBoolean(false));
            ObjectNode inputs = MAPPER.createObjectNode();
            if (s.path("defaults").isObject()) { // deployment version 1 kept provider defaults apart
                inputs.setAll(object(clean(s.get("defaults"))));
            }
            if (s.path("inputs").isObject()) {
                inputs.setAll(object(clean(s.get("inputs"))));
            }
            r.set("inputs", inputs);
            r.set("outputs", s.path("outputs").isObject() ? object(clean(s.get("outputs"))) : MAPPER.createObjectNode());
            ArrayNode deps = r.putArray("dependencies");
            for (JsonNode d : s.path("dependencies")) {
                if (d.isTextual()) {
                    deps.add(d.asText());
                }
            }
        }
        plan.put("project", project);
        plan.put("stack", stack);
        Plan read = Plan.fromJsonTree(plan);
        return Plan.builder().from(read).resources(RecordedWaivers.apply(read.getResources())).build();
    }

    /** A cleaned properties object; a wholly secret one has nothing to read. */
    private static ObjectNode object(JsonNode n) {
        return n instanceof ObjectNode o ? o : MAPPER.createObjectNode();
    }

    /**
     * Replaces secrets and unknowns by the plan markers, in place (the tree is the readers' own,
     * parsed from the document), and returns the node or its replacement.
     */
    private static JsonNode clean(JsonNode n) {
        if (n.isObject()) {
            if (SECRET_SIG.equals(n.path(SIG).asText(null))) {
                return TextNode.valueOf(PlanIndex.SECRET);
            }
            ObjectNode o = (ObjectNode) n;
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                JsonNode c = clean(e.getValue());
                if (c != e.getValue()) {
                    e.setValue(c);
                }
            }
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = (ArrayNode) n;
            for (int i = 0; i < a.size(); i++) {
                JsonNode c = clean(a.get(i));
                if (c != a.get(i)) {
                    a.set(i, c);
                }
            }
            return a;
        }
        if (n.isTextual() && UNKNOWN_SENTINEL.equals(n.asText())) {
            return TextNode.valueOf(PlanIndex.UNKNOWN);
        }
        return n;
    }
}
