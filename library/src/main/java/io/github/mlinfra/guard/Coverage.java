package io.github.mlinfra.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far the guard covers the AWS Security Hub controls and the cdk-nag rules for the services
 * mlinfra plans (S3, KMS, EC2 with EBS and VPC, IAM, SageMaker, CloudTrail, CloudWatch and its
 * Logs). The external lists are checked-in data files read from AWS's and cdk-nag's own material
 * (each file names its sources and the date they were read, 2026-11-30):
 * {@code io/github/mlinfra/controls/securityhub-controls.json} and
 * {@code io/github/mlinfra/controls/cdk-nag-rules.json}. Whether a control is covered comes from
 * the registry: an mlinfra {@link Control} that has a rule and lists the external id among its
 * {@link Control#externalControls()}. A control nobody covers is either not applicable to a plan,
 * for one reason of {@link NotApplicable} recorded in the data file, or not covered yet.
 */
public final class Coverage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECURITY_HUB_FILE = "/io/github/mlinfra/controls/securityhub-controls.json";
    private static final String CDK_NAG_FILE = "/io/github/mlinfra/controls/cdk-nag-rules.json";

    /** The prefixes under which {@link Control#externalControls()} names a Security Hub control. */
    static final List<String> SECURITY_HUB_PREFIXES = List.of("FSBP ", "SecurityHub ");

    /** The prefixes of the cdk-nag packs whose rule ids {@link Control#externalControls()} may name. */
    static final List<String> CDK_NAG_PREFIXES = List.of("AwsSolutions-", "HIPAA.Security-", "NIST.800.53.R5-", "NIST.800.53.R4-");

    private Coverage() {}

    /** The only reasons a control may be not applicable to a plan; a fixed list keeps the figure meaningful. */
    public enum NotApplicable {
        /** The control checks a setting of the account or region, not of a resource a plan holds. */
        ACCOUNT_LEVEL("account-level setting"),
        /** The control checks state that exists only at run time (use, age, health), never in a plan. */
        RUNTIME_STATE("runtime state that no plan holds"),
        /** The control checks a resource type that mlinfra does not plan and no guard rule reads. */
        UNPLANNED_TYPE("a resource type we neither plan nor read");

        private final String label;

        NotApplicable(String label) {
            this.label = label;
        }

        /**
         * The reason as the data files and the table write it.
         *
         * @return e.g. {@code account-level setting}
         */
        public String label() {
            return label;
        }

        /**
         * The reason with this label.
         *
         * @param label e.g. {@code account-level setting}
         * @return the reason
         * @throws IllegalStateException when the label is not one of the fixed list (a broken data file)
         */
        public static NotApplicable ofLabel(String label) {
            return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("notApplicable: not one of the fixed reasons; got "
                            + label + "; expected one of " + Arrays.stream(values()).map(NotApplicable::label).toList()));
        }
    }

    /** Where a control stands. */
    public enum Status {
        /** An mlinfra control with a rule maps to it. */
        COVERED,
        /** It cannot apply to a plan, for a reason of {@link NotApplicable}. */
        NOT_APPLICABLE,
        /** It applies to resources a plan holds and no rule checks it yet. */
        NOT_COVERED
    }

    /**
     * One external control or rule as the data file records it.
     *
     * @param id the id as its owner writes it ({@code S3.5}, {@code AwsSolutions-S10})
     * @param group the service ({@code S3}) or, for cdk-nag, the pack ({@code AwsSolutions})
     * @param service the service it belongs to
     * @param title its title (Security Hub) or message (cdk-nag)
     * @param severity its severity, or empty when the source did not give one
     * @param standards the standards it appears in (Security Hub); empty for cdk-nag
     * @param notApplicable the recorded reason it cannot apply to a plan, if any
     */
    public record External(String id, String group, String service, String title, Optional<String> severity,
            List<String> standards, Optional<NotApplicable> notApplicable) {}

    /**
     * One row of the coverage table.
     *
     * @param external the external control
     * @param status where it stands
     * @param coveredBy the mlinfra controls (with a rule) that cover it; empty unless covered
     */
    public record Row(External external, Status status, List<Control> coveredBy) {}

    /**
     * The Security Hub controls of the data file, in its order.
     *
     * @return the controls
     */
    public static List<External> securityHubControls() {
        List<External> out = new ArrayList<>();
        for (JsonNode c : read(SECURITY_HUB_FILE).path("controls")) {
            List<String> standards = new ArrayList<>();
            c.path("standards").forEach(s -> standards.add(s.asText()));
            out.add(new External(c.path("id").asText(), c.path("service").asText(), c.path("service").asText(),
                    c.path("title").asText(), text(c, "severity"), List.copyOf(standards),
                    text(c, "notApplicable").map(NotApplicable::ofLabel)));
        }
        return List.copyOf(out);
    }

    /**
     * The cdk-nag rules of the data file, in its order, including packs not shown in the table.
     *
     * @return the rules
     */
    public static List<External> cdkNagRules() {
        List<External> out = new ArrayList<>();
        for (JsonNode r : read(CDK_NAG_FILE).path("rules")) {
            out.add(new External(r.path("id").asText(), r.path("pack").asText(), r.path("service").asText(),
                    r.path("title").asText(), Optional.empty(), List.of(),
                    text(r, "notApplicable").map(NotApplicable::ofLabel)));
        }
        return List.copyOf(out);
    }

    /**
     * The cdk-nag packs the coverage table shows (AwsSolutions, HIPAA Security, NIST 800-53 R5).
     *
     * @return pack names in the data file's order
     */
    public static List<String> cdkNagPacksInTable() {
        List<String> out = new ArrayList<>();
        for (JsonNode p : read(CDK_NAG_FILE).path("packs")) {
            if (p.path("inTable").asBoolean()) {
                out.add(p.path("pack").asText());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The Security Hub control id an external mapping names, if it names one.
     *
     * @param mapping an entry of {@link Control#externalControls()}, e.g. {@code FSBP S3.5}
     * @return e.g. {@code S3.5}; empty for a cdk-nag id or another scheme
     */
    public static Optional<String> securityHubId(String mapping) {
        return SECURITY_HUB_PREFIXES.stream().filter(mapping::startsWith).findFirst()
                .map(p -> mapping.substring(p.length()).trim());
    }

    /**
     * Whether an external mapping names a cdk-nag rule of a pack the data file records.
     *
     * @param mapping an entry of {@link Control#externalControls()}
     * @return true for {@code AwsSolutions-S10}, {@code HIPAA.Security-S3DefaultEncryptionKMS}, ...
     */
    public static boolean isCdkNagId(String mapping) {
        return CDK_NAG_PREFIXES.stream().anyMatch(mapping::startsWith);
    }

    /**
     * The rows for the Security Hub controls.
     *
     * @return one row per control of the data file
     */
    public static List<Row> securityHubRows() {
        return rows(securityHubControls(), Coverage::securityHubId);
    }

    /**
     * The rows for the cdk-nag rules of the packs in the table.
     *
     * @return one row per rule
     */
    public static List<Row> cdkNagRows() {
        List<String> packs = cdkNagPacksInTable();
        List<External> shown = cdkNagRules().stream().filter(r -> packs.contains(r.group())).toList();
        return rows(shown, m -> isCdkNagId(m) ? Optional.of(m) : Optional.empty());
    }

    private static List<Row> rows(List<External> externals, java.util.function.Function<String, Optional<String>> idOf) {
        Map<String, List<Control>> coveredBy = new LinkedHashMap<>();
        for (Control c : Control.values()) {
            if (Rules.of(c).isEmpty()) {
                continue;
            }
            for (String mapping : c.externalControls()) {
                idOf.apply(mapping).ifPresent(id -> coveredBy.computeIfAbsent(id, k -> new ArrayList<>()).add(c));
            }
        }
        List<Row> out = new ArrayList<>();
        for (External e : externals) {
            List<Control> by = coveredBy.getOrDefault(e.id(), List.of());
            Status status = !by.isEmpty() ? Status.COVERED
                    : e.notApplicable().isPresent() ? Status.NOT_APPLICABLE : Status.NOT_COVERED;
            out.add(new Row(e, status, List.copyOf(by)));
        }
        return List.copyOf(out);
    }

    /**
     * The coverage section of {@code docs/CONTROLS.md}: figures per service and overall, then one
     * row per Security Hub control and per cdk-nag rule.
     *
     * @return Markdown text
     */
    public static String render() {
        JsonNode sh = read(SECURITY_HUB_FILE);
        JsonNode nag = read(CDK_NAG_FILE);
        StringBuilder sb = new StringBuilder();
        sb.append("## Coverage of AWS Security Hub controls\n\n")
                .append("Generated from the rule registry and `library/src/main/resources/io/github/mlinfra/controls/securityhub-controls.json` ")
                .append("(read ").append(sh.path("retrieved").asText()).append(" from AWS's Security Hub controls reference, ")
                .append(sh.path("reference").asText()).append("). A control is *covered* when an mlinfra control with a rule maps to it; ")
                .append("*not applicable* to a plan, for one reason of a fixed list (")
                .append(String.join("; ", Arrays.stream(NotApplicable.values()).map(NotApplicable::label).toList()))
                .append("); or *not covered yet*. Applicable = covered + not covered yet.\n\n")
                .append("How each service's page was read:\n\n");
        for (JsonNode p : sh.path("pages")) {
            sb.append("- ").append(p.path("service").asText()).append(" (").append(p.path("url").asText()).append("): ")
                    .append(p.path("read").asText()).append("\n");
        }
        for (JsonNode n : sh.path("notes")) {
            sb.append("- ").append(n.asText()).append("\n");
        }
        List<Row> shRows = securityHubRows();
        sb.append("\n").append(figures("Service", shRows)).append("\n");
        sb.append("| Control | Severity | Title | Standards | Status | mlinfra |\n|---|---|---|---|---|---|\n");
        for (Row r : shRows) {
            External e = r.external();
            sb.append("| ").append(e.id())
                    .append(" | ").append(e.severity().orElse("not read"))
                    .append(" | ").append(cell(e.title()))
                    .append(" | ").append(e.standards().isEmpty() ? "—" : String.join(", ", e.standards()))
                    .append(" | ").append(status(r))
                    .append(" | ").append(by(r))
                    .append(" |\n");
        }
        List<Row> nagRows = cdkNagRows();
        sb.append("\n## Coverage of cdk-nag rules\n\n")
                .append("Generated from the rule registry and `library/src/main/resources/io/github/mlinfra/controls/cdk-nag-rules.json` ")
                .append("(").append(nag.path("package").asText()).append(" ").append(nag.path("version").asText())
                .append(" from the npm registry, read ").append(nag.path("retrieved").asText()).append("): every rule of the packs ")
                .append(String.join(", ", cdkNagPacksInTable()))
                .append(" whose rule lives in cdk-nag's ec2, vpc, s3, kms, iam, sagemaker, cloudtrail or cloudwatch rule folders. ")
                .append("Same statuses and reasons as above.\n\n")
                .append(figures("Pack", nagRows)).append("\n")
                .append("| Rule | Service | Message | Status | mlinfra |\n|---|---|---|---|---|\n");
        for (Row r : nagRows) {
            sb.append("| ").append(r.external().id())
                    .append(" | ").append(r.external().service())
                    .append(" | ").append(cell(r.external().title()))
                    .append(" | ").append(status(r))
                    .append(" | ").append(by(r))
                    .append(" |\n");
        }
        return sb.toString();
    }

    /**
     * Figures for a list of rows, per group and overall.
     *
     * @param rows the rows
     * @return group name (or {@code overall}) to the counts, in order: covered, not covered yet,
     *     and one count per {@link NotApplicable} reason
     */
    public static Map<String, int[]> counts(List<Row> rows) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (Row r : rows) {
            for (String key : List.of(r.external().group(), "overall")) {
                int[] n = out.computeIfAbsent(key, k -> new int[2 + NotApplicable.values().length]);
                switch (r.status()) {
                    case COVERED -> n[0]++;
                    case NOT_COVERED -> n[1]++;
                    case NOT_APPLICABLE -> n[2 + r.external().notApplicable().orElseThrow().ordinal()]++;
                    default -> throw new IllegalStateException("status " + r.status());
                }
            }
        }
        int[] overall = out.remove("overall");
        if (overall != null) {
            out.put("overall", overall);
        }
        return out;
    }

    private static String figures(String groupHeader, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(groupHeader).append(" | Controls | Covered | Applicable | Covered of applicable | Not covered yet | ")
                .append("N/A: account-level setting | N/A: runtime state | N/A: resource type not planned or read |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, int[]> e : counts(rows).entrySet()) {
            int[] n = e.getValue();
            int applicable = n[0] + n[1];
            int total = applicable + n[2] + n[3] + n[4];
            String share = applicable == 0 ? "—" : Math.round(100.0 * n[0] / applicable) + "%";
            sb.append("| ").append(e.getKey().equals("overall") ? "**overall**" : e.getKey())
                    .append(" | ").append(total).append(" | ").append(n[0]).append(" | ").append(applicable)
                    .append(" | ").append(share).append(" | ").append(n[1])
                    .append(" | ").append(n[2]).append(" | ").append(n[3]).append(" | ").append(n[4]).append(" |\n");
        }
        return sb.toString();
    }

    private static String status(Row r) {
        return switch (r.status()) {
            case COVERED -> "covered";
            case NOT_COVERED -> "not covered yet";
            case NOT_APPLICABLE -> "not applicable: " + r.external().notApplicable().orElseThrow().label();
        };
    }

    private static String by(Row r) {
        return r.coveredBy().isEmpty() ? "—" : String.join(", ", r.coveredBy().stream().map(Control::id).toList());
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Coverage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
