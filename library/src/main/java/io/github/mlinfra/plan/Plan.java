package io.github.mlinfra.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 *                    "inputs": {...}, "outputs": {...}, "dependencies": [ "<urn>", ... ],
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
        return getResources().stream().filter(r -> r.getType().equals(type)).collect(Collectors.toList());
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
        return getResources().stream().filter(r -> r.getName().equals(name)).findFirst();
    }

    /**
     * The resource with a URN, if any.
     *
     * @param urn the URN
     * @return the resource, if any
     */
    public Optional<PlannedResource> byUrn(String urn) {
        return getResources().stream().filter(r -> r.getUrn().equals(urn)).findFirst();
    }

    /**
     * The direct children of a resource.
     *
     * @param parent the parent
     * @return its children, in URN order
     */
    public List<PlannedResource> childrenOf(PlannedResource parent) {
        return getResources().stream().filter(r -> r.getParent().filter(parent.getUrn()::equals).isPresent())
                .collect(Collectors.toList());
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
            ArrayNode dependencies = n.putArray("dependencies");
            r.getDependencies().forEach(dependencies::add);
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
     * @throws IllegalArgumentException when the text is not a plan, naming what is wrong
     */
    public static Plan fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        return fromJsonTree(root);
    }

    /**
     * Reads a plan from a JSON tree.
     *
     * @param root the tree
     * @return the plan
     * @throws IllegalArgumentException when the tree is not a plan, naming what is wrong
     */
    public static Plan fromJsonTree(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("resources").isArray()) {
            throw new IllegalArgumentException("not a plan: expected an object with a \"resources\" array");
        }
        var b = builder().project(root.path("project").asText("unknown")).stack(root.path("stack").asText("unknown"));
        int i = 0;
        for (JsonNode n : root.get("resources")) {
            String where = "resources[" + i++ + "]";
            if (!n.hasNonNull("urn") || !n.hasNonNull("type")) {
                throw new IllegalArgumentException("not a plan: " + where + " has no \"urn\" or \"type\"");
            }
            var r = PlannedResource.builder()
                    .urn(n.get("urn").asText())
                    .type(n.get("type").asText())
                    .name(n.hasNonNull("name") ? n.get("name").asText() : nameOf(n.get("urn").asText()))
                    .id(Optional.ofNullable(n.get("id")).filter(JsonNode::isTextual).map(JsonNode::asText))
                    .parent(Optional.ofNullable(n.get("parent")).filter(JsonNode::isTextual).map(JsonNode::asText))
                    .custom(n.path("custom").asBoolean(true))
                    .protect(n.path("protect").asBoolean(false))
                    .inputs(map(n.get("inputs")))
                    .outputs(map(n.get("outputs")));
            for (JsonNode ic : n.path("ignoreChanges")) {
                r.addIgnoreChanges(ic.asText());
            }
            for (JsonNode d : n.path("dependencies")) {
                r.addDependencies(d.asText());
            }
            for (JsonNode w : n.path("waivers")) {
                String id = w.path("control").asText();
                Control c = Control.byId(id).orElseThrow(() ->
                        new IllegalArgumentException("not a plan: " + where + " waives unknown control '" + id + "'"));
                r.addWaivers(Waiver.of(c, w.path("justification").asText()));
            }
            b.addResources(r.build());
        }
        b.outputs(map(root.get("outputs")));
        return b.build();
    }

    private static Map<String, Object> map(JsonNode n) {
        if (n == null || n.isNull()) {
            return Map.of();
        }
        Map<String, Object> m = MAPPER.convertValue(n, new TypeReference<LinkedHashMap<String, Object>>() {});
        @SuppressWarnings("unchecked")
        Map<String, Object> norm = (Map<String, Object>) PlanValues.normalize(m);
        return norm;
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
        Map<String, List<PlannedResource>> children = new LinkedHashMap<>();
        List<PlannedResource> roots = new ArrayList<>();
        for (PlannedResource r : getResources()) {
            if (r.getParent().isPresent() && byUrn(r.getParent().get()).isPresent()) {
                children.computeIfAbsent(r.getParent().get(), k -> new ArrayList<>()).add(r);
            } else {
                roots.add(r);
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (PlannedResource r : roots) {
            walk(r, "", "", children, rows);
        }
        int width = rows.stream().mapToInt(x -> x[0].length()).max().orElse(4);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("    %-" + width + "s  %s%n", "Type", "Name"));
        for (String[] row : rows) {
            sb.append(String.format(" +  %-" + width + "s  %s%s%n", row[0], row[1], row[2]));
        }
        return sb.toString();
    }

    private void walk(PlannedResource r, String lead, String branch, Map<String, List<PlannedResource>> children,
                      List<String[]> rows) {
        rows.add(new String[] {lead + branch + r.getType(), r.getName(), r.isProtect() ? "  [protect]" : ""});
        List<PlannedResource> kids = children.getOrDefault(r.getUrn(), List.of());
        String childLead = branch.isEmpty() ? lead : lead + (branch.startsWith("└") ? "   " : "│  ");
        for (int i = 0; i < kids.size(); i++) {
            walk(kids.get(i), childLead, i == kids.size() - 1 ? "└─ " : "├─ ", children, rows);
        }
    }
}
