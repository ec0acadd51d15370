package io.github.mlinfra.examples.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlinfra.cli.Main;
import io.github.mlinfra.guard.Guard;
import io.github.mlinfra.guard.PostureReport;
import io.github.mlinfra.plan.Plan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every rule decides on every resource of our own examples: the offline engine hands the rules
 * each value before it is masked (the notebook's secret lifecycle scripts included), so no result
 * is "not evaluated", and no finding is open.
 */
class ExampleVerdictsTest {
    @Test
    void everyExamplePlanHasAnEmptyNotEvaluated() throws Exception {
        int secretInputs = 0;
        for (Map.Entry<String, Plan> e : Examples.plans().entrySet()) {
            PostureReport report = Guard.defaults().check(e.getValue());
            assertThat(report.getNotEvaluated()).as("not-evaluated results of %s", e.getKey()).isEmpty();
            assertThat(report.openFindings()).as("open findings of %s", e.getKey()).isEmpty();
            secretInputs += e.getValue().getResources().stream().mapToInt(r -> r.getSecretInputs().size()).sum();
        }
        assertThat(Examples.plans()).hasSize(5);
        assertThat(secretInputs).as("secret inputs the rules judged on their plain value").isGreaterThan(0);
    }

    @Test
    void thePlanJsonOfThePlanCommandCarriesAnEmptyNotEvaluated() throws Exception {
        Map.Entry<String, String> first = Examples.classes().entrySet().iterator().next();
        Path dir = Files.createTempDirectory("plans");
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        int code = Main.run(new String[] {"plan", "--dir", dir.toString(), first.getKey() + "=" + first.getValue()}, sink, sink);
        assertThat(code).isZero();
        JsonNode plan = new ObjectMapper().readTree(dir.resolve(first.getKey()).resolve("target").resolve("plan.json").toFile());
        assertThat(plan.path("notEvaluated").isArray()).isTrue();
        assertThat(plan.path("notEvaluated")).isEmpty();
    }
}
