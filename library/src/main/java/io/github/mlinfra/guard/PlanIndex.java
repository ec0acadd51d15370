package io.github.mlinfra.guard;

import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A plan with the lookups rules need: resources by type, and joins by the ids and ARNs the plan
 * resolved (a bucket policy whose {@code bucket} input is a bucket's {@code id} or name belongs to
 * that bucket).
 */
public final class PlanIndex {
    /** How a secret value prints in a plan. */
    public static final String SECRET = "[secret]";
    /** How a value unknown at plan time prints in a plan. */
    public static final String UNKNOWN = "[unknown]";

    private final Plan plan;
    /** Resources referring to others, by "type \0 input key", then by the value of that input. */
    private final Map<String, Map<String, List<PlannedResource>>> referrers = new java.util.HashMap<>();
    private final Set<String> trustedAccounts;
    private Optional<String> stackAccount;

    private PlanIndex(Plan plan, Set<String> trustedAccounts) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.trustedAccounts = Set.copyOf(trustedAccounts);
    }

    /**
     * Indexes a plan, trusting no account besides the stack's own.
     *
     * @param plan the plan
     * @return the index
     */
    public static PlanIndex of(Plan plan) {
        return new PlanIndex(plan, Set.of());
    }

    /**
     * Indexes a plan, with the accounts the resource-policy rules trust.
     *
     * @param plan the plan
     * @param trustedAccounts 12-digit account ids trusted besides the stack's own
     * @return the index
     */
    public static PlanIndex of(Plan plan, Set<String> trustedAccounts) {
        return new PlanIndex(plan, trustedAccounts);
    }

    /**
     * The stack's AWS account: the account most of the plan's ARNs ({@code arn} inputs and
     * outputs) name. Our own plans answer the caller identity, so every ARN names it; a foreign
     * export carries the real ARNs.
     *
     * @return the account id, if some ARN names one
     */
    public Optional<String> stackAccount() {
        if (stackAccount == null) {
            Map<String, Integer> counts = new java.util.HashMap<>();
            for (PlannedResource r : plan.getResources()) {
                accountOf(r).ifPresent(a -> counts.merge(a, 1, Integer::sum));
            }
            stackAccount = counts.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey);
        }
        return stackAccount;
    }

    /**
     * The account a resource's own ARN ({@code arn} output, else input) names.
     *
     * @param r the resource
     * @return the 12-digit account, if the ARN has one
     */
    public static Optional<String> accountOf(PlannedResource r) {
        Optional<String> arn = text(r.getOutputs().get("arn")).or(() -> text(r.getInputs().get("arn")));
        if (arn.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = arn.get().split(":", 6);
        return parts.length >= 5 && parts[4].matches("\\d{12}") ? Optional.of(parts[4]) : Optional.empty();
    }

    /**
     * The accounts the resource-policy rules trust besides the stack's own ({@code Guard}'s
     * trusted accounts, the CLI's {@code --trusted-accounts}).
     *
     * @return the account ids
     */
    public Set<String> trustedAccounts() {
        return trustedAccounts;
    }

    /**
     * The plan.
     *
     * @return the plan
     */
    public Plan getPlan() {
        return plan;
    }

    /**
     * The resources of any of the given types, in URN order.
     *
     * @param types type tokens
     * @return the resources
     */
    public List<PlannedResource> ofType(String... types) {
        if (types.length == 1) {
            return plan.resourcesOfType(types[0]);
        }
        Set<String> wanted = new java.util.LinkedHashSet<>(List.of(types));
        List<PlannedResource> out = new ArrayList<>();
        for (String t : wanted) {
            out.addAll(plan.resourcesOfType(t));
        }
        out.sort(java.util.Comparator.comparing(PlannedResource::getUrn));
        return out;
    }

    /**
     * The values other resources may use to refer to a resource: its id, and its
     * {@code name}/{@code bucket}/{@code arn} inputs and outputs.
     *
     * @param r the resource
     * @return the reference values, never {@code "[unknown]"} or {@code "[secret]"}
     */
    public static Set<String> references(PlannedResource r) {
        Set<String> refs = new LinkedHashSet<>();
        r.getId().filter(id -> !id.isEmpty()).ifPresent(refs::add);
        for (String key : List.of("bucket", "name", "arn")) {
            text(r.getInputs().get(key)).ifPresent(refs::add);
            text(r.getOutputs().get(key)).ifPresent(refs::add);
        }
        return refs;
    }

    /**
     * The resources of a type whose input {@code key} refers to {@code target} (by id, name or
     * ARN).
     *
     * @param target the resource referred to
     * @param type the type of the referring resources
     * @param key the referring input, e.g. {@code bucket} or {@code vpcId}
     * @return the referring resources, in URN order
     */
    public List<PlannedResource> referring(PlannedResource target, String type, String key) {
        Map<String, List<PlannedResource>> byValue;
        synchronized (referrers) {
            byValue = referrers.computeIfAbsent(type + "\0" + key, k -> {
                Map<String, List<PlannedResource>> m = new java.util.HashMap<>();
                for (PlannedResource r : plan.resourcesOfType(type)) {
                    text(r.getInputs().get(key)).ifPresent(v -> m.computeIfAbsent(v, x -> new ArrayList<>()).add(r));
                }
                return m;
            });
        }
        Set<String> refs = references(target);
        if (refs.size() == 1) {
            return List.copyOf(byValue.getOrDefault(refs.iterator().next(), List.of()));
        }
        // by identity: a resource's own hashCode walks all its inputs and outputs
        Set<PlannedResource> found = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<PlannedResource> out = new ArrayList<>();
        for (String ref : refs) {
            for (PlannedResource r : byValue.getOrDefault(ref, List.of())) {
                if (found.add(r)) {
                    out.add(r);
                }
            }
        }
        out.sort(java.util.Comparator.comparing(PlannedResource::getUrn));
        return out;
    }

    /**
     * A known, visible string: empty for absent, {@code "[unknown]"} and {@code "[secret]"}.
     *
     * @param value a plan value
     * @return the string, if known
     */
    public static Optional<String> text(Object value) {
        if (value instanceof String s && !isOpaque(s)) {
            return Optional.of(s);
        }
        return Optional.empty();
    }

    /**
     * Whether a plan value cannot be judged: {@code "[unknown]"} or {@code "[secret]"}.
     *
     * @param value a plan value
     * @return true when the value is hidden or unknown
     */
    public static boolean isOpaque(Object value) {
        return SECRET.equals(value) || UNKNOWN.equals(value);
    }

    /**
     * Reads a boolean input, accepting {@code "true"}/{@code "false"} strings as the providers do.
     *
     * @param r the resource
     * @param path the input path
     * @return the value, if present and known
     */
    public static Optional<Boolean> bool(PlannedResource r, String path) {
        Object v = r.input(path).orElse(null);
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(s));
        }
        return Optional.empty();
    }

    /**
     * Whether an input is absent or empty (null, empty string, list or map). Opaque values count
     * as present.
     *
     * @param r the resource
     * @param path the input path
     * @return true when nothing was given
     */
    public static boolean isBlank(PlannedResource r, String path) {
        Object v = r.input(path).orElse(null);
        return v == null || (v instanceof String s && s.isBlank()) || (v instanceof List<?> l && l.isEmpty())
                || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    /**
     * Whether an input is opaque ({@code "[unknown]"} or {@code "[secret]"}).
     *
     * @param r the resource
     * @param path the input path
     * @return true when it cannot be judged
     */
    public static boolean isOpaque(PlannedResource r, String path) {
        return r.input(path).filter(PlanIndex::isOpaque).isPresent();
    }

    /**
     * The list at an input path; empty when absent or not a list.
     *
     * @param r the resource
     * @param path the input path
     * @return the items
     */
    public static List<Object> list(PlannedResource r, String path) {
        return list(r.input(path).orElse(null));
    }

    /**
     * A plan value as a list: a list as is, a single object as a one-item list, else empty.
     *
     * @param v the value
     * @return the items
     */
    public static List<Object> list(Object v) {
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (v instanceof Map<?, ?>) {
            return List.of(v);
        }
        return List.of();
    }

    /**
     * A child value of a plan map.
     *
     * @param v a plan value (a map)
     * @param key the key
     * @return the child, or null
     */
    public static Object get(Object v, String key) {
        return v instanceof Map<?, ?> m ? m.get(key) : null;
    }
}
