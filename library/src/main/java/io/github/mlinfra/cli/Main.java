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
 *                    [--min-severity LOW|MEDIUM|HIGH|CRITICAL|ERROR] [--color] [--debug]
 *                    [--suppress RULE=RESOURCE:REASON]... [--suppressions FILE]
 *                    [--trust-policy-limit N] [--sg-rules-limit N]
 *                    [--fail-on-unknown] [--trusted-accounts ID[,ID...]]
 * mlinfra plan [--dir DIR] [--stack STACK] [--show tree|summary] [--only NAME[,NAME...]]
 *              [--suppress RULE=RESOURCE:REASON]... [--suppressions FILE] NAME=CLASS[,NAME=CLASS...]
 * mlinfra --help
 * }</pre>
 *
 * <p>{@code --fail-on-unknown} makes a rule result the guard could not decide (listed as not
 * evaluated) fail the check like a finding; without it such results are reported, never counted
 * as compliant, and do not change the exit status. {@code --trusted-accounts} names the AWS
 * accounts (12 digits) or organizations ({@code o-...}), comma-separated, that resource policies
 * may grant access to without a finding; any other account is external.
 *
 * <p>{@code --suppressions FILE} reads a JSON array of suppressions
 * ({@link io.github.mlinfra.guard.Suppression#fromJson(String)}); an entry's {@code rule} may be a
 * finding key such as {@code MLI-IAM-02[Action::s3:*]}, which suppresses that one finding only. An
 * invalid file or entry (unknown rule, a justification that is not a sentence) is a usage error.
 *
 * <p>{@code --help} (or {@code -h}, or {@code help}) anywhere prints {@link #HELP} and exits
 * {@value #OK}; {@code plan} is described in {@link PlanCommand}.
 *
 * <p>Every pack includes the preflight rules ({@code MLI-PRE-*}: what AWS or the provider would
 * refuse); their findings are {@code ERROR}s, which fail whatever {@code --min-severity} says.
 * {@code --suppress} accepts a finding with a reason (the rule may be wrong): {@code RESOURCE} is a
 * logical name, a URN or {@code *}; the reason follows the first {@code :} after the name (for a
 * URN, after its last {@code ::}). The two adjustable quotas the preflight rules read default to
 * AWS's defaults and take the account's values.
 *
 * <p>{@code check} reads an mlinfra plan, a {@code pulumi stack export} (deployment versions 1 to
 * 3), a file-backend state file or a {@code pulumi preview --json} document and prints the posture
 * report. Exit status:
 * <ul>
 *   <li>{@value #OK}: no unsuppressed finding at or above the minimum severity;</li>
 *   <li>{@value #FINDINGS}: unsuppressed findings at or above it (or, with
 *       {@code --fail-on-unknown}, results that were not evaluated);</li>
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

    /** What {@code mlinfra --help} prints (exit status {@value #OK}). */
    public static final String HELP = String.join(System.lineSeparator(),
            "usage: mlinfra check FILE [--format table|json|sarif] [--pack NAME] [--min-severity LEVEL] [--color]",
            "                          [--suppress RULE=RESOURCE:REASON]... [--suppressions FILE]",
            "                          [--fail-on-unknown] [--trusted-accounts ID[,ID...]]",
            "       mlinfra plan [--dir DIR] [--stack STACK] [--show tree|summary] [--only NAME[,NAME...]]",
            "                    [--suppress RULE=RESOURCE:REASON]... [--suppressions FILE] NAME=CLASS[,NAME=CLASS...]",
            "       mlinfra --help",
            "",
            "check  reads an mlinfra plan, a `pulumi stack export` or `pulumi preview --json` document and prints",
            "       its posture report; exit 0 clean, 1 findings (or, with --fail-on-unknown, results not",
            "       evaluated), 2 unusable input or usage, 3 internal error. --trusted-accounts: accounts or",
            "       organizations resource policies may grant to; --suppressions: a JSON array of suppressions.",
            "plan   plans each CLASS offline (no cloud, no Pulumi CLI): CLASS has",
            "       `public static void stack(com.pulumi.Context)` and is on the classpath. Project NAME, stack",
            "       STACK (default dev). Writes DIR/NAME/target/plan.json and posture.sarif (DIR defaults to the",
            "       working directory); exit 0 planned and clean, 1 a plan failed or has findings, 2 usage.",
            "       --suppress/--suppressions accept a finding (a preflight rule may be wrong) with a reason.",
            "--debug, anywhere, prints the stack trace of an internal error.",
            "");

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
                        + " (mlinfra --help prints the usage)");
            }
            if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h") || args[0].equals("help")) {
                out.print(HELP);
                return OK;
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
        boolean failOnUnknown = false;
        List<String> trusted = new java.util.ArrayList<>();
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
                case "--fail-on-unknown":
                    failOnUnknown = true;
                    break;
                case "--trusted-accounts":
                    for (String id : value(args, ++i, a).split(",")) {
                        if (!Guard.TRUSTED_ID.matcher(id.strip()).matches()) {
                            throw new UsageException("--trusted-accounts: not an AWS account or organization id '"
                                    + id.strip() + "'; expected 12 digits or o-..., comma-separated");
                        }
                        trusted.add(id.strip());
                    }
                    break;
                case "--suppressions":
                    String sf = value(args, ++i, a);
                    try {
                        suppressions.addAll(Suppression.fromJson(readFile(sf)));
                    } catch (io.github.mlinfra.InvalidArgsException e) {
                        throw new UsageException("--suppressions " + sf + ": " + e.getMessage());
                    }
                    break;
                case "--suppress":
                    suppressions.add(suppression(value(args, ++i, a)));
                    break;
                case "--trust-policy-limit":
                    guard.trustPolicyLimit(positive(value(args, ++i, a), a));
                    break;
                case "--sg-rules-limit":
                    guard.sgRulesLimit(positive(value(args, ++i, a), a));
                    break;
                default:
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option '" + a + "'; expected --format, --pack, --min-severity, "
                                + "--color, --suppress, --suppressions, --fail-on-unknown, --trusted-accounts, "
                                + "--trust-policy-limit or --sg-rules-limit");
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
        PostureReport report = guard.pack(pack).minSeverity(min).addAllTrustedAccounts(trusted)
                .addAllSuppressions(suppressions).build().check(plan);
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
        return report.failsAt(min, failOnUnknown) ? FINDINGS : OK;
    }

    /** {@code RULE=RESOURCE:REASON}; for a URN resource the reason follows the first ':' after its last "::". */
    static Suppression suppression(String spec) {
        try {
            return PlanCommand.suppression(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
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
     * rewrites {@code plan.json} with the findings and not-evaluated results, writes {@code posture.sarif} beside it, and
     * returns the table and summary (and a failure line when a finding is open or a rule result
     * is not evaluated: in our own plans the rules see every value, secrets included).
     */
    static List<String> posture(PlanCommand.Planned planned, boolean ansi) {
        PostureReport report = Guard.builder().addAllSuppressions(planned.suppressions()).build().check(planned.plan());
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
        if (!report.getNotEvaluated().isEmpty()) {
            // our own plans hand the rules every value before it is masked, so none may be undecided
            lines.add("FAIL " + report.getNotEvaluated().size() + " rule result(s) not evaluated: "
                    + report.getNotEvaluated().stream().map(u -> u.getRule() + " " + u.getResourceName())
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
