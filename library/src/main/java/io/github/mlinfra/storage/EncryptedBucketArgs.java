package io.github.mlinfra.storage;

import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.kms.KeyReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The arguments the SSE-KMS buckets share; {@link HardenedBucket.Spec#of} reads them once for both. */
interface EncryptedBucketArgs {
    Optional<String> getBucketName();

    Optional<String> getBucketPrefix();

    Optional<KeyReference> getKmsKey();

    Optional<BucketReference> getAccessLogBucket();

    String getAccessLogPrefix();

    int getNoncurrentVersionExpirationDays();

    Map<String, String> getTags();

    List<Waiver> getWaivers();
}
