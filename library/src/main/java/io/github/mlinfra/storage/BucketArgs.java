package io.github.mlinfra.storage;

import java.util.Map;
import java.util.Optional;

/**
 * The arguments every hardened bucket has, access-log targets included;
 * {@link HardenedBucket.Spec#of(String, String, BucketArgs)} reads them once for all.
 */
interface BucketArgs {
    Optional<String> getBucketName();

    Optional<String> getBucketPrefix();

    int getNoncurrentVersionExpirationDays();

    Map<String, String> getTags();
}
