package io.github.mlinfra.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.test.Mocks;
import io.github.mlinfra.iam.ServiceRole;
import io.github.mlinfra.iam.ServiceRoleArgs;
import io.github.mlinfra.kms.ManagedKey;
import io.github.mlinfra.kms.ManagedKeyArgs;
import io.github.mlinfra.storage.SecureArtifactBucket;
import io.github.mlinfra.storage.SecureArtifactBucketArgs;
import io.github.mlinfra.storage.SecureCheckpointBucket;
import io.github.mlinfra.storage.SecureCheckpointBucketArgs;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Account and region are looked up once per run and provider, not once per component. */
class InvokeCountTest {
    static final String IDENTITY = "aws:index/getCallerIdentity:getCallerIdentity";
    static final String REGION = "aws:index/getRegion:getRegion";

    /** The invokes the engine answered in one plan, by token. */
    static Map<String, Integer> invokes(Consumer<Context> program) {
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        PlanEngine.plan(program, PlanOptions.defaults(), inner -> new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                return inner.newResourceAsync(args);
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                counts.computeIfAbsent(args.token, t -> new AtomicInteger()).incrementAndGet();
                return inner.callAsync(args);
            }
        });
        Map<String, Integer> out = new java.util.TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Like the examples: checkpoint and artifact buckets (each with its key and log bucket), a key, a role. */
    static void exampleLike(Context ctx) {
        for (int i = 0; i < 3; i++) {
            new SecureCheckpointBucket("ckpt" + i, SecureCheckpointBucketArgs.builder().build());
        }
        var artifacts = new SecureArtifactBucket("artifacts", SecureArtifactBucketArgs.builder().build());
        new ManagedKey("data", ManagedKeyArgs.builder().build());
        new ServiceRole("job", ServiceRoleArgs.builder().service("sagemaker.amazonaws.com")
                .addGrants(artifacts.grantReadArtifacts("models/")).build());
    }

    @Test
    void onePlanOfManyComponentsLooksUpAccountAndRegionOnce() {
        Map<String, Integer> counts = invokes(InvokeCountTest::exampleLike);
        // before: each component looked up on its own (ckpt0..2, artifacts, their keys and log buckets, ...)
        assertThat(counts.get(IDENTITY)).isEqualTo(1);
        assertThat(counts.getOrDefault(REGION, 0)).isLessThanOrEqualTo(1);
        assertThat(counts).doesNotContainKey("aws:index/getPartition:getPartition");
    }

    @Test
    void aComponentUnderAnotherProviderLooksUpItsOwnAccount() {
        Map<String, Integer> counts = invokes(ctx -> {
            exampleLike(ctx);
            var eu = new Provider("eu", ProviderArgs.builder().region("eu-west-1").build());
            new SecureCheckpointBucket("eu-ckpt", SecureCheckpointBucketArgs.builder().build(),
                    ComponentResourceOptions.builder().providers(eu).build());
            new SecureCheckpointBucket("eu-ckpt2", SecureCheckpointBucketArgs.builder().build(),
                    ComponentResourceOptions.builder().providers(eu).build());
        });
        assertThat(counts.get(IDENTITY)).isEqualTo(2);
    }

    @Test
    void eachRunStartsWithItsOwnLookups() {
        assertThat(invokes(InvokeCountTest::exampleLike).get(IDENTITY)).isEqualTo(1);
        assertThat(invokes(InvokeCountTest::exampleLike).get(IDENTITY)).isEqualTo(1);
    }
}
