package io.github.mlinfra.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.kms.ManagedKey;
import io.github.mlinfra.kms.ManagedKeyArgs;
import io.github.mlinfra.storage.SecureCheckpointBucket;
import io.github.mlinfra.storage.SecureCheckpointBucketArgs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan command plans independent programs at once and reports them in the given order. */
class ParallelPlanTest {
    static final String WHY = "Keys of this sandbox live one day; rotation would never happen before deletion.";

    /** Set before a parallel run: both programs wait here until the other one has started. */
    static volatile CountDownLatch together = new CountDownLatch(0);
    static final Set<String> threads = ConcurrentHashMap.newKeySet();

    static void meet() {
        threads.add(Thread.currentThread().getName());
        together.countDown();
        try {
            if (!together.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other program never started: the plans did not run at once");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The larger program, given first: it waives rotation on a key named like the other's. */
    public static final class Waiving {
        public static void stack(Context ctx) {
            meet();
            var bucket = new SecureCheckpointBucket("ckpt", SecureCheckpointBucketArgs.builder().build());
            var key = new ManagedKey("shared", ManagedKeyArgs.builder().waive(Control.KMS_ROTATION, WHY).build());
            ctx.export("bucketName", bucket.bucketName());
            ctx.export("keyArn", key.keyArn());
        }
    }

    /** The smaller program: the same key name, no waiver. */
    public static final class Plain {
        public static void stack(Context ctx) {
            meet();
            ctx.export("keyArn", new ManagedKey("shared", ManagedKeyArgs.builder().build()).keyArn());
        }
    }

    record Run(int exit, String out, String err, String waivingPlan, String plainPlan) {}

    static Run run(Path dir, int jobs) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = PlanCommand.run(new String[] {"--dir", dir.toString(), "--show", "tree",
                "waiving=" + Waiving.class.getName() + ",plain=" + Plain.class.getName()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                p -> List.of("after " + p.name()), jobs).exitCode;
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                Files.readString(dir.resolve("waiving/target/plan.json")), Files.readString(dir.resolve("plain/target/plan.json")));
    }

    @Test
    void twoProgramsPlannedAtOnceGiveTheSamePlansAndReportAsOneAfterTheOther(@TempDir Path dir) throws Exception {
        together = new CountDownLatch(0);
        Run sequential = run(dir, 1);

        threads.clear();
        together = new CountDownLatch(2); // each program waits for the other: they must run at once
        Run parallel = run(dir, 2);

        assertThat(parallel.exit()).isZero();
        assertThat(parallel.err()).isEmpty();
        assertThat(threads).as("each program ran on a thread of its own run").hasSize(2);
        assertThat(parallel.out()).isEqualTo(sequential.out());
        assertThat(parallel.out().indexOf("== waiving")).isLessThan(parallel.out().indexOf("after waiving"))
                .isLessThan(parallel.out().indexOf("== plain"));
        assertThat(parallel.waivingPlan()).isEqualTo(sequential.waivingPlan());
        assertThat(parallel.plainPlan()).isEqualTo(sequential.plainPlan());

        // waivers stay with the program that wrote them
        Plan waiving = Plan.fromJson(parallel.waivingPlan());
        Plan plain = Plan.fromJson(parallel.plainPlan());
        assertThat(waiving.resource("shared-key").getWaivers()).extracting(w -> w.getControl()).containsExactly(Control.KMS_ROTATION);
        assertThat(plain.resource("shared-key").getWaivers()).isEmpty();
        assertThat(plain.getResources()).allSatisfy(r -> assertThat(r.getWaivers()).isEmpty());
    }

    @Test
    void aFailingPlanIsReportedInItsPlaceWhileTheOthersArePlanned(@TempDir Path dir) {
        together = new CountDownLatch(0);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = PlanCommand.run(new String[] {"--dir", dir.toString(), "--show", "summary",
                "broken=" + PlanCommandTest.BrokenApp.class.getName(), "plain=" + Plain.class.getName()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                p -> List.of(), 2).exitCode;
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("mlinfra: example 'broken' failed to plan:");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("== plain (");
    }
}
