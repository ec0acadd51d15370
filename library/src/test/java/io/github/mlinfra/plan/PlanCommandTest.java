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
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("mlinfra: unknown flag '--bogus' (plan takes --dir, --stack, --show, --only)" + System.lineSeparator());
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
}
