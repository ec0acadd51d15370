package io.github.mlinfra.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.controls.Severity;
import io.github.mlinfra.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link PostureReport} as a console table, as plan JSON with findings, or as SARIF 2.1.0. */
public final class Reports {
    /** The SARIF schema URI. */
    public static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The tool's information URI in SARIF. */
    public static final String TOOL_URI = "https://github.com/mlinfra/mlinfra";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RESET = "\u001b[0m";

    private Reports() {}

    /**
     * The report as an aligned console table (severity, rule, resource, message), suppressed
     * findings marked with their reason, then the counts. The rule column shows the finding's key
     * ({@link Finding#getKey()}): the rule id, with the detail in brackets when the rule tells its
     * findings on one resource apart, which is what a single-finding {@link Suppression} names.
     *
     * @param report the report
     * @param ansi whether to colour severities with ANSI escapes
     * @return the table, lines ending in {@code \n}
     */
    public static String table(PostureReport report, boolean ansi) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SEVERITY", "RULE", "RESOURCE", "MESSAGE"});
        for (Finding f : report.getFindings()) {
            String msg = f.getMessage() + (f.isSuppressed() ? " [suppressed: " + f.getJustification().orElse("") + "]" : "");
            rows.add(new String[] {f.getSeverity().name(), f.getKey(), f.getResourceType() + " " + f.getResourceName(), msg});
        }
        int[] w = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < 3; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            String sev = pad(r[0], w[0]);
            if (ansi && n > 0) {
                boolean suppressed = report.getFindings().get(n - 1).isSuppressed();
                sev = (suppressed ? "\u001b[2m" : colour(Severity.valueOf(r[0]))) + sev + RESET;
            }
            sb.append(sev).append("  ").append(pad(r[1], w[1])).append("  ").append(pad(r[2], w[2])).append("  ")
                    .append(r[3]).append('\n');
        }
        for (NotEvaluated u : report.getNotEvaluated()) {
            sb.append("NOT EVALUATED  ").append(u.getRule()).append("  ").append(u.getResourceType()).append(' ')
                    .append(u.getResourceName()).append("  ").append(u.getReason()).append('\n');
        }
        sb.append(counts(report)).append('\n');
        return sb.toString();
    }

    /**
     * The summary line: {@code N resources, M findings (K suppressed)}, followed by
     * {@code , U not evaluated} when some rule results could not be decided.
     *
     * @param report the report
     * @return the summary
     */
    public static String counts(PostureReport report) {
        return plural(report.resourceCount(), "resource") + ", " + plural(report.findingCount(), "finding") + " ("
                + report.suppressedCount() + " suppressed)"
                + (report.getNotEvaluated().isEmpty() ? "" : ", " + report.getNotEvaluated().size() + " not evaluated");
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String colour(Severity s) {
        switch (s) {
            case ERROR:
            case CRITICAL:
                return "\u001b[1;31m";
            case HIGH:
                return "\u001b[31m";
            case MEDIUM:
                return "\u001b[33m";
            default:
                return "\u001b[36m";
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    /**
     * The plan JSON tree with the {@code findings} array added (each finding: {@code rule,
     * severity, urn, message, controls, suppressed, justification}, then {@code key} and
     * {@code fingerprint}, the finding's stable key and its hash, see {@link Finding#getKey()}) and the
     * {@code notEvaluated} array (each: {@code rule, urn, reason}; empty when every rule could decide).
     *
     * @param report the report
     * @return the JSON tree
     */
    public static ObjectNode jsonTree(PostureReport report) {
        ObjectNode root = report.getPlan().toJsonTree();
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.getFindings()) {
            ObjectNode n = findings.addObject();
            n.put("rule", f.getRule());
            n.put("severity", f.getSeverity().name());
            n.put("urn", f.getUrn());
            n.put("message", f.getMessage());
            ArrayNode controls = n.putArray("controls");
            f.getControls().forEach(controls::add);
            n.put("suppressed", f.isSuppressed());
            if (f.getJustification().isPresent()) {
                n.put("justification", f.getJustification().get());
            } else {
                n.putNull("justification");
            }
            n.put("key", f.getKey());
            n.put("fingerprint", f.getFingerprint());
        }
        ArrayNode unknown = root.putArray("notEvaluated");
        for (NotEvaluated u : report.getNotEvaluated()) {
            ObjectNode n = unknown.addObject();
            n.put("rule", u.getRule());
            n.put("urn", u.getUrn());
            n.put("reason", u.getReason());
        }
        return root;
    }

    /**
     * The plan JSON with the {@code findings} array, pretty-printed as plans are.
     *
     * @param report the report
     * @return the JSON text
     */
    public static String json(PostureReport report) {
        return Plan.toJson(jsonTree(report));
    }

    /**
     * The SARIF level of a severity.
     *
     * @param s the severity
     * @return {@code error} for HIGH, CRITICAL and ERROR, {@code warning} for MEDIUM, {@code note} for LOW
     */
    public static String sarifLevel(Severity s) {
        switch (s) {
            case ERROR:
            case CRITICAL:
            case HIGH:
                return "error";
            case MEDIUM:
                return "warning";
            default:
                return "note";
        }
    }

    /**
     * The report as a SARIF 2.1.0 tree: one rule descriptor per rule run, one result per finding
     * located at {@code artifactUri} (the program's source file when known, else the plan file)
     * and at the resource URN as logical location; suppressed findings carry an external
     * suppression with the justification. A result the guard could not decide is a result of
     * {@code kind "open"} and {@code level "none"} (SARIF 2.1.0 §3.27.9: "open" means the tool could
     * not determine whether the problem is present).
     * Each result carries the finding's fingerprint as
     * {@code partialFingerprints["mlinfraFindingKey/v1"]} and its key as
     * {@code properties.findingKey}.
     *
     * @param report the report
     * @param artifactUri the file the results point to
     * @return the SARIF tree
     */
    public static ObjectNode sarifTree(PostureReport report, String artifactUri) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SARIF_SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "mlinfra-guard");
        driver.put("informationUri", TOOL_URI);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Rule r : report.getRules()) {
            index.put(r.id(), index.size());
            ObjectNode d = rules.addObject();
            d.put("id", r.id());
            d.put("name", r.control().name());
            d.putObject("shortDescription").put("text", r.control().title());
            d.putObject("fullDescription").put("text", r.rationale());
            d.putObject("help").put("text", r.rationale());
            d.putObject("defaultConfiguration").put("level", sarifLevel(r.control().severity()));
            ObjectNode props = d.putObject("properties");
            ArrayNode tags = props.putArray("tags");
            tags.add("security");
            r.control().externalControls().forEach(tags::add);
            props.put("severity", r.control().severity().name());
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : report.getFindings()) {
            ObjectNode res = result(results, index, f.getRule());
            res.put("level", sarifLevel(f.getSeverity()));
            res.putObject("message").put("text", f.getResourceType() + " '" + f.getResourceName() + "': " + f.getMessage());
            locate(res, artifactUri, f.getUrn(), f.getResourceName());
            res.putObject("partialFingerprints").put("mlinfraFindingKey/v1", f.getFingerprint());
            res.putObject("properties").put("findingKey", f.getKey());
            if (f.isSuppressed()) {
                ObjectNode s = res.putArray("suppressions").addObject();
                s.put("kind", "external");
                s.put("justification", f.getJustification().orElse(""));
            }
        }
        for (NotEvaluated u : report.getNotEvaluated()) {
            ObjectNode res = result(results, index, u.getRule());
            res.put("kind", "open");
            res.put("level", "none");
            res.putObject("message").put("text", u.getResourceType() + " '" + u.getResourceName() + "': not evaluated: "
                    + u.getReason());
            locate(res, artifactUri, u.getUrn(), u.getResourceName());
        }
        return root;
    }

    /** A new SARIF result of a rule, with the rule's index among the run's descriptors when it has one. */
    private static ObjectNode result(ArrayNode results, Map<String, Integer> ruleIndex, String rule) {
        ObjectNode res = results.addObject();
        res.put("ruleId", rule);
        if (ruleIndex.containsKey(rule)) {
            res.put("ruleIndex", ruleIndex.get(rule));
        }
        return res;
    }

    /** A result's location: the artifact, and the resource (its URN and name) as logical location. */
    private static void locate(ObjectNode res, String artifactUri, String urn, String resourceName) {
        ObjectNode loc = res.putArray("locations").addObject();
        loc.putObject("physicalLocation").putObject("artifactLocation").put("uri", artifactUri);
        ObjectNode logical = loc.putArray("logicalLocations").addObject();
        logical.put("fullyQualifiedName", urn);
        logical.put("name", resourceName);
        logical.put("kind", "resource");
    }

    /**
     * The report as SARIF 2.1.0 text.
     *
     * @param report the report
     * @param artifactUri the file the results point to
     * @return the JSON text
     */
    public static String sarif(PostureReport report, String artifactUri) {
        return Plan.toJson(sarifTree(report, artifactUri));
    }
}
