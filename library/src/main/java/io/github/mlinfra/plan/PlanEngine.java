package io.github.mlinfra.plan;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.internal.RecordedWaivers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The offline plan engine: runs any Pulumi Java program with no cloud and no Pulumi CLI through
 * the SDK's own mock engine, with AWS-aware answers, and returns the {@link Plan}.
 *
 * <pre>{@code
 * Plan plan = PlanEngine.plan(ctx -> {
 *     var bucket = new SecureCheckpointBucket("ckpt", SecureCheckpointBucketArgs.builder().build());
 *     ctx.export("bucketName", bucket.bucketName());
 * }, PlanOptions.defaults());
 * System.out.print(plan.renderTree());
 * }</pre>
 *
 * <p>The plan fails ({@link PlanException}) when the program throws, a resource registration
 * fails, two resources share one URN (the real engine refuses that too; the message names the URN
 * and where each registration was made), a resource left to auto-naming would get a physical name
 * pulumi-aws 6.83 or AWS refuses ({@link io.github.mlinfra.aws.AutoNames}: too long, or characters
 * outside the service's set), an invoke other than {@code getCallerIdentity}, {@code getPartition}, {@code getRegion},
 * {@code getAvailabilityZones}, {@code getAmi} and {@code getPrefixList} is made, an input stays
 * unresolved (unless {@link PlanOptions#isAllowUnknowns()}), or the program does not finish within
 * {@link PlanOptions#getTimeout()}. Runs are sequential: the SDK keeps per-thread deployment
 * state.
 */
public final class PlanEngine {
    private PlanEngine() {}

    /**
     * Plans a program with default options.
     *
     * @param program the Pulumi program, e.g. {@code App::stack}
     * @return the plan
     * @throws PlanException when the program cannot be planned
     */
    public static Plan plan(Consumer<Context> program) {
        return plan(program, PlanOptions.defaults());
    }

    /**
     * Plans a program.
     *
     * @param program the Pulumi program, e.g. {@code App::stack}
     * @param options the plan options
     * @return the plan
     * @throws PlanException when the program cannot be planned, naming what failed
     */
    public static Plan plan(Consumer<Context> program, PlanOptions options) {
        return plan(program, options, UnaryOperator.identity());
    }

    /**
     * Plans a program with the engine's answers decorated (fault injection in tests).
     *
     * @param program the program
     * @param options the options
     * @param answers decorates the AWS answers
     * @return the plan
     */
    static Plan plan(Consumer<Context> program, PlanOptions options, UnaryOperator<Mocks> answers) {
        AwsAnswers aws = new AwsAnswers(options);
        Mocks mocks = namingFailures(answers.apply(aws), aws.failures);
        Logger logger = Logger.getLogger("io.github.mlinfra.plan.engine");
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.OFF);
        Map<String, String> config = new HashMap<>(options.getConfig());
        config.putIfAbsent("aws:region", options.getRegion());
        AtomicReference<RecordingMonitor> monitor = new AtomicReference<>();
        TestResult result;
        try {
            var test = PulumiTestInternal.builder()
                    .options(TestOptions.builder()
                            .projectName(options.getProject())
                            .stackName(options.getStack())
                            .preview(false)
                            .resourceTransformations(options.getTransformations())
                            .build())
                    .mocks(mocks)
                    .config(config)
                    .standardLogger(logger)
                    .monitorDecorator(m -> {
                        var r = new RecordingMonitor(mocks, PulumiTestInternal.mockLog(logger));
                        monitor.set(r);
                        return r;
                    })
                    .build();
            result = test.runTestAsync(program).get(options.getTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            List<String> waiting = new ArrayList<>();
            if (monitor.get() != null) {
                monitor.get().pending.forEach(r -> waiting.add(r.type + " '" + r.name + "'"));
            }
            throw new PlanException(List.of("the program did not finish within " + options.getTimeout().toSeconds()
                    + " s (an Output that never resolves?)"
                    + (waiting.isEmpty() ? "" : "; still waiting on " + String.join(", ", waiting))), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlanException(List.of("interrupted while planning"), e);
        } catch (ExecutionException e) {
            throw new PlanException(List.of("the plan engine failed: " + describe(e.getCause())), e.getCause());
        } finally {
            PulumiTest.cleanup();
        }
        try {
            return assemble(result, monitor.get(), aws, options);
        } finally {
            // the finished run stays reachable after the SDK returns (a x1000 heap histogram still
            // shows every registration live: docs/PERFORMANCE.md); drop what the recording holds
            if (monitor.get() != null) {
                monitor.get().release();
            }
        }
    }

    /** Invoke failures are reported naming the invoke (the SDK's own message names nothing). */
    private static Mocks namingFailures(Mocks inner, List<String> failures) {
        return new Mocks() {
            @Override
            public java.util.concurrent.CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                return inner.newResourceAsync(args);
            }

            @Override
            public java.util.concurrent.CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                try {
                    return inner.callAsync(args);
                } catch (RuntimeException e) {
                    String line = e.getMessage() != null && e.getMessage().startsWith("invoke '") ? e.getMessage()
                            : "invoke '" + args.token + "' failed: " + e.getMessage();
                    if (!failures.contains(line)) {
                        failures.add(line);
                    }
                    throw new IllegalStateException(line, e);
                }
            }
        };
    }

    private static Plan assemble(TestResult result, RecordingMonitor monitor, AwsAnswers aws, PlanOptions options) {
        Set<String> problems = new LinkedHashSet<>(aws.failures);
        problems.addAll(monitor.failures);
        Throwable first = null;
        for (Exception e : result.exceptions()) {
            if (first == null) {
                first = e;
            }
            problems.add(describe(e));
        }
        if (!problems.isEmpty() || result.exitCode() != 0) {
            if (problems.isEmpty()) {
                problems.add("the program failed (exit code " + result.exitCode() + "): " + String.join("; ", result.errors()));
            }
            throw new PlanException(List.copyOf(problems), first);
        }
        List<String> unknowns = new ArrayList<>();
        var plan = Plan.builder().project(options.getProject()).stack(options.getStack());
        List<PlannedResource> resources = new ArrayList<>();
        for (RecordingMonitor.Registration reg : monitor.registrations) {
            for (String path : reg.unknownInputs) {
                unknowns.add("resource " + reg.type + " '" + reg.name + "': input '" + path
                        + "' could not be resolved offline (it would be \"[unknown]\" in the plan)");
            }
            Map<String, Object> outputs = new TreeMap<>();
            if (!reg.custom && reg.urn != null) {
                // a component's outputs are what it registered (the state `pulumi stack export` keeps)
                outputs.putAll(monitor.componentOutputs.getOrDefault(reg.urn, Map.of()));
            }
            reg.state.forEach((k, v) -> {
                if (!reg.inputs.containsKey(k) && !k.equals("tagsAll") && !k.equals("urn") && !k.equals("id")) {
                    outputs.put(k, v);
                }
            });
            resources.add(PlannedResource.builder()
                    .urn(reg.urn)
                    .type(reg.type)
                    .name(reg.name)
                    .id(java.util.Optional.ofNullable(reg.id))
                    .parent(java.util.Optional.ofNullable(reg.parentUrn))
                    .custom(reg.custom)
                    .protect(reg.protect)
                    .ignoreChanges(reg.ignoreChanges)
                    .dependencies(reg.dependencies)
                    .inputs(reg.inputs)
                    .secretInputs(reg.secretInputs)
                    .outputs(outputs)
                    .build());
        }
        if (!unknowns.isEmpty() && !options.isAllowUnknowns()) {
            throw new PlanException(unknowns, null);
        }
        resources.sort(Comparator.comparing(PlannedResource::getUrn));
        // the waivers as the stack records them (component outputs, waiver tags): one reading for
        // our plans and for foreign stack files
        resources = RecordedWaivers.apply(resources);
        if (options.isPreflight()) {
            preflight(resources, options);
        }
        plan.resources(resources);
        Map<String, Object> outputs = new TreeMap<>();
        result.outputs().forEach((k, v) -> outputs.put(k, exported(v)));
        plan.outputs(outputs);
        return plan.build();
    }

    /**
     * Runs the preflight rules on the plan's resources with secrets revealed (never written to
     * the plan) and fails on an unsuppressed finding, naming rule, resource and problem.
     */
    private static void preflight(List<PlannedResource> masked, PlanOptions options) {
        List<PlannedResource> judged = new ArrayList<>();
        for (PlannedResource r : masked) {
            // a copy only where there is a secret to reveal (most resources have none)
            judged.add(r.getSecretInputs().isEmpty() ? r
                    : PlannedResource.builder().from(r).inputs(PlanValues.reveal(r.getInputs(), r.getSecretInputs())).build());
        }
        Plan plan = Plan.builder().project(options.getProject()).stack(options.getStack()).resources(judged).build();
        io.github.mlinfra.guard.PostureReport report = io.github.mlinfra.guard.Guard.builder()
                .pack(io.github.mlinfra.guard.RulePack.PREFLIGHT)
                .addAllSuppressions(options.getPreflightSuppressions())
                .build().check(plan);
        List<String> problems = new ArrayList<>();
        for (io.github.mlinfra.guard.Finding f : report.openFindings()) {
            problems.add("preflight " + f.getRule() + ": resource " + f.getResourceType() + " '" + f.getResourceName()
                    + "': " + f.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new PlanException(problems, null);
        }
    }

    private static Object exported(Output<?> o) {
        OutputData<?> d = PulumiTestInternal.extractOutputData(o);
        if (d.isSecret()) {
            return PlanValues.SECRET;
        }
        if (!d.isKnown()) {
            return PlanValues.UNKNOWN;
        }
        Object v = PlanValues.normalize(d.getValueNullable());
        return v == null ? "" : v;
    }

    /**
     * The clearest line for an exception: the project's own argument error if there is one in the
     * chain, else the deepest cause.
     */
    static String describe(Throwable e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidArgsException || t instanceof PlanException) {
                return t.getMessage();
            }
            if (t.getMessage() != null && t.getMessage().startsWith("resource ")) {
                return t.getMessage();
            }
            deepest = t;
            if (t.getCause() == t) {
                break;
            }
        }
        String msg = deepest.getMessage();
        return msg == null ? deepest.getClass().getSimpleName() : msg;
    }
}
