package io.github.mlinfra.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    /** A minimal example program. */
    public static final class TinyApp {
        private TinyApp() {}

        /**
         * The stack.
         *
         * @param ctx the context
         */
        public static void stack(Context ctx) {
            ctx.export("bucket", new BucketV2("tiny-bucket", BucketV2Args.builder().build()).bucket());
        }
    }

    /** An example whose program fails. */
    public static final class BrokenApp {
        private BrokenApp() {}

        /**
         * The stack.
         *
         * @param ctx the context
         */
        public static void stack(Context ctx) {
            throw new IllegalStateException("broken on purpose");
        }
    }

    /** An example AWS would refuse: a KMS deletion window of 3 days (MLI-PRE-11). */
    public static final class ShortWindowApp {
        private ShortWindowApp() {}

        /**
         * The stack.
         *
         * @param ctx the context
         */
        public static void stack(Context ctx) {
            new com.pulumi.aws.kms.Key("short-key", com.pulumi.aws.kms.KeyArgs.builder().deletionWindowInDays(3).build());
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return PlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void stackSetsTheStackPlannedAndItsAutoNames(@TempDir Path dir) throws Exception {
        assertThat(run("--dir", dir.resolve("dev").toString(), "tiny=" + TinyApp.class.getName())).isZero();
        assertThat(run("--dir", dir.resolve("prod").toString(), "--stack", "prod", "tiny=" + TinyApp.class.getName())).isZero();
        Plan dev = Plan.fromJson(Files.readString(dir.resolve("dev/tiny/target/plan.json")));
        Plan prod = Plan.fromJson(Files.readString(dir.resolve("prod/tiny/target/plan.json")));
        assertThat(dev.getStack()).isEqualTo(PlanCommand.DEFAULT_STACK).isEqualTo("dev");
        assertThat(prod.getStack()).isEqualTo("prod");
        assertThat(prod.resource("tiny-bucket").getUrn()).startsWith("urn:pulumi:prod::tiny::");
        // Pulumi auto-names differ per stack (a random suffix): so do the offline ones
        assertThat(prod.resource("tiny-bucket").getOutputs().get("bucket"))
                .isNotEqualTo(dev.resource("tiny-bucket").getOutputs().get("bucket"));
    }

    @Test
    void plansAnExampleWritesItsPlanAndPrintsTheTree(@TempDir Path dir) throws Exception {
        int code = run("--dir", dir.toString(), "tiny=" + TinyApp.class.getName());
        assertThat(code).isZero();
        Path file = dir.resolve("tiny/target/plan.json");
        Plan plan = Plan.fromJson(Files.readString(file));
        assertThat(plan.getProject()).isEqualTo("tiny");
        assertThat(plan.resource("tiny-bucket").getType()).isEqualTo("aws:s3/bucketV2:BucketV2");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("== tiny (2 resources)").contains("pulumi:pulumi:Stack").contains("└─ aws:s3/bucketV2:BucketV2");
    }

    @Test
    void badInputExitsTwoWithOneLine(@TempDir Path dir) {
        assertThat(run("--dir", dir.toString(), "--bogus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("mlinfra: unknown flag '--bogus' (plan takes --dir, --stack, --show, --only, --suppress, --suppressions)"
                + System.lineSeparator());
        err.reset();
        assertThat(run("--dir", dir.toString(), "--only", "nope", "tiny=" + TinyApp.class.getName())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("mlinfra: unknown example 'nope' (known: tiny)").hasLineCount(1);
        err.reset();
        assertThat(run("--dir", dir.toString(), "x=no.such.App")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("class no.such.App not found").hasLineCount(1);
    }

    @Test
    void aFailingProgramExitsOneNamingTheExample(@TempDir Path dir) {
        assertThat(run("--dir", dir.toString(), "--show", "summary", "broken=" + BrokenApp.class.getName())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("example 'broken' failed to plan").contains("broken on purpose");
    }

    @Test
    void aPreflightFindingFailsThePlanUnlessTheUserSuppressesItWithAReason(@TempDir Path dir) throws Exception {
        String app = "short=" + ShortWindowApp.class.getName();
        assertThat(run("--dir", dir.toString(), "--show", "summary", app)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("preflight MLI-PRE-11").contains("short-key");
        err.reset();
        String reason = "Our account has a raised deletion window that this rule does not know.";
        assertThat(run("--dir", dir.toString(), "--show", "summary", "--suppress", "MLI-PRE-11=short-key:" + reason, app)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        Path file = dir.resolve("suppressions.json");
        Files.writeString(file, "[{\"rule\":\"MLI-PRE-11\",\"resource\":\"*\",\"justification\":\"" + reason + "\"}]");
        assertThat(run("--dir", dir.toString(), "--show", "summary", "--suppressions", file.toString(), app)).isZero();
    }

    @Test
    void aSuppressionWithoutAReasonOrAnUnreadableFileIsAUsageError(@TempDir Path dir) {
        String app = "short=" + ShortWindowApp.class.getName();
        assertThat(run("--dir", dir.toString(), "--suppress", "MLI-PRE-11=short-key", app)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("mlinfra: --suppress: expected RULE=RESOURCE:REASON with a "
                + "reason; got 'MLI-PRE-11=short-key'" + System.lineSeparator());
        err.reset();
        assertThat(run("--dir", dir.toString(), "--suppressions", dir.resolve("none.json").toString(), app)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("mlinfra: --suppressions ").contains("cannot read the file")
                .hasLineCount(1);
        err.reset();
        assertThat(run("--dir", dir.toString(), "--suppress")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("mlinfra: --suppress needs a value" + System.lineSeparator());
    }

    @Test
    void theGuardStepOfMlinfraPlanHonoursTheSuppressions(@TempDir Path dir) throws Exception {
        String reason = "Our account has a raised deletion window that this rule does not know.";
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        io.github.mlinfra.cli.Main.run(new String[] {"plan", "--dir", dir.toString(), "--show", "summary",
                "--suppress", "MLI-PRE-11=short-key:" + reason, "short=" + ShortWindowApp.class.getName()},
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        String written = Files.readString(dir.resolve("short/target/plan.json"));
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(written).path("findings");
        boolean suppressed = false;
        for (var f : report) {
            if (f.path("rule").asText().equals("MLI-PRE-11")) {
                assertThat(f.path("suppressed").asBoolean()).isTrue();
                assertThat(f.path("justification").asText()).isEqualTo(reason);
                suppressed = true;
            }
        }
        assertThat(suppressed).as("the plan records the preflight finding as suppressed").isTrue();
        assertThat(e.toString(StandardCharsets.UTF_8)).doesNotContain("MLI-PRE-11");
    }
}
