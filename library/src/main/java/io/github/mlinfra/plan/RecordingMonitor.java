package io.github.mlinfra.plan;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The SDK's mock monitor, recording each full registration request (parent, protect, dependencies,
 * inputs with their secretness and unknowns) and the engine's answer, which {@code Mocks.ResourceArgs} alone
 * does not carry.
 */
final class RecordingMonitor extends MockMonitor {
    /**
     * One registration, request and answer: only what the plan needs, read once from the request
     * (the SDK's resource object and the request itself are not kept).
     */
    static final class Registration {
        final String type;
        final String name;
        final String parentUrn;
        final boolean custom;
        final boolean protect;
        final List<String> ignoreChanges;
        final List<String> dependencies;
        final Map<String, Object> inputs;
        /** The program's frame that registered it, when the registration ran on the constructor's thread. */
        final String origin;
        /** The paths of inputs that could not be resolved; empty (shared) when there are none. */
        final List<String> unknownInputs;
        /** The plain values of secret inputs, by path: for the guard only, never written. */
        final Map<String, Object> secretInputs;
        volatile String urn;
        volatile String id;
        volatile Map<String, Object> state = Map.of();

        Registration(Resource resource, RegisterResourceRequest request) {
            this.type = request.getType();
            this.name = request.getName();
            this.parentUrn = request.getParent().isEmpty() ? null : Plan.realUrn(request.getParent());
            this.custom = request.getCustom();
            this.protect = request.getProtect();
            this.ignoreChanges = List.copyOf(request.getIgnoreChangesList());
            this.dependencies = request.getDependenciesList().stream().map(Plan::realUrn).distinct().sorted().toList();
            List<String> unknown = new ArrayList<>(0);
            Map<String, Object> secrets = new java.util.HashMap<>(0);
            this.inputs = PlanValues.fromStruct(request.getObject(), "", unknown::add, secrets::put);
            this.unknownInputs = unknown.isEmpty() ? List.of() : List.copyOf(unknown);
            this.secretInputs = secrets.isEmpty() ? Map.of() : Collections.unmodifiableMap(secrets);
            this.origin = origin(resource);
        }

        /**
         * The first stack frame outside the SDK, the JDK, this package and the resource's own
         * constructors: where the program made the resource. Best effort: null when the SDK completes
         * the registration on another thread, whose stack holds no frame of the program. Its cost
         * (one stack capture per registration) is measured in docs/PERFORMANCE.md: kept, as it names
         * where a duplicate URN was made.
         */
        private static String origin(Resource resource) {
            Set<String> own = new java.util.HashSet<>();
            for (Class<?> k = resource == null ? null : resource.getClass(); k != null; k = k.getSuperclass()) {
                own.add(k.getName());
            }
            for (StackTraceElement f : new Throwable().getStackTrace()) {
                String c = f.getClassName();
                if (!(f.getMethodName().equals("<init>") && own.contains(c)) && !c.startsWith("com.pulumi.") && !c.startsWith("java.") && !c.startsWith("jdk.")
                        && !c.startsWith("sun.") && !c.startsWith("pulumirpc.") && !c.startsWith(RecordingMonitor.class.getName())
                        && !c.startsWith(PlanEngine.class.getName())) {
                    return f.getFileName() == null ? c : f.getFileName() + ":" + f.getLineNumber();
                }
            }
            return null;
        }
    }

    final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final Set<Registration> pending = ConcurrentHashMap.newKeySet();
    /** The first registration of each real-engine URN, to refuse a second one as the real engine does. */
    private final Map<String, Registration> byUrn = new ConcurrentHashMap<>();

    RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    /** What each component registered as its outputs ({@code registerOutputs}), by real-engine URN. */
    final Map<String, Map<String, Object>> componentOutputs = new ConcurrentHashMap<>();

    /** Drops what the recording holds, once the plan is assembled (the SDK may keep the monitor reachable). */
    void release() {
        registrations.clear();
        pending.clear();
        byUrn.clear();
        componentOutputs.clear();
    }

    @Override
    public CompletableFuture<Void> registerResourceOutputsAsync(RegisterResourceOutputsRequest request) {
        componentOutputs.put(Plan.realUrn(request.getUrn()), PlanValues.fromStruct(request.getOutputs(), "", p -> { }));
        return super.registerResourceOutputsAsync(request);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                           RegisterResourceRequest request) {
        Registration reg = new Registration(resource, request);
        registrations.add(reg);
        pending.add(reg);
        CompletableFuture<RegisterResourceResponse> answer;
        try {
            answer = super.registerResourceAsync(resource, request);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((resp, err) -> {
            pending.remove(reg);
            if (err != null) {
                Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                        ? err.getCause() : err;
                String line = "resource " + reg.type + " '" + reg.name + "'"
                        + (reg.parentUrn == null ? "" : " (in " + Plan.nameOf(reg.parentUrn) + " " + typeOf(reg.parentUrn) + ")")
                        + " failed: " + cause.getMessage();
                failures.add(line);
                throw new java.util.concurrent.CompletionException(new IllegalStateException(line, cause));
            }
            reg.urn = Plan.realUrn(resp.getUrn());
            Registration first = byUrn.putIfAbsent(reg.urn, reg);
            if (first != null) {
                // the real engine refuses a second registration of one URN ("Duplicate resource URN")
                String line = "duplicate resource URN '" + reg.urn + "': registered twice, first as " + describe(first)
                        + ", again as " + describe(reg) + " (the real engine refuses this; give one of them another name)";
                failures.add(line);
                throw new java.util.concurrent.CompletionException(new IllegalStateException(line));
            }
            reg.id = resp.getId().isEmpty() ? null : resp.getId();
            reg.state = PlanValues.fromStruct(resp.getObject(), "", p -> { });
            return resp;
        });
    }

    /** A registration named by type, name and, when it has one, its parent component. */
    private static String describe(Registration r) {
        boolean top = r.parentUrn == null || typeOf(r.parentUrn).equals("pulumi:pulumi:Stack");
        return r.type + " '" + r.name + "'"
                + (top ? " (top level" : " (in " + typeOf(r.parentUrn) + " '" + Plan.nameOf(r.parentUrn) + "'")
                + (r.origin == null ? "" : ", at " + r.origin) + ")";
    }

    static String typeOf(String urn) {
        int end = urn.lastIndexOf("::");
        int start = urn.lastIndexOf("::", end - 1);
        String chain = urn.substring(start + 2, end);
        int d = chain.lastIndexOf('$');
        return d < 0 ? chain : chain.substring(d + 1);
    }
}
