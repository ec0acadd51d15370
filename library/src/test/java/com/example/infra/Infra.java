package com.example.infra;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.mlinfra.iam.ServiceRole;
import io.github.mlinfra.iam.ServiceRoleArgs;
import io.github.mlinfra.storage.Retention;
import io.github.mlinfra.storage.SecureCheckpointBucket;
import io.github.mlinfra.storage.SecureCheckpointBucketArgs;

public final class Infra {
    public static void main(String[] args) {
        Pulumi.run(Infra::stack);                 // pulumi up / preview run this
    }

    public static void stack(Context ctx) {      // mlinfra plan runs this, offline
        var checkpoints = new SecureCheckpointBucket("ckpt", SecureCheckpointBucketArgs.builder()
                .retention(Retention.days(30))                       // GOVERNANCE Object Lock, versioning,
                .build());                                           // SSE-KMS + rotated key, TLS 1.2+, logging
        var role = new ServiceRole("trainer", ServiceRoleArgs.builder()
                .service("sagemaker.amazonaws.com")
                .addGrants(checkpoints.grantWriteCheckpoints("runs/"))  // prefix-scoped, KMS included
                .build());
        ctx.export("bucket", checkpoints.bucketName());
        ctx.export("roleArn", role.roleArn());
    }
}
