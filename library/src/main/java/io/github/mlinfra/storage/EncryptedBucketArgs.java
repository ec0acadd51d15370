package io.github.mlinfra.storage;

import com.pulumi.core.Output;
import io.github.mlinfra.controls.Waivable;
import java.util.Map;
import java.util.Optional;

/** The arguments the SSE-KMS buckets share; {@link HardenedBucket.Spec#of} reads them once for both. */
interface EncryptedBucketArgs extends Waivable {
    Optional<String> getBucketName();

    Optional<String> getBucketPrefix();

    Optional<Output<String>> getKmsKeyArn();

    Optional<Output<String>> getAccessLogBucketName();

    String getAccessLogPrefix();

    int getNoncurrentVersionExpirationDays();

    Map<String, String> getTags();
}
