package io.github.mlinfra.storage;

import com.pulumi.core.Output;
import io.github.mlinfra.controls.Waiver;
import java.util.List;
import java.util.Optional;

/** The arguments the SSE-KMS buckets share; {@link HardenedBucket.Spec#of} reads them once for both. */
interface EncryptedBucketArgs extends BucketArgs {
    Optional<Output<String>> getKmsKeyArn();

    Optional<Output<String>> getAccessLogBucketName();

    String getAccessLogPrefix();

    List<Waiver> getWaivers();
}
