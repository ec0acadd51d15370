package io.github.mlinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlannedResource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} with preflight findings: exit 1 whatever the threshold, suppressions with a reason, quotas. */
class PreflightCliTest {
    static final String URN = "urn:pulumi:dev::p::aws:kms/key:Key::k";
    static final String REASON = "This sandbox key is never deployed to a real account.";

    static Path plan(Path dir) throws Exception {
        Plan plan = Plan.builder().project("p").stack("dev").resources(List.of(PlannedResource.builder().urn(URN)
                .type("aws:kms/key:Key").name("k").custom(true).protect(false)
                .inputs(Map.of("deletionWindowInDays", 3L)).build())).build();
        Path p = dir.resolve("plan.json");
        Files.writeString(p, plan.toJson(), StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aPreflightFindingFailsWhateverTheMinimumSeverity(@TempDir Path dir) throws Exception {
        String file = plan(dir).toString();
        ExitCodesTest.Run r = ExitCodesTest.run("check", file, "--pack", "preflight", "--min-severity", "CRITICAL");
        assertThat(r.code()).isEqualTo(Main.FINDINGS);
        assertThat(r.out()).contains("MLI-PRE-11");
        assertThat(ExitCodesTest.run("check", file, "--format", "sarif").out()).containsPattern("\"level\"\\s*:\\s*\"error\"");
    }

    @Test
    void suppressByFlagOrFileWithAReason(@TempDir Path dir) throws Exception {
        String file = plan(dir).toString();
        assertThat(ExitCodesTest.run("check", file, "--pack", "preflight", "--suppress", "MLI-PRE-11=k:" + REASON).code())
                .isEqualTo(Main.OK);
        assertThat(ExitCodesTest.run("check", file, "--pack", "preflight", "--suppress", "MLI-PRE-11=" + URN + ":" + REASON).code())
                .isEqualTo(Main.OK);
        assertThat(ExitCodesTest.run("check", file, "--pack", "preflight", "--suppress", "MLI-PRE-11=other:" + REASON).code())
                .isEqualTo(Main.FINDINGS);
        Path sup = dir.resolve("suppressions.json");
        Files.writeString(sup, "[{\"rule\":\"MLI-PRE-11\",\"resource\":\"*\",\"type\":\"aws:kms/key:Key\",\"justification\":\"" + REASON + "\"}]");
        assertThat(ExitCodesTest.run("check", file, "--pack", "preflight", "--suppressions", sup.toString()).code()).isEqualTo(Main.OK);
        ExitCodesTest.Run shortReason = ExitCodesTest.run("check", file, "--suppress", "MLI-PRE-11=k:ok");
        assertThat(shortReason.code()).isEqualTo(Main.USAGE);
        assertThat(shortReason.err()).startsWith("mlinfra: --suppress: Suppression.justification:");
    }
}
