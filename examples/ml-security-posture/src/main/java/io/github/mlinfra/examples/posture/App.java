package io.github.mlinfra.examples.posture;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.mlinfra.kms.ManagedKey;
import io.github.mlinfra.kms.ManagedKeyArgs;
import io.github.mlinfra.network.Placement;
import io.github.mlinfra.network.PrivateNetwork;
import io.github.mlinfra.observability.AuditTrail;
import io.github.mlinfra.observability.AuditTrailArgs;
import io.github.mlinfra.network.PrivateNetworkArgs;
import io.github.mlinfra.sagemaker.HardenedNotebook;
import io.github.mlinfra.sagemaker.HardenedNotebookArgs;
import io.github.mlinfra.storage.SecureArtifactBucket;
import io.github.mlinfra.storage.SecureArtifactBucketArgs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Scenario 002: the security posture of an ML workload around a SageMaker notebook. */
public final class App {
    private App() {}

    /**
     * The stack: encryption (a customer-managed key), network (private VPC, endpoints, flow logs), audit
     * (CloudTrail), the notebook's data bucket, and the notebook with its least-privilege role and lifecycle script.
     *
     * @param ctx the Pulumi context
     */
    public static void stack(Context ctx) {
        var key = new ManagedKey("posture-key", ManagedKeyArgs.builder()
                .description("Encrypts the ML notebook volume and its data bucket").build());
        var network = new PrivateNetwork("posture-net", PrivateNetworkArgs.builder().build());
        new AuditTrail("posture-audit", AuditTrailArgs.builder().build());
        var data = new SecureArtifactBucket("posture-data", SecureArtifactBucketArgs.builder()
                .kmsKey(key).build());
        var notebook = new HardenedNotebook("posture-notebook", HardenedNotebookArgs.builder()
                .placement(Placement.in(network))
                .kmsKey(key)
                .onStartScript(onStartScript())
                .addGrants(data.grantReadArtifacts("datasets/"), data.grantWriteArtifacts("experiments/"))
                .build());
        ctx.export("notebook_instance_name", notebook.notebookName());
    }

    /**
     * The notebook's on-start lifecycle script ({@code src/main/resources/on-start.sh}): idempotent, and it
     * queues the Jupyter restart ({@code systemctl --no-block}) instead of waiting for a server that starts
     * only after the script returns.
     *
     * @return the script text
     */
    static String onStartScript() {
        return resource("/on-start.sh");
    }

    private static String resource(String path) {
        try (InputStream in = App.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the stack with the Pulumi engine. @param args ignored */
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }
}
