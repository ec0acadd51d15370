package io.github.mlinfra.storage;

import io.github.mlinfra.controls.Waivable;
import io.github.mlinfra.kms.KeyReference;
import java.util.Optional;

/** The arguments the SSE-KMS buckets share; {@link HardenedBucket.Spec#of} reads them once for both. */
interface EncryptedBucketArgs extends BucketArgs, Waivable {
    Optional<KeyReference> getKmsKey();

    Optional<BucketReference> getAccessLogBucket();

    String getAccessLogPrefix();
}
