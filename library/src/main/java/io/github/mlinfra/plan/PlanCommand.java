package io.github.mlinfra.plan;

import com.pulumi.Context;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@code plan} command: plans programs offline, in one JVM, prints each resource tree and
 * writes {@code DIR/NAME/target/plan.json}.
 *
 * <pre>
 * plan [--dir DIR] [--stack STACK] [--show tree|summary] [--only NAME[,NAME…]]
 *      [--suppress RULE=RESOURCE:REASON]… [--suppressions FILE] NAME=CLASS[,NAME=CLASS…] …
 * </pre>
 *
 * <p>Suppressions: a preflight rule ({@code MLI-PRE-*}) may be wrong for your account, so a user
 * may accept a finding with a reason, as {@code check} allows: {@code --suppress
 * RULE=RESOURCE:REASON} ({@code RESOURCE} a resource name, a URN or {@code *}) or
 * {@code --suppressions FILE} (a JSON array, {@link io.github.mlinfra.guard.Suppression#fromJson(String)}).
 * They apply to the preflight run inside the plan engine and to the guard step of {@code mlinfra
 * plan}; the plan records each as a suppressed finding with its reason.
 *
 * <p>Where plans are written: {@code DIR/NAME/target/plan.json} ({@code mlinfra plan} adds
 * {@code posture.sarif} beside it), {@code DIR} defaulting to the working directory. The
 * examples' build passes {@code --dir examples}, so each scenario's plan lands in its own
 * {@code examples/<scenario>/target/}; a program of your own planned from its project folder as
 * {@code --dir .. NAME=CLASS}, with {@code NAME} the project folder's name, lands in its own
 * {@code target/} the same way. At least one {@code NAME=CLASS} is required (exit 2 without).
 *
 * <p>Each example is planned as project {@code NAME}, stack {@code STACK} (default {@value #DEFAULT_STACK});
 * physical names the components derive (KMS aliases, log groups, notebooks) carry both, so plans of
 * two stacks show the names each would really create.
 *
 * <p>Independent programs are planned in parallel, as many at once as the JVM has processors
 * (system property {@value #JOBS_PROPERTY} sets another number; {@code 1} plans one after the
 * other), each on a thread of its own; trees, summaries and problems are printed in the order the
 * programs were given, so the report is the same whichever plan finishes first.
 *
 * <p>{@code CLASS} has {@code public static void stack(com.pulumi.Context)}. Exit codes: 0 every
 * plan succeeded, 1 a plan failed (one line per problem on stderr), 2 bad input (unknown flag,
 * unknown example, a class without {@code stack(Context)}) with one line and no stack trace.
 */
public final class PlanCommand {
    private PlanCommand() {}

    /** The stack planned when {@code --stack} is not given. */
    public static final String DEFAULT_STACK = "dev";
    /** Pulumi's stack-name characters: letters, digits, {@code - _ .}, at most 100. */
    static final java.util.regex.Pattern STACK_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    /**
     * One example planned.
     *
     * @param name the example's name
     * @param plan its plan
     * @param file the plan file written
     * @param source the program's source file, when it can be found under the examples folder
     * @param suppressions the findings the user accepted ({@code --suppress}, {@code --suppressions})
     */
    public record Planned(String name, Plan plan, Path file, java.util.Optional<Path> source,
                          List<io.github.mlinfra.guard.Suppression> suppressions) {
        /**
         * One example planned, with no user suppressions.
         *
         * @param name the example's name
         * @param plan its plan
         * @param file the plan file written
         * @param source the program's source file
         */
        public Planned(String name, Plan plan, Path file, java.util.Optional<Path> source) {
            this(name, plan, file, source, List.of());
        }
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code plan}
     * @param out where trees and summaries go
     * @param err where problems go
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, p -> List.of()).exitCode;
    }

    /** The result of a run: the exit code and what was planned. */
    public static final class Result {
        /** 0, 1 or 2. */
        public final int exitCode;
        /** The examples planned. */
        public final List<Planned> planned;

        Result(int exitCode, List<Planned> planned) {
            this.exitCode = exitCode;
            this.planned = planned;
        }
    }

    /**
     * Runs the command, letting a caller (the guard) add report lines per example.
     *
     * @param args the arguments after {@code plan}
     * @param out where trees and summaries go
     * @param err where problems go
     * @param afterEach called with each example planned, after its plan file is written (it may
     *                  rewrite the file, e.g. with findings); returns extra lines to print and
     *                  fails the run by returning lines starting with {@code "FAIL "}
     * @return the result
     */
    public static Result run(String[] args, PrintStream out, PrintStream err, Function<Planned, List<String>> afterEach) {
        return run(args, out, err, afterEach, jobs());
    }

    /**
     * How many programs are planned at once: the system property {@value #JOBS_PROPERTY} when it
     * is a positive number, else the processors available to the JVM.
     *
     * @return at least 1
     */
    static int jobs() {
        String v = System.getProperty(JOBS_PROPERTY, "");
        try {
            int n = Integer.parseInt(v.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // not set or not a number: one plan per processor
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** The system property that sets how many programs are planned at once. */
    public static final String JOBS_PROPERTY = "mlinfra.plan.jobs";

    /**
     * Starts planning every program, at most {@code jobs} at once, each on a thread of its own (the
     * SDK keeps a run's deployment in a thread-local; the common pool would give one thread on two
     * cores). The results are read in the given order, so the report keeps that order whichever plan
     * finishes first; a plan holds everything it would print until its turn.
     */
    static Map<String, java.util.concurrent.CompletableFuture<Plan>> inParallel(Map<String, Consumer<Context>> programs,
            Function<String, PlanOptions> options, int jobs) {
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(Math.max(1, jobs));
        Map<String, java.util.concurrent.CompletableFuture<Plan>> plans = new LinkedHashMap<>();
        for (var e : programs.entrySet()) {
            var result = new java.util.concurrent.CompletableFuture<Plan>();
            plans.put(e.getKey(), result);
            Thread t = new Thread(() -> {
                try {
                    slots.acquire();
                } catch (InterruptedException ex) {
                    result.completeExceptionally(new PlanException(List.of("interrupted while planning"), ex));
                    return;
                }
                try {
                    result.complete(PlanEngine.plan(e.getValue(), options.apply(e.getKey())));
                } catch (Throwable ex) {
                    result.completeExceptionally(ex);
                } finally {
                    slots.release();
                }
            }, "mlinfra-plan-" + e.getKey());
            t.setDaemon(true);
            t.start();
        }
        return plans;
    }

    /** A plan's result, its failure rethrown as it was thrown. */
    private static Plan await(java.util.concurrent.CompletableFuture<Plan> plan) {
        try {
            return plan.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new PlanException(List.of("the plan engine failed: " + PlanEngine.describe(e.getCause())), e.getCause());
        }
    }

    /**
     * Runs the command with a given number of plans at once (tests).
     *
     * @param args the arguments after {@code plan}
     * @param out where trees and summaries go
     * @param err where problems go
     * @param afterEach as in {@link #run(String[], PrintStream, PrintStream, Function)}
     * @param jobs how many programs are planned at once
     * @return the result
     */
    static Result run(String[] args, PrintStream out, PrintStream err, Function<Planned, List<String>> afterEach, int jobs) {
        Path dir = Path.of(".");
        String show = "tree";
        String stack = DEFAULT_STACK;
        List<String> only = null;
        Map<String, String> examples = new LinkedHashMap<>();
        List<io.github.mlinfra.guard.Suppression> suppressions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a == null || a.isBlank()) {
                continue;
            }
            if (a.equals("--suppress") || a.equals("--suppressions")) {
                if (i + 1 >= args.length) {
                    err.println("mlinfra: " + a + " needs a value");
                    return new Result(2, List.of());
                }
                String v = args[++i];
                try {
                    if (a.equals("--suppress")) {
                        suppressions.add(suppression(v));
                    } else {
                        suppressions.addAll(io.github.mlinfra.guard.Suppression.fromJson(
                                Files.readString(Path.of(v), StandardCharsets.UTF_8)));
                    }
                } catch (IllegalArgumentException | IOException e) {
                    err.println("mlinfra: " + (a.equals("--suppress") ? "" : "--suppressions " + v + ": ")
                            + (e instanceof IOException ? "cannot read the file (" + e.getMessage() + ")" : e.getMessage()));
                    return new Result(2, List.of());
                }
            } else if (a.equals("--dir") || a.equals("--show") || a.equals("--only") || a.equals("--stack")) {
                if (i + 1 >= args.length) {
                    err.println("mlinfra: " + a + " needs a value");
                    return new Result(2, List.of());
                }
                String v = args[++i];
                if (a.equals("--dir")) {
                    dir = Path.of(v);
                } else if (a.equals("--stack")) {
                    if (!STACK_NAME.matcher(v).matches()) {
                        err.println("mlinfra: --stack takes a Pulumi stack name (1 to 100 letters, digits, - _ .); got '" + v + "'");
                        return new Result(2, List.of());
                    }
                    stack = v;
                } else if (a.equals("--show")) {
                    if (!v.equals("tree") && !v.equals("summary")) {
                        err.println("mlinfra: --show takes tree or summary; got '" + v + "'");
                        return new Result(2, List.of());
                    }
                    show = v;
                } else {
                    only = List.of(v.split(","));
                }
            } else if (a.startsWith("-")) {
                err.println("mlinfra: unknown flag '" + a + "' (plan takes --dir, --stack, --show, --only, --suppress, "
                        + "--suppressions)");
                return new Result(2, List.of());
            } else if (a.contains("=")) {
                for (String pair : a.split(",")) {
                    if (!pair.contains("=")) {
                        err.println("mlinfra: expected NAME=CLASS, got '" + pair + "'");
                        return new Result(2, List.of());
                    }
                    examples.put(pair.substring(0, pair.indexOf('=')).strip(), pair.substring(pair.indexOf('=') + 1).strip());
                }
            } else {
                err.println("mlinfra: expected NAME=CLASS, got '" + a + "'");
                return new Result(2, List.of());
            }
        }
        if (examples.isEmpty()) {
            err.println("mlinfra: plan: missing NAME=CLASS (CLASS has public static void stack(com.pulumi.Context)); usage: "
                    + "mlinfra plan [--dir DIR] [--stack STACK] [--show tree|summary] [--only NAME] "
                    + "[--suppress RULE=RESOURCE:REASON] [--suppressions FILE] NAME=CLASS");
            return new Result(2, List.of());
        }
        if (only != null) {
            for (String name : only) {
                if (!examples.containsKey(name)) {
                    err.println("mlinfra: unknown example '" + name + "' (known: " + String.join(", ", examples.keySet()) + ")");
                    return new Result(2, List.of());
                }
            }
            examples.keySet().retainAll(only);
        }
        final Path base = dir;
        Map<String, Consumer<Context>> programs = new LinkedHashMap<>();
        for (var e : examples.entrySet()) {
            try {
                programs.put(e.getKey(), program(e.getValue()));
            } catch (IllegalArgumentException ex) {
                err.println("mlinfra: example '" + e.getKey() + "': " + ex.getMessage());
                return new Result(2, List.of());
            }
        }
        int exit = 0;
        List<Planned> planned = new ArrayList<>();
        final String stackName = stack;
        Map<String, java.util.concurrent.CompletableFuture<Plan>> plans = inParallel(programs,
                name -> PlanOptions.builder().project(name).stack(stackName).preflightSuppressions(suppressions).build(), jobs);
        for (var e : programs.entrySet()) {
            String name = e.getKey();
            Plan plan;
            try {
                plan = await(plans.get(name));
            } catch (PlanException ex) {
                err.println("mlinfra: example '" + name + "' failed to plan:");
                ex.problems().forEach(p -> err.println("  " + p));
                exit = 1;
                continue;
            }
            Path file = dir.resolve(name).resolve("target").resolve("plan.json");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, plan.toJson(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                err.println("mlinfra: cannot write " + file + ": " + ex.getMessage());
                return new Result(2, planned);
            }
            Path src = base.resolve(name).resolve("src/main/java").resolve(examples.get(name).replace('.', '/') + ".java");
            Planned p = new Planned(name, plan, file, Files.isRegularFile(src) ? java.util.Optional.of(src) : java.util.Optional.empty(),
                    List.copyOf(suppressions));
            planned.add(p);
            List<String> extra = afterEach.apply(p);
            out.println("== " + name + " (" + plan.getResources().size() + " resources) -> " + file.toAbsolutePath().normalize());
            if (show.equals("tree")) {
                out.print(plan.renderTree());
            }
            for (String line : extra) {
                if (line.startsWith("FAIL ")) {
                    exit = 1;
                    err.println("mlinfra: example '" + name + "': " + line.substring(5));
                } else {
                    out.println(line);
                }
            }
            out.println();
        }
        return new Result(exit, planned);
    }

    /**
     * Parses a {@code --suppress RULE=RESOURCE:REASON} value; for a URN resource the reason follows
     * the first {@code ':'} after its last {@code "::"}.
     *
     * @param spec the value
     * @return the suppression
     * @throws IllegalArgumentException with a one-line message when the value is malformed or the
     *     reason is missing
     */
    public static io.github.mlinfra.guard.Suppression suppression(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--suppress: expected RULE=RESOURCE:REASON; got '" + spec + "'");
        }
        String rule = spec.substring(0, eq);
        String rest = spec.substring(eq + 1);
        int from = rest.startsWith("urn:") ? Math.max(rest.lastIndexOf("::") + 2, 0) : 0;
        int colon = rest.indexOf(':', from);
        if (colon <= 0 || colon == rest.length() - 1) {
            throw new IllegalArgumentException("--suppress: expected RULE=RESOURCE:REASON with a reason; got '" + spec + "'");
        }
        try {
            return io.github.mlinfra.guard.Suppression.of(rule, rest.substring(0, colon), rest.substring(colon + 1).strip());
        } catch (io.github.mlinfra.InvalidArgsException e) {
            throw new IllegalArgumentException("--suppress: " + e.getMessage());
        }
    }

    /**
     * Finds {@code public static void stack(Context)} on a class.
     *
     * @param className the class
     * @return the program
     * @throws IllegalArgumentException when the class or method is missing
     */
    static Consumer<Context> program(String className) {
        Class<?> c;
        try {
            c = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("class " + className + " not found on the classpath");
        }
        Method m;
        try {
            m = c.getMethod("stack", Context.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(className + " has no public static void stack(com.pulumi.Context)");
        }
        if (!Modifier.isStatic(m.getModifiers())) {
            throw new IllegalArgumentException(className + ".stack(Context) is not static");
        }
        return ctx -> {
            try {
                m.invoke(null, ctx);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
