package io.github.mlinfra.sagemaker;

import io.github.mlinfra.CheckedValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A typed SageMaker Pipelines definition ({@code "Version": "2020-12-01"}): parameters and steps,
 * serialized by Jackson to the exact definition JSON and parsed back.
 *
 * <p>Validated on {@code build()}: step names unique across the pipeline (nested condition
 * branches included) and matching {@code ^[A-Za-z0-9\-_]{1,64}$}; every {@code Get} of
 * {@code Steps.<name>} or {@code Parameters.<name>} and every {@code DependsOn} names an existing
 * step or parameter; no dependency cycle through {@code DependsOn} and {@code Get} references.
 *
 * <pre>{@code
 * PipelineDefinition def = PipelineDefinition.builder()
 *     .addParameters(PipelineParameter.string("TrainingInstanceType", "ml.m5.xlarge"))
 *     .addSteps(preprocess, train, register)
 *     .build();
 * String json = def.toJson();
 * PipelineDefinition back = PipelineDefinition.parse(json);
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class PipelineDefinition extends CheckedValue {
    /** The definition schema version. */
    public static final String VERSION = "2020-12-01";

    /**
     * The schema version.
     *
     * @return the version
     * @defaultValue {@code 2020-12-01}, the only version SageMaker Pipelines accepts
     */
    @Value.Default
    public String getVersion() {
        return VERSION;
    }

    /**
     * The parameters.
     *
     * @return the parameters
     */
    public abstract List<PipelineParameter> getParameters();

    /**
     * The top-level steps (condition steps hold their branches).
     *
     * @return the steps
     */
    public abstract List<PipelineStep> getSteps();

    /**
     * Every step, top-level and nested in condition branches, in definition order.
     *
     * @return the steps
     */
    public List<PipelineStep> allSteps() {
        List<PipelineStep> out = new ArrayList<>();
        flatten(getSteps(), out);
        return out;
    }

    private static void flatten(List<PipelineStep> steps, List<PipelineStep> out) {
        for (PipelineStep s : steps) {
            out.add(s);
            flatten(s.nestedSteps(), out);
        }
    }

    /**
     * The step with a name, nested or not.
     *
     * @param name the step name
     * @return the step, if any
     */
    public Optional<PipelineStep> step(String name) {
        return allSteps().stream().filter(s -> s.getName().equals(name)).findFirst();
    }

    /**
     * The parameter with a name.
     *
     * @param name the parameter name
     * @return the parameter, if any
     */
    public Optional<PipelineParameter> parameter(String name) {
        return getParameters().stream().filter(p -> p.getName().equals(name)).findFirst();
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
     * Builds definitions; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutablePipelineDefinition.Builder {
        /** Use {@link PipelineDefinition#builder()}. */
        Builder() {}
    }

    /**
     * Serializes to SageMaker Pipelines definition JSON (compact).
     *
     * @return the JSON text
     */
    public String toJson() {
        return toJsonTree().toString();
    }

    /**
     * The definition as a Jackson tree.
     *
     * @return the tree
     */
    public ObjectNode toJsonTree() {
        return PipelineJson.tree(this);
    }

    /**
     * Parses definition JSON into the typed model (and validates it).
     *
     * @param json the JSON text
     * @return the definition
     * @throws io.github.mlinfra.InvalidArgsException when the text is not a valid definition
     */
    public static PipelineDefinition parse(String json) {
        return PipelineJson.read(json);
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Override
    protected void check() {
        if (!VERSION.equals(getVersion())) {
            Check.fail("PipelineDefinition.version", "unknown definition version", getVersion(), "\"" + VERSION + "\"");
        }
        Set<String> params = new LinkedHashSet<>();
        for (PipelineParameter p : getParameters()) {
            if (!params.add(p.getName())) {
                Check.fail("PipelineDefinition.parameters", "duplicate parameter name", p.getName(), "unique parameter names");
            }
        }
        List<PipelineStep> all = allSteps();
        if (getSteps().isEmpty()) {
            Check.fail("PipelineDefinition.steps", "a pipeline needs at least one step", List.of(), "one or more steps");
        }
        Set<String> names = new LinkedHashSet<>();
        for (PipelineStep s : all) {
            if (!names.add(s.getName())) {
                Check.fail("PipelineDefinition.steps", "duplicate step name", s.getName(), "unique step names");
            }
        }
        // edges: step -> the steps it runs after
        Map<String, Set<String>> after = new LinkedHashMap<>();
        for (PipelineStep s : all) {
            Set<String> deps = after.computeIfAbsent(s.getName(), k -> new LinkedHashSet<>());
            for (String d : s.getDependsOn()) {
                if (!names.contains(d)) {
                    Check.fail("PipelineDefinition.steps[" + s.getName() + "].dependsOn", "depends on a step that does not exist",
                            d, "one of " + Check.show(List.copyOf(names)));
                }
                deps.add(d);
            }
            for (String ref : s.references()) {
                if (ref.startsWith("Steps.")) {
                    String target = ref.substring(6).split("[.\\[]", 2)[0];
                    if (!names.contains(target)) {
                        Check.fail("PipelineDefinition.steps[" + s.getName() + "]", "refers to a step that does not exist",
                                ref, "a Get of one of " + Check.show(List.copyOf(names)));
                    }
                    deps.add(target);
                } else if (ref.startsWith("Parameters.")) {
                    String target = ref.substring(11);
                    if (!params.contains(target)) {
                        Check.fail("PipelineDefinition.steps[" + s.getName() + "]", "refers to a parameter that does not exist",
                                ref, "a Get of one of " + Check.show(List.copyOf(params)));
                    }
                } else if (!ref.startsWith("Execution.")) {
                    Check.fail("PipelineDefinition.steps[" + s.getName() + "]", "unknown reference", ref,
                            "\"Steps.<step>…\", \"Parameters.<name>\" or \"Execution.<variable>\"");
                }
            }
            List<PipelineStep> nested = new ArrayList<>();
            flatten(s.nestedSteps(), nested);
            nested.forEach(n -> after.computeIfAbsent(n.getName(), k -> new LinkedHashSet<>()).add(s.getName()));
        }
        findCycle(after).ifPresent(cycle -> Check.fail("PipelineDefinition.steps", "dependency cycle", String.join(" -> ", cycle),
                "steps without cycles through DependsOn and Get references"));
    }

    private static Optional<List<String>> findCycle(Map<String, Set<String>> after) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : after.keySet()) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> c = visit(start, after, state, path, new HashSet<>());
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(String node, Map<String, Set<String>> after, Map<String, Integer> state,
                                                List<String> path, Set<String> onPath) {
        if (state.getOrDefault(node, 0) == 2) {
            return Optional.empty();
        }
        if (onPath.contains(node)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return Optional.of(cycle);
        }
        path.add(node);
        onPath.add(node);
        for (String next : after.getOrDefault(node, Set.of())) {
            Optional<List<String>> c = visit(next, after, state, path, onPath);
            if (c.isPresent()) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        onPath.remove(node);
        state.put(node, 2);
        return Optional.empty();
    }
}
