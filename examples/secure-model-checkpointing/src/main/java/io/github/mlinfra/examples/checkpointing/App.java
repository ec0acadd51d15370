package io.github.mlinfra.examples.checkpointing;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.mlinfra.storage.Retention;
import io.github.mlinfra.storage.SecureCheckpointBucket;
import io.github.mlinfra.storage.SecureCheckpointBucketArgs;

/**
 * Scenario 000, secure model checkpointing: one write-once checkpoint bucket. Object Lock
 * (GOVERNANCE, {@code retentionDays} from stack config, 30 by default), versioning, SSE-KMS with a
 * rotated customer-managed key and the bucket key, TLS 1.2+ only, Block Public Access, ACLs off,
 * lifecycle, server access logging, protected from {@code pulumi destroy}.
 */
public final class App {
    private App() {}

    /**
     * The stack.
     *
     * @param ctx the Pulumi context
     */
    public static void stack(Context ctx) {
        int retentionDays = ctx.config().getInteger("retentionDays").orElse(30);
        var checkpoints = new SecureCheckpointBucket("model-checkpoints", SecureCheckpointBucketArgs.builder()
                .retention(Retention.days(retentionDays))
                .putTags("scenario", "secure-model-checkpointing")
                .build());
        // The seed exported the bucket's public HTTPS endpoint; the bucket is private and reached
        // through the AWS SDK with IAM credentials, so we export what clients and roles need.
        ctx.export("checkpointBucketName", checkpoints.bucketName());
        ctx.export("checkpointBucketArn", checkpoints.bucketArn());
        ctx.export("checkpointKeyArn", checkpoints.keyArn());
    }

    /**
     * Runs the stack.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }
}
