package io.github.mlinfra.cli;

import io.github.mlinfra.controls.Severity;
import io.github.mlinfra.guard.Guard;
import io.github.mlinfra.guard.PlanReaders;
import io.github.mlinfra.guard.PostureReport;
import io.github.mlinfra.guard.Reports;
import io.github.mlinfra.guard.RulePack;
import io.github.mlinfra.guard.Suppression;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanCommand;
import io.github.mlinfra.plan.PlanFormatException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code mlinfra} command line.
 *
 * <pre>{@code
 * mlinfra check FILE [--format table|json|sarif] [--pack mlinfra|fsbp|cdk-nag-aws-solutions]
 *                    [--min-severity LOW|MEDIUM|HIGH|CRITICAL|ERROR] [--color]
 *                    [--suppress RULE=RESOURCE:REASON]... [--suppressions FILE]
 *                    [--trust-policy-limit N] [--sg-rules-limit N]
 * }</pre>
 *
 * <p>Every pack includes the preflight rules ({@code MLI-PRE-*}: what AWS or the provider would
 * refuse); their findings are {@code ERROR}s, which fail whatever {@code --min-severity} says.
 * {@code --suppress} accepts a finding with a reason (the rule may be wrong): {@code RESOURCE} is a
 * logical name, a URN or {@code *}; the reason follows the first {@code :} after the name (for a
 * URN, after its last {@code ::}). {@code --suppressions FILE} reads a JSON array of
 * {@code {"rule": …, "resource": …, "type": … (optional), "reason": …}}. The two adjustable quotas
 * the preflight rules read default to AWS's defaults and take the account's values.
 *
 * <p>{@code check} reads an mlinfra plan, a {@code pulumi stack export} (deployment versions 1 to
 * 3), a file-backend state file or a {@code pulumi preview --json} document and prints the posture
 * report. Exit status:
 * <ul>
 *   <li>{@value #OK}: no unsuppressed finding at or above the minimum severity;</li>
 *   <li>{@value #FINDINGS}: unsuppressed findings at or above it;</li>
 *   <li>{@value #USAGE}: unusable input ({@link PlanFormatException}: not JSON, not one of the
 *       shapes read, a file that cannot be read) or a usage error: one line on stderr,
 *       {@code mlinfra: <message>};</li>
 *   <li>{@value #INTERNAL}: anything else, which is a bug in mlinfra: one line on stderr asking
 *       for a bug report, the stack trace only with {@code --debug}.</li>
 * </ul>
 * {@code --debug}, anywhere on the command line, prints the stack trace of an internal error.
 */
public final class Main {
    /** Exit status: no unsuppressed finding at or above the threshold. */
    public static final int OK = 0;
    /** Exit status: unsuppressed findings at or above the threshold. */
    public static final int FINDINGS = 1;
    /** Exit status: unusable input or usage. */
    public static final int USAGE = 2;
    /** Exit status: an internal error (a bug in mlinfra, never the input's fault). */
    public static final int INTERNAL = 3;
    /** Where the internal-error message asks users to report the bug. */
    public static final String ISSUES_URI = Reports.TOOL_URI + "/issues";
    /** The subcommands: {@code check} (the guard) and {@code plan} ({@link io.github.mlinfra.plan.PlanCommand}). */
    public static final List<String> SUBCOMMANDS = List.of("check", "plan");
    /** The report formats of {@code check}. */
    public static final List<String> FORMATS = List.of("table", "json", "sarif");

    private Main() {}

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != OK) {
            // only on failure: under `mvn exec:java` a System.exit would end Maven's own JVM
            System.exit(status);
        }
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     * @param out receives the report
     * @param err receives one line per error
     * @return the exit status ({@link #OK}, {@link #FINDINGS}, {@link #USAGE} or {@link #INTERNAL})
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        if (debug) {
            args = Arrays.stream(args).filter(a -> !"--debug".equals(a)).toArray(String[]::new);
        }
        try {
            if (args.length == 0) {
                throw new UsageException("missing subcommand; expected one of " + String.join(", ", SUBCOMMANDS)
                        + " (usage: mlinfra check FILE [--format table|json|sarif] [--pack NAME] [--min-severity LEVEL])");
            }
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            switch (args[0]) {
                case "check":
                    return check(rest, out);
                case "plan":
                    return PlanCommand.run(rest, out, err, p -> posture(p, ansi(out))).exitCode;
                default:
                    throw new UsageException("unknown subcommand '" + args[0] + "'; expected one of "
                            + String.join(", ", SUBCOMMANDS));
            }
        } catch (UsageException | PlanFormatException e) {
            err.println("mlinfra: " + oneLine(e.getMessage()));
            return USAGE;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            err.println("mlinfra: internal error (" + e.getClass().getName()
                    + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()))
                    + "); this is a bug in mlinfra, please report it at " + ISSUES_URI
                    + " with the command you ran" + (debug ? "" : " (--debug prints the stack trace)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return INTERNAL;
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static int check(String[] args, PrintStream out) {
        String file = null;
        String format = "table";
        String pack = RulePack.MLINFRA.packName();
        Severity min = Severity.LOW;
        boolean color = false;
        List<Suppression> suppressions = new java.util.ArrayList<>();
        Guard.Builder guard = Guard.builder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--format":
                    format = value(args, ++i, a);
                    if (!FORMATS.contains(format)) {
                        throw new UsageException("--format: unknown format '" + format + "'; expected one of "
                                + String.join(", ", FORMATS));
                    }
                    break;
                case "--pack":
                    pack = value(args, ++i, a);
                    try {
                        RulePack.byName(pack);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                    break;
                case "--min-severity":
                    String s = value(args, ++i, a);
                    try {
                        min = Severity.valueOf(s.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--min-severity: unknown severity '" + s + "'; expected one of "
                                + Arrays.stream(Severity.values()).map(Enum::name).collect(Collectors.joining(", ")));
                    }
                    break;
                case "--color":
                    color = true;
                    break;
                case "--suppress":
                    suppressions.add(suppression(value(args, ++i, a)));
                    break;
                case "--suppressions":
                    suppressions.addAll(suppressions(value(args, ++i, a)));
                    break;
                case "--trust-policy-limit":
                    guard.trustPolicyLimit(positive(value(args, ++i, a), a));
                    break;
                case "--sg-rules-limit":
                    guard.sgRulesLimit(positive(value(args, ++i, a), a));
                    break;
                default:
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option '" + a + "'; expected --format, --pack, --min-severity, --color, "
                                + "--suppress, --suppressions, --trust-policy-limit or --sg-rules-limit");
                    }
                    if (file != null) {
                        throw new UsageException("check takes one FILE; got '" + file + "' and '" + a + "'");
                    }
                    file = a;
            }
        }
        if (file == null) {
            throw new UsageException("check: missing FILE (a plan, `pulumi stack export` or `pulumi preview --json` document)");
        }
        Plan plan = PlanReaders.read(readFile(file));
        PostureReport report = guard.pack(pack).minSeverity(min).addAllSuppressions(suppressions).build().check(plan);
        switch (format) {
            case "json":
                out.print(Reports.json(report));
                break;
            case "sarif":
                out.print(Reports.sarif(report, Path.of(file).getFileName().toString()));
                break;
            default:
                out.print(Reports.table(report, color));
        }
        return report.failsAt(min) ? FINDINGS : OK;
    }

    /** {@code RULE=RESOURCE:REASON}; for a URN resource the reason follows the first ':' after its last "::". */
    static Suppression suppression(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--suppress: expected RULE=RESOURCE:REASON; got '" + spec + "'");
        }
        String rule = spec.substring(0, eq);
        String rest = spec.substring(eq + 1);
        int from = rest.startsWith("urn:") ? Math.max(rest.lastIndexOf("::") + 2, 0) : 0;
        int colon = rest.indexOf(':', from);
        if (colon <= 0 || colon == rest.length() - 1) {
            throw new UsageException("--suppress: expected RULE=RESOURCE:REASON with a reason; got '" + spec + "'");
        }
        return suppression(rule, rest.substring(0, colon), null, rest.substring(colon + 1).strip(), "--suppress");
    }

    private static Suppression suppression(String rule, String resource, String type, String reason, String where) {
        try {
            Suppression s = Suppression.of(rule, resource, reason);
            return type == null ? s : Suppression.builder().from(s).type(type).build();
        } catch (io.github.mlinfra.InvalidArgsException e) {
            throw new UsageException(where + ": " + e.getMessage());
        }
    }

    private static List<Suppression> suppressions(String file) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(readFile(file));
        } catch (IOException e) {
            throw new UsageException("--suppressions: '" + file + "' is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new UsageException("--suppressions: '" + file + "' must hold a JSON array of "
                    + "{\"rule\", \"resource\", \"type\" (optional), \"reason\"}");
        }
        List<Suppression> out = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode n : root) {
            if (!n.path("rule").isTextual() || !n.path("resource").isTextual() || !n.path("reason").isTextual()) {
                throw new UsageException("--suppressions: each entry needs the strings rule, resource and reason; got " + n);
            }
            out.add(suppression(n.get("rule").asText(), n.get("resource").asText(),
                    n.path("type").isTextual() ? n.get("type").asText() : null, n.get("reason").asText(), "--suppressions"));
        }
        return out;
    }

    private static int positive(String v, String option) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + ": expected a positive whole number; got '" + v + "'");
    }

    private static String readFile(String file) {
        Path p = Path.of(file);
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read '" + file + "': no such file");
        } catch (MalformedInputException e) {
            throw new UsageException("cannot read '" + file + "': not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("cannot read '" + file + "': " + (Files.isDirectory(p) ? "is a directory" : e.getMessage()));
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + ": missing value");
        }
        return args[i];
    }

    /**
     * The plan command's guard step for one example: checks the plan with the default guard,
     * rewrites {@code plan.json} with the findings, writes {@code posture.sarif} beside it, and
     * returns the table and summary (and a failure line when a finding is open).
     */
    static List<String> posture(PlanCommand.Planned planned, boolean ansi) {
        PostureReport report = Guard.defaults().check(planned.plan());
        Path dir = planned.file().getParent();
        Path root = dir.toAbsolutePath().normalize().getParent().getParent().getParent();
        String artifact = planned.source()
                .map(src -> root.relativize(src.toAbsolutePath().normalize()).toString())
                .orElse(root.relativize(planned.file().toAbsolutePath().normalize()).toString());
        try {
            Files.writeString(planned.file(), Reports.json(report), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("posture.sarif"), Reports.sarif(report, artifact), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of("FAIL cannot write the posture report: " + e.getMessage());
        }
        List<String> lines = new java.util.ArrayList<>(List.of(Reports.table(report, ansi).split("\n")));
        if (!report.openFindings().isEmpty()) {
            lines.add("FAIL " + report.openFindings().size() + " unsuppressed finding(s): "
                    + report.openFindings().stream().map(f -> f.getRule() + " " + f.getResourceName())
                    .collect(Collectors.joining(", ")));
        }
        return lines;
    }

    private static boolean ansi(PrintStream out) {
        return out == System.out && System.console() != null && System.getenv("NO_COLOR") == null;
    }

    /** A usage error or a file that cannot be read: printed as one line, exit status {@link #USAGE}. */
    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
