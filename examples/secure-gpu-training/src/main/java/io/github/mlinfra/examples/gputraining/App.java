package io.github.mlinfra.examples.gputraining;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.mlinfra.compute.DataVolume;
import io.github.mlinfra.compute.HardenedGpuTrainer;
import io.github.mlinfra.compute.HardenedGpuTrainerArgs;
import io.github.mlinfra.network.Placement;
import io.github.mlinfra.network.PrivateNetwork;
import io.github.mlinfra.network.PrivateNetworkArgs;
import io.github.mlinfra.storage.SecureArtifactBucket;
import io.github.mlinfra.storage.SecureArtifactBucketArgs;
import io.github.mlinfra.storage.SecureCheckpointBucket;
import io.github.mlinfra.storage.SecureCheckpointBucketArgs;
import java.util.ArrayList;

/** Seed 003: a hardened GPU training instance in a private VPC, reached through SSM only. */
public final class App {
    private App() {}

    /** GPU, memory and disk metrics every minute, in the "Trainers" namespace. */
    static final String AGENT_CONFIG = "{\"metrics\": {\"namespace\": \"Trainers\", \"metrics_collected\": {"
            + "\"nvidia_gpu\": {\"measurement\": [\"utilization_gpu\", \"memory_used\", \"temperature_gpu\"]},"
            + "\"mem\": {\"measurement\": [\"mem_used_percent\"]}, \"disk\": {\"measurement\": [\"used_percent\"]}}}}";

    /**
     * The stack.
     *
     * @param ctx the Pulumi context
     */
    public static void stack(Context ctx) {
        var endpoints = new ArrayList<>(PrivateNetworkArgs.DEFAULT_INTERFACE_ENDPOINTS);
        endpoints.add("monitoring"); // the CloudWatch agent's metrics, through PrivateLink
        var net = new PrivateNetwork("training", PrivateNetworkArgs.builder().interfaceEndpointServices(endpoints).build());
        var datasets = new SecureArtifactBucket("datasets", SecureArtifactBucketArgs.builder().build());
        var checkpoints = new SecureCheckpointBucket("checkpoints", SecureCheckpointBucketArgs.builder().build());

        var trainer = new HardenedGpuTrainer("trainer", HardenedGpuTrainerArgs.builder()
                .placement(Placement.in(net)) // its subnet, endpoints and S3 path; the instance boots only once they exist
                .instanceType(ctx.config().get("instanceType").orElse("g5.2xlarge"))
                .addDataVolumes(DataVolume.of(50, "/dev/sdh"))
                .cloudWatchAgentConfig(AGENT_CONFIG)
                .addGrants(datasets.grantReadArtifacts(""), checkpoints.grantWriteCheckpoints("runs/"))
                .build());

        ctx.export("instanceId", trainer.instanceId());
        ctx.export("privateIp", trainer.privateIp());
        ctx.export("roleArn", trainer.roleArn());
        ctx.export("securityGroupId", trainer.securityGroupId());
        ctx.export("volumeKeyArn", trainer.keyArn());
        ctx.export("datasetBucket", datasets.bucketName());
        ctx.export("checkpointBucket", checkpoints.bucketName());
    }

    /**
     * Runs the stack.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }
}
