package io.github.mlinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.github.mlinfra.plan.PlanEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Admin\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

    @TempDir
    static Path dir;
    static Path good;
    static Path bad;

    @BeforeAll
    static void plans() throws IOException {
        good = dir.resolve("good.json");
        Files.writeString(good, PlanEngine.plan(ctx -> new Key("key", KeyArgs.builder().enableKeyRotation(true).policy(POLICY)
                .build(), CustomResourceOptions.builder().protect(true).build())).toJson());
        bad = dir.resolve("bad.json");
        Files.writeString(bad, PlanEngine.plan(ctx -> new Key("key", KeyArgs.builder().deletionWindowInDays(7).policy(POLICY)
                .build(), CustomResourceOptions.builder().protect(true).build())).toJson());
    }

    static final class Run {
        final int code;
        final String out;
        final String err;

        Run(String... args) {
            var o = new ByteArrayOutputStream();
            var e = new ByteArrayOutputStream();
            code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aCompliantPlanExitsZero() {
        Run r = new Run("check", good.toString());
        assertThat(r.code).isEqualTo(Main.OK);
        assertThat(r.out).contains("2 resources, 0 findings (0 suppressed)");
        assertThat(r.err).isEmpty();
    }

    @Test
    void findingsExitOneAndTheThresholdCounts() {
        Run r = new Run("check", bad.toString());
        assertThat(r.code).isEqualTo(Main.FINDINGS);
        assertThat(r.out).contains("MLI-KMS-01").contains("MLI-KMS-02");
        Run high = new Run("check", bad.toString(), "--min-severity", "high");
        assertThat(high.code).as("KMS-01 is MEDIUM, KMS-02 LOW").isEqualTo(Main.OK);
        assertThat(high.out).doesNotContain("MLI-KMS-01");
    }

    @Test
    void formatsJsonAndSarif() throws Exception {
        Run json = new Run("check", bad.toString(), "--format", "json");
        JsonNode tree = new ObjectMapper().readTree(json.out);
        assertThat(tree.path("findings").size()).isEqualTo(2);
        assertThat(tree.path("resources").size()).as("the key and the stack").isEqualTo(2);
        Run sarif = new Run("check", bad.toString(), "--format", "sarif", "--pack", "cdk-nag-aws-solutions"); // KMS-01 is AwsSolutions-KMS5
        JsonNode s = new ObjectMapper().readTree(sarif.out);
        assertThat(s.path("version").asText()).isEqualTo("2.1.0");
        assertThat(s.path("runs").get(0).path("results").get(0).path("locations").get(0).path("physicalLocation")
                .path("artifactLocation").path("uri").asText()).isEqualTo("bad.json");
        assertThat(sarif.code).isEqualTo(Main.FINDINGS);
    }

    @Test
    void badInputExitsTwoWithOneLineOnStderr() throws IOException {
        Path notJson = dir.resolve("notjson.txt");
        Files.writeString(notJson, "hello");
        Path notPlan = dir.resolve("notplan.json");
        Files.writeString(notPlan, "{\"a\":1}");
        String[][] cases = {
            {"check", dir.resolve("missing.json").toString()},
            {"check", notJson.toString()},
            {"check", notPlan.toString()},
            {"check", good.toString(), "--format", "xml"},
            {"check", good.toString(), "--pack", "nist"},
            {"check", good.toString(), "--min-severity", "SEVERE"},
            {"check", good.toString(), "--frobnicate"},
            {"check"},
            {"check", good.toString(), "--format"},
            {"frob"},
            {},
            {"check", dir.toString()},
        };
        for (String[] c : cases) {
            Run r = new Run(c);
            assertThat(r.code).as(String.join(" ", c)).isEqualTo(Main.USAGE);
            assertThat(r.err).as(String.join(" ", c)).startsWith("mlinfra: ").endsWith(System.lineSeparator());
            assertThat(r.err.strip().lines().count()).as(String.join(" ", c)).isEqualTo(1);
            assertThat(r.err).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.out).isEmpty();
        }
        assertThat(new Run("check", dir.resolve("missing.json").toString()).err).contains("no such file");
        assertThat(new Run("check", good.toString(), "--format", "xml").err)
                .isEqualTo("mlinfra: --format: unknown format 'xml'; expected one of table, json, sarif" + System.lineSeparator());
        assertThat(new Run("frob").err).contains("unknown subcommand 'frob'");
        assertThat(Main.SUBCOMMANDS).containsExactly("check", "plan");
    }
}
