package io.github.mlinfra.storage;

import com.pulumi.core.Output;
import io.github.mlinfra.controls.Waivable;
import java.util.Optional;

/** The arguments the SSE-KMS buckets share; {@link HardenedBucket.Spec#of} reads them once for both. */
interface EncryptedBucketArgs extends BucketArgs, Waivable {
    Optional<Output<String>> getKmsKeyArn();

    Optional<Output<String>> getAccessLogBucketName();

    String getAccessLogPrefix();
}
