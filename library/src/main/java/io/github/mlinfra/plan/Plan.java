package io.github.mlinfra.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * What a Pulumi program would ask the engine to create, recorded offline by {@link PlanEngine}:
 * every resource (URN, type, name, id, parent, protect, inputs, outputs, dependencies, waivers) and the stack
 * outputs. Resources are sorted by URN, ids and generated names are deterministic, so plans diff
 * cleanly.
 *
 * <p>JSON shape ({@link #toJson()}):
 * <pre>{@code
 * { "project": "p", "stack": "dev",
 *   "resources": [ { "urn": "...", "type": "aws:s3/bucketV2:BucketV2", "name": "ckpt-bucket",
 *                    "id": "...", "parent": "<urn>", "custom": true, "protect": true,
 *                    "inputs": {...}, "outputs": {...},
 *                    "dependencies": [ "<urn>", ... ],
 *                    "waivers": [ { "control": "MLI-S3-11", "justification": "..." } ] } ],
 *   "outputs": { "bucketName": "..." } }
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class Plan {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * The project name.
     *
     * @return the project
     */
    public abstract String getProject();

    /**
     * The stack name.
     *
     * @return the stack
     */
    public abstract String getStack();

    /**
     * The resources, sorted by URN.
     *
     * @return the resources
     */
    public abstract List<PlannedResource> getResources();

    /**
     * The stack outputs, secrets as {@code "[secret]"}.
     *
     * @return the outputs
     */
    public abstract Map<String, Object> getOutputs();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static ImmutablePlan.Builder builder() {
        return ImmutablePlan.builder();
    }

    /**
     * The resources of one type.
     *
     * @param type the type token, e.g. {@code aws:kms/key:Key}
     * @return the resources of that type, in URN order
     */
    public List<PlannedResource> resourcesOfType(String type) {
        return indexes().byType.getOrDefault(type, List.of());
    }

    /**
     * The resource with a logical name (unique per type; the first in URN order when several
     * types share it).
     *
     * @param name the logical name
     * @return the resource
     * @throws java.util.NoSuchElementException when no resource has that name
     */
    public PlannedResource resource(String name) {
        return find(name).orElseThrow(() -> new java.util.NoSuchElementException(
                "no resource named '" + name + "' in the plan; names: "
                        + getResources().stream().map(PlannedResource::getName).collect(Collectors.toList())));
    }

    /**
     * The resource with a logical name, if any.
     *
     * @param name the logical name
     * @return the resource, if any
     */
    public Optional<PlannedResource> find(String name) {
        return Optional.ofNullable(indexes().byName.get(name));
    }

    /**
     * The resource with a URN, if any (the first in URN order should a plan hold the URN twice).
     *
     * @param urn the URN
     * @return the resource, if any
     */
    public Optional<PlannedResource> byUrn(String urn) {
        return Optional.ofNullable(indexes().byUrn.get(urn));
    }

    /**
     * The direct children of a resource.
     *
     * @param parent the parent
     * @return its children, in URN order
     */
    public List<PlannedResource> childrenOf(PlannedResource parent) {
        return indexes().children.getOrDefault(parent.getUrn(), List.of());
    }

    /**
     * The lookups by URN, name, type and parent, built once per plan so that each lookup takes
     * constant time (a stack export can hold tens of thousands of resources).
     *
     * @return the indexes
     */
    @Value.Lazy
    protected Indexes indexes() {
        return new Indexes(getResources());
    }

    /** Lookups over a plan's resources, each list in URN order. */
    protected static final class Indexes {
        private final Map<String, PlannedResource> byUrn = new java.util.HashMap<>();
        private final Map<String, PlannedResource> byName = new java.util.HashMap<>();
        private final Map<String, List<PlannedResource>> byType = new java.util.HashMap<>();
        private final Map<String, List<PlannedResource>> children = new java.util.HashMap<>();

        Indexes(List<PlannedResource> resources) {
            for (PlannedResource r : resources) {
                byUrn.putIfAbsent(r.getUrn(), r);
                byName.putIfAbsent(r.getName(), r);
                byType.computeIfAbsent(r.getType(), k -> new ArrayList<>()).add(r);
                r.getParent().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(r));
            }
            byType.replaceAll((k, v) -> java.util.Collections.unmodifiableList(v));
            children.replaceAll((k, v) -> java.util.Collections.unmodifiableList(v));
        }
    }

    /**
     * The plan as a JSON tree (the guard adds its {@code findings} to it).
     *
     * @return the JSON tree
     */
    public ObjectNode toJsonTree() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("project", getProject());
        root.put("stack", getStack());
        ArrayNode resources = root.putArray("resources");
        for (PlannedResource r : getResources()) {
            ObjectNode n = resources.addObject();
            n.put("urn", r.getUrn());
            n.put("type", r.getType());
            n.put("name", r.getName());
            r.getId().ifPresent(id -> n.put("id", id));
            r.getParent().ifPresent(p -> n.put("parent", p));
            n.put("custom", r.isCustom());
            n.put("protect", r.isProtect());
            if (!r.getIgnoreChanges().isEmpty()) {
                ArrayNode ic = n.putArray("ignoreChanges");
                r.getIgnoreChanges().forEach(ic::add);
            }
            n.set("inputs", MAPPER.valueToTree(r.getInputs()));
            n.set("outputs", MAPPER.valueToTree(r.getOutputs()));
            ArrayNode deps = n.putArray("dependencies");
            r.getDependencies().forEach(deps::add);
            ArrayNode waivers = n.putArray("waivers");
            for (Waiver w : r.getWaivers()) {
                ObjectNode wn = waivers.addObject();
                wn.put("control", w.getControl().id());
                wn.put("justification", w.getJustification());
            }
        }
        root.set("outputs", MAPPER.valueToTree(new TreeMap<>(getOutputs())));
        return root;
    }

    /**
     * The plan as pretty-printed JSON, keys in a stable order.
     *
     * @return the JSON text
     */
    public String toJson() {
        return toJson(toJsonTree());
    }

    /**
     * Pretty-prints a JSON tree the way plans are written.
     *
     * @param tree the tree
     * @return the JSON text, ending in a newline
     */
    public static String toJson(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a plan", e);
        }
    }

    /**
     * Reads a plan written by {@link #toJson()} (the {@code findings}, if any, are ignored here:
     * the guard reads them).
     *
     * @param json the JSON text
     * @return the plan
     * @throws PlanFormatException when the text is not a plan, naming what is wrong
     */
    public static Plan fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PlanFormatException("not JSON: " + e.getOriginalMessage());
        }
        return fromJsonTree(root);
    }

    /**
     * Reads a plan from a JSON tree. JSON {@code null} reads as "no value" wherever it stands (an
     * input, an output, an optional field); recorded waivers are taken as they stand
     * ({@link Waiver#recorded}); {@code dependencies} are sorted and repeats dropped.
     *
     * @param root the tree
     * @return the plan
     * @throws PlanFormatException when the tree is not a plan, naming what is wrong and where
     */
    public static Plan fromJsonTree(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("resources").isArray()) {
            throw new PlanFormatException("not a plan: expected an object with a \"resources\" array");
        }
        var b = builder().project(text(root, "project").orElse("unknown")).stack(text(root, "stack").orElse("unknown"));
        int i = 0;
        for (JsonNode n : root.get("resources")) {
            String where = "resources[" + i++ + "]";
            if (!n.isObject()) {
                throw new PlanFormatException("not a plan: " + where + " is " + PlanFormatException.kind(n) + ", not an object");
            }
            String urn = text(n, "urn").filter(u -> !u.isEmpty()).orElseThrow(() ->
                    new PlanFormatException("not a plan: " + where + " has no \"urn\" string"));
            String type = text(n, "type").filter(t -> !t.isEmpty()).orElseThrow(() ->
                    new PlanFormatException("not a plan: " + where + " (" + urn + ") has no \"type\" string"));
            var r = PlannedResource.builder()
                    .urn(urn)
                    .type(type)
                    .name(text(n, "name").orElse(nameOf(urn)))
                    .id(text(n, "id"))
                    .parent(text(n, "parent").filter(p -> !p.isEmpty()))
                    .custom(n.path("custom").asBoolean(true))
                    .protect(n.path("protect").asBoolean(false))
                    .inputs(map(n.get("inputs"), where + ".inputs"))
                    .outputs(map(n.get("outputs"), where + ".outputs"));
            for (JsonNode ic : array(n, "ignoreChanges", where)) {
                if (ic.isTextual()) {
                    r.addIgnoreChanges(ic.asText());
                }
            }
            java.util.TreeSet<String> deps = new java.util.TreeSet<>();
            for (JsonNode d : array(n, "dependencies", where)) {
                if (d.isTextual() && !d.asText().isEmpty()) {
                    deps.add(d.asText());
                }
            }
            r.dependencies(deps);
            for (JsonNode w : array(n, "waivers", where)) {
                String id = text(w, "control").orElseThrow(() ->
                        new PlanFormatException("not a plan: " + where + ".waivers has an entry with no \"control\" string"));
                Control c = Control.byId(id).orElseThrow(() ->
                        new PlanFormatException("not a plan: " + where + " waives unknown control '" + id + "'"));
                r.addWaivers(Waiver.recorded(c, text(w, "justification").orElse("")));
            }
            b.addResources(r.build());
        }
        b.outputs(map(root.get("outputs"), "outputs"));
        return b.build();
    }

    /** A string field; empty when absent, null or not a string (numbers and booleans read as text). */
    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** An optional array field: empty when absent or null, an error when something else. */
    private static Iterable<JsonNode> array(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new PlanFormatException("not a plan: " + where + "." + field + " is " + PlanFormatException.kind(v) + ", not an array");
        }
        return v;
    }

    private static Map<String, Object> map(JsonNode n, String where) {
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw new PlanFormatException("not a plan: " + where + " is " + PlanFormatException.kind(n) + ", not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) plain(n);
        return m;
    }

    /** A JSON value as a plan value, in one pass: keys sorted, whole numbers as Long, null dropped. */
    private static Object plain(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> out = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                Object v = plain(e.getValue());
                if (v != null) {
                    out.put(e.getKey(), v);
                }
            }
            return java.util.Collections.unmodifiableMap(out);
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>(n.size());
            for (JsonNode x : n) {
                Object v = plain(x);
                if (v != null) {
                    out.add(v);
                }
            }
            return java.util.Collections.unmodifiableList(out);
        }
        if (n.isNumber()) {
            return n.isIntegralNumber() && n.canConvertToLong() ? (Object) n.longValue() : PlanValues.number(n.doubleValue());
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        return null; // null, missing; binary and POJO nodes do not occur in parsed JSON
    }

    static String nameOf(String urn) {
        int i = urn.lastIndexOf("::");
        return i < 0 ? urn : urn.substring(i + 2);
    }

    /**
     * Rewrites a URN of the SDK's mock engine to the real engine's form: the mock puts the stack
     * type ({@code pulumi:pulumi:Stack$}) at the head of every child's type chain.
     *
     * @param mockUrn the mock URN
     * @return the URN as {@code pulumi up} would write it
     */
    static String realUrn(String mockUrn) {
        return mockUrn.replace("::pulumi:pulumi:Stack$", "::");
    }

    /**
     * The resource tree as {@code pulumi preview} shows it: type and name, children indented
     * under their parent.
     *
     * @return the tree, one resource per line
     */
    public String renderTree() {
        Map<String, List<PlannedResource>> children = new java.util.HashMap<>();
        List<PlannedResource> roots = new ArrayList<>();
        for (PlannedResource r : getResources()) {
            if (r.getParent().isPresent() && !r.getParent().get().equals(r.getUrn()) && byUrn(r.getParent().get()).isPresent()) {
                children.computeIfAbsent(r.getParent().get(), k -> new ArrayList<>()).add(r);
            } else {
                roots.add(r);
            }
        }
        // depth-first, without recursion: a stack export may nest deeper than the thread's stack
        List<String[]> rows = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Deque<Object[]> pending = new java.util.ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            pending.push(new Object[] {roots.get(i), "", ""});
        }
        while (!pending.isEmpty()) {
            Object[] item = pending.pop();
            PlannedResource r = (PlannedResource) item[0];
            String lead = (String) item[1];
            String branch = (String) item[2];
            if (!seen.add(r.getUrn())) {
                continue;
            }
            rows.add(new String[] {lead + branch + r.getType(), r.getName(), r.isProtect() ? "  [protect]" : ""});
            List<PlannedResource> kids = children.getOrDefault(r.getUrn(), List.of());
            String childLead = branch.isEmpty() ? lead : lead + (branch.startsWith("└") ? "   " : "│  ");
            for (int i = kids.size() - 1; i >= 0; i--) {
                pending.push(new Object[] {kids.get(i), childLead, i == kids.size() - 1 ? "└─ " : "├─ "});
            }
        }
        int width = rows.stream().mapToInt(x -> x[0].length()).max().orElse(4);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("    %-" + width + "s  %s%n", "Type", "Name"));
        for (String[] row : rows) {
            sb.append(String.format(" +  %-" + width + "s  %s%s%n", row[0], row[1], row[2]));
        }
        return sb.toString();
    }
}
