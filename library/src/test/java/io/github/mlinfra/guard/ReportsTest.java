package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.plan.Plan;
import org.junit.jupiter.api.Test;

class ReportsTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static PostureReport report() {
        Plan plan = GuardTesting.plan(ctx -> {
            new GuardTest.WaivingKey("waived");
            new com.pulumi.aws.kms.Key("plain", com.pulumi.aws.kms.KeyArgs.builder().deletionWindowInDays(7)
                    .policy(String.format(KmsIamRulesTest.KEY_POLICY, "123456789012")).build());
        });
        return Guard.builder().addSuppressions(Suppression.of("MLI-KMS-02", "plain", GuardTest.REASON)).build().check(plan);
    }

    @Test
    void tableIsAlignedMarksSuppressionsAndCounts() {
        PostureReport r = report();
        String table = Reports.table(r, false);
        String[] lines = table.split("\n");
        assertThat(lines[0]).startsWith("SEVERITY").contains("RULE").contains("RESOURCE").contains("MESSAGE");
        int ruleCol = lines[0].indexOf("RULE");
        for (int i = 1; i < lines.length - 1; i++) {
            assertThat(lines[i].substring(ruleCol)).startsWith("MLI-");
        }
        assertThat(table).contains("[suppressed: " + GuardTest.REASON + "]").doesNotContain("\u001b[");
        assertThat(lines[lines.length - 1]).isEqualTo(r.resourceCount() + " resources, " + r.findingCount() + " findings ("
                + r.suppressedCount() + " suppressed)").isEqualTo(Reports.counts(r));
        assertThat(Reports.table(r, true)).contains("\u001b[");
    }

    @Test
    void jsonIsThePlanWithFindingsInTheDesignShape() throws Exception {
        PostureReport r = report();
        JsonNode root = MAPPER.readTree(Reports.json(r));
        assertThat(root.path("resources").size()).isEqualTo(r.resourceCount());
        JsonNode findings = root.path("findings");
        assertThat(findings.size()).isEqualTo(r.findingCount());
        for (JsonNode f : findings) {
            assertThat(f.properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactly("rule", "severity", "urn", "message", "controls", "suppressed", "justification", "key",
                            "fingerprint");
        }
        JsonNode suppressed = null;
        JsonNode open = null;
        for (JsonNode f : findings) {
            if (f.path("suppressed").asBoolean()) {
                suppressed = f;
            } else if (f.path("rule").asText().equals("MLI-KMS-01")) {
                open = f;
            }
        }
        assertThat(suppressed).isNotNull();
        assertThat(suppressed.path("justification").asText()).isEqualTo(GuardTest.REASON);
        assertThat(open).isNotNull();
        assertThat(open.path("justification").isNull()).isTrue();
        assertThat(open.path("controls").get(0).asText()).isEqualTo("SecurityHub KMS.4");
        assertThat(Plan.fromJson(Reports.json(r))).isEqualTo(r.getPlan());
    }

    @Test
    void sarifHasRulesResultsLocationsAndSuppressions() throws Exception {
        PostureReport r = report();
        JsonNode root = MAPPER.readTree(Reports.sarif(r, "src/main/java/App.java"));
        assertThat(root.path("version").asText()).isEqualTo("2.1.0");
        assertThat(root.path("$schema").asText()).contains("sarif-2.1.0");
        JsonNode run = root.path("runs").get(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules.size()).isEqualTo(r.getRules().size());
        JsonNode rotation = null;
        for (JsonNode d : rules) {
            if (d.path("id").asText().equals("MLI-KMS-01")) {
                rotation = d;
            }
        }
        assertThat(rotation).isNotNull();
        assertThat(rotation.path("shortDescription").path("text").asText()).isEqualTo(Control.KMS_ROTATION.title());
        assertThat(rotation.path("help").path("text").asText()).contains("Rotation limits");
        assertThat(rotation.path("fullDescription").path("text").asText()).contains("Rotation limits");
        assertThat(rotation.path("defaultConfiguration").path("level").asText()).isEqualTo("warning");
        assertThat(rotation.path("properties").path("tags").toString()).contains("SecurityHub KMS.4").contains("AwsSolutions-KMS5");
        JsonNode results = run.path("results");
        assertThat(results.size()).isEqualTo(r.findingCount());
        int suppressed = 0;
        for (JsonNode res : results) {
            String rule = res.path("ruleId").asText();
            Finding f = r.findingsOf(rule).get(0);
            assertThat(res.path("level").asText()).isEqualTo(Reports.sarifLevel(f.getSeverity()));
            assertThat(res.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                    .isEqualTo("src/main/java/App.java");
            assertThat(res.path("locations").get(0).path("logicalLocations").get(0).path("fullyQualifiedName").asText())
                    .startsWith("urn:pulumi:dev::mlinfra::");
            assertThat(rules.get(res.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(rule);
            if (res.has("suppressions")) {
                suppressed++;
                assertThat(res.path("suppressions").get(0).path("kind").asText()).isEqualTo("external");
                assertThat(res.path("suppressions").get(0).path("justification").asText()).isEqualTo(GuardTest.REASON);
            }
        }
        assertThat(suppressed).isEqualTo(r.suppressedCount()).isEqualTo(2);
        assertThat(Reports.sarifLevel(io.github.mlinfra.controls.Severity.CRITICAL)).isEqualTo("error");
        assertThat(Reports.sarifLevel(io.github.mlinfra.controls.Severity.HIGH)).isEqualTo("error");
        assertThat(Reports.sarifLevel(io.github.mlinfra.controls.Severity.LOW)).isEqualTo("note");
    }
}
