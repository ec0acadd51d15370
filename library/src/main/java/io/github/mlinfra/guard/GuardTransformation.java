package io.github.mlinfra.guard;

import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.resources.InputArgs;
import com.pulumi.resources.ResourceTransformation;
import io.github.mlinfra.internal.RecordedWaivers;
import io.github.mlinfra.plan.PlannedResource;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The live-run gate of {@link Guard#transformation()} and {@link Guard.LiveGate#transformation()}:
 * turns a resource's arguments into plan inputs (values not yet known become {@code "[unknown]"},
 * secrets {@code "[secret]"}) and runs the guard's {@link ResourceRule}s on them. The guard itself
 * holds no state of a run: what one run registered is kept here only when the transformation
 * belongs to a {@link Guard.LiveGate} (one per run), for the rules that join resources.
 */
final class GuardTransformation implements ResourceTransformation {
    private final Guard guard;
    /** What this run registered, for the rules that join resources; null when not recording. */
    private final List<Registered> registered;

    /** One registration: the resource and its arguments. */
    static final class Registered {
        final com.pulumi.resources.Resource resource;
        final com.pulumi.resources.ResourceArgs args;
        final boolean protect;

        Registered(com.pulumi.resources.Resource resource, com.pulumi.resources.ResourceArgs args, boolean protect) {
            this.resource = resource;
            this.args = args;
            this.protect = protect;
        }
    }

    void reset() {
        if (registered != null) {
            registered.clear();
        }
    }

    List<Registered> registered() {
        if (registered == null) {
            return List.of();
        }
        synchronized (registered) {
            return List.copyOf(registered);
        }
    }

    /**
     * A transformation of a guard.
     *
     * @param guard the guard whose rules it runs
     * @param recording whether it keeps what it sees, for one run's joined check
     */
    GuardTransformation(Guard guard, boolean recording) {
        this.guard = guard;
        this.registered = recording ? java.util.Collections.synchronizedList(new ArrayList<>()) : null;
    }

    @Override
    public Optional<Result> apply(Args args) {
        String type = args.resource().pulumiResourceType();
        String name = args.resource().pulumiResourceName();
        boolean protect = args.options() != null && args.options().isProtect();
        if (registered != null && args.args() != null && args.resource() instanceof com.pulumi.resources.CustomResource) {
            registered.add(new Registered(args.resource(), args.args(), protect));
        }
        List<ResourceRule> applicable = new ArrayList<>();
        for (Rule r : guard.rules()) {
            if (r instanceof ResourceRule rr && rr.types().contains(type)) {
                applicable.add(rr);
            }
        }
        if (applicable.isEmpty() || args.args() == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> inputs = (Map<String, Object>) toPlain(args.args(), 0);
        // a waiver tag on the resource is read as in a plan or a stack export (RecordedWaivers)
        PlannedResource resource = RecordedWaivers.apply(List.of(PlannedResource.builder()
                .urn("urn:pulumi:live::live::" + type + "::" + name)
                .type(type).name(name).custom(true)
                .protect(protect)
                .inputs(inputs == null ? Map.of() : inputs)
                .build())).get(0);
        for (ResourceRule rule : applicable) {
            for (String problem : rule.check(resource)) {
                if (guard.justification(rule, resource).isEmpty()) {
                    throw new GuardViolationException("resource " + type + " '" + name + "' violates " + rule.id()
                            + " (" + rule.control().title() + "): " + problem);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the rules that join resources over everything registered, once every resource has its
     * id: arguments are read again then, so values that were unknown at registration are known.
     *
     * @param ids the ids of {@link #registered()}, in order
     * @throws GuardViolationException naming the rule and resource of the first open finding
     */
    void checkJoined(List<Registered> regs, List<String> ids) {
        List<PlannedResource> resources = new ArrayList<>();
        for (int i = 0; i < regs.size(); i++) {
            Registered r = regs.get(i);
            @SuppressWarnings("unchecked")
            Map<String, Object> inputs = (Map<String, Object>) toPlain(r.args, 0);
            String type = r.resource.pulumiResourceType();
            String name = r.resource.pulumiResourceName();
            resources.add(PlannedResource.builder()
                    .urn("urn:pulumi:live::live::" + type + "::" + name)
                    .type(type).name(name).custom(true).protect(r.protect)
                    .id(Optional.ofNullable(ids.get(i)).filter(id -> !id.isEmpty()))
                    .inputs(inputs == null ? Map.of() : inputs)
                    .build());
        }
        var plan = io.github.mlinfra.plan.Plan.builder().project("live").stack("live")
                .resources(RecordedWaivers.apply(resources));
        Guard joined = Guard.builder().rules(guard.rules().stream().filter(x -> !(x instanceof ResourceRule))
                .collect(java.util.stream.Collectors.toList())).addAllSuppressions(guard.suppressions())
                .addAllTrustedAccounts(guard.trustedAccounts()).build();
        for (Finding f : joined.check(plan.build()).openFindings()) {
            throw new GuardViolationException("resource " + f.getResourceType() + " '" + f.getResourceName() + "' violates "
                    + f.getRule() + ": " + f.getMessage());
        }
    }

    /** Converts an argument value to a plan value. */
    static Object toPlain(Object value, int depth) {
        if (value == null || depth > 20) {
            return null;
        }
        if (value instanceof Output<?> o) {
            CompletableFuture<? extends OutputData<?>> f = Internal.of(o).getDataAsync();
            if (!f.isDone() || f.isCompletedExceptionally()) {
                return PlanIndex.UNKNOWN;
            }
            OutputData<?> d = f.join();
            if (d.isSecret()) {
                return PlanIndex.SECRET;
            }
            if (!d.isKnown()) {
                return PlanIndex.UNKNOWN;
            }
            return toPlain(d.getValueNullable(), depth + 1);
        }
        if (value instanceof Either<?, ?> e) {
            return toPlain(e.isLeft() ? e.left() : e.right(), depth + 1);
        }
        if (value instanceof Optional<?> opt) {
            return opt.map(v -> toPlain(v, depth + 1)).orElse(null);
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? (Object) n.longValue() : (Object) d;
        }
        if (value instanceof Enum<?> en) {
            try {
                Method m = en.getClass().getMethod("getValue");
                return String.valueOf(m.invoke(en));
            } catch (ReflectiveOperationException ex) {
                return en.name();
            }
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object item : l) {
                out.add(toPlain(item, depth + 1));
            }
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> {
                Object pv = toPlain(v, depth + 1);
                if (pv != null) {
                    out.put(String.valueOf(k), pv);
                }
            });
            return out;
        }
        if (value instanceof InputArgs) {
            Map<String, Object> out = new TreeMap<>();
            for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    Import imp = f.getAnnotation(Import.class);
                    if (imp == null) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        Object pv = toPlain(f.get(value), depth + 1);
                        if (pv != null) {
                            out.putIfAbsent(imp.name(), pv);
                        }
                    } catch (ReflectiveOperationException | RuntimeException ex) {
                        out.putIfAbsent(imp.name(), PlanIndex.UNKNOWN);
                    }
                }
            }
            return out;
        }
        return String.valueOf(value);
    }
}
