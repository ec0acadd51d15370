package io.github.mlinfra.examples.plans.bench;

import com.pulumi.core.Output;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanOptions;
import io.github.mlinfra.storage.SecureCheckpointBucket;
import io.github.mlinfra.storage.SecureCheckpointBucketArgs;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.management.ObjectName;

/**
 * Heap probe (outside the test suite, like {@link PlanBenchmark}): plans N SecureCheckpointBucket and
 * writes two class histograms (each after a full GC, through the DiagnosticCommand MBean, as
 * {@code jcmd PID GC.class_histogram} would): {@code OUT.mid} once every bucket is registered (the
 * engine still holds its recording), {@code OUT.after} once the plan has returned (only the Plan is
 * held). Usage: {@code java -Xmx8g -cp CP io.github.mlinfra.examples.plans.bench.HeapProbe 1000 /tmp/h}.
 */
public final class HeapProbe {
    private HeapProbe() {}

    static String histogram() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram", new Object[] {null}, new String[] {String[].class.getName()});
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long t0 = System.nanoTime();
        Plan plan = PlanEngine.plan(ctx -> {
            List<Output<String>> names = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                names.add(new SecureCheckpointBucket("ckpt" + i, SecureCheckpointBucketArgs.builder().build()).bucketName());
            }
            ctx.export("probe", Output.all(names).applyValue(l -> {
                try {
                    Files.writeString(out.resolveSibling(out.getFileName() + ".mid"), histogram());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return "done";
            }));
        }, PlanOptions.builder().timeout(java.time.Duration.ofMinutes(60)).build());
        long wall = (System.nanoTime() - t0) / 1_000_000;
        Files.writeString(out.resolveSibling(out.getFileName() + ".after"), histogram());
        System.out.println("resources " + plan.getResources().size() + " wall_ms " + wall);
    }
}
