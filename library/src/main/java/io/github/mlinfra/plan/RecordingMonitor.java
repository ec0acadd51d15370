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
    /** One registration, request and answer. */
    static final class Registration {
        final Resource resource;
        final String type;
        final String name;
        final String parentUrn;
        final boolean custom;
        final boolean protect;
        final List<String> ignoreChanges;
        final List<String> dependencies;
        final Map<String, Object> inputs;
        /** The inputs with secrets revealed, for the preflight rules only: never written to a plan. */
        final Map<String, Object> revealedInputs;
        final List<String> unknownInputs = Collections.synchronizedList(new ArrayList<>());
        volatile String urn;
        volatile String id;
        volatile Map<String, Object> state = Map.of();

        Registration(Resource resource, RegisterResourceRequest request) {
            this.resource = resource;
            this.type = request.getType();
            this.name = request.getName();
            this.parentUrn = request.getParent().isEmpty() ? null : Plan.realUrn(request.getParent());
            this.custom = request.getCustom();
            this.protect = request.getProtect();
            this.ignoreChanges = List.copyOf(request.getIgnoreChangesList());
            this.dependencies = request.getDependenciesList().stream().map(Plan::realUrn).distinct().sorted().toList();
            this.inputs = PlanValues.fromStruct(request.getObject(), "", unknownInputs::add);
            this.revealedInputs = PlanValues.fromStruct(request.getObject(), "", p -> { }, true);
        }
    }

    final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final Set<Registration> pending = ConcurrentHashMap.newKeySet();

    RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    /** What each component registered as its outputs ({@code registerOutputs}), by real-engine URN. */
    final Map<String, Map<String, Object>> componentOutputs = new ConcurrentHashMap<>();

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
            reg.id = resp.getId().isEmpty() ? null : resp.getId();
            reg.state = PlanValues.fromStruct(resp.getObject(), "", p -> { });
            return resp;
        });
    }

    static String typeOf(String urn) {
        int end = urn.lastIndexOf("::");
        int start = urn.lastIndexOf("::", end - 1);
        String chain = urn.substring(start + 2, end);
        int d = chain.lastIndexOf('$');
        return d < 0 ? chain : chain.substring(d + 1);
    }
}
