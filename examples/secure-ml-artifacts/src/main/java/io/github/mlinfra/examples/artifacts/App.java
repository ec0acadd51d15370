package io.github.mlinfra.examples.artifacts;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.mlinfra.storage.SecureArtifactBucket;
import io.github.mlinfra.storage.SecureArtifactBucketArgs;

/**
 * Scenario 001, securing ML artifacts on S3: a versioned bucket encrypted with a rotated,
 * aliased customer-managed key (bucket key on), whose policy denies uploads naming another key,
 * SSE-C, SSE-S3 overrides and non-TLS access, with Block Public Access, ACLs off, lifecycle and
 * server access logging. Uploads without encryption headers still work: default encryption uses
 * the pinned key.
 */
public final class App {
    private App() {}

    /**
     * The stack.
     *
     * @param ctx the Pulumi context
     */
    public static void stack(Context ctx) {
        var artifacts = new SecureArtifactBucket("ml-artifacts", SecureArtifactBucketArgs.builder()
                .putTags("scenario", "secure-ml-artifacts")
                .build());
        ctx.export("bucketName", artifacts.bucketName());
        ctx.export("kmsKeyArn", artifacts.keyArn());
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
