/**
 * Hardened S3 buckets: {@link io.github.mlinfra.storage.SecureCheckpointBucket} (Object Lock,
 * write-once checkpoints), {@link io.github.mlinfra.storage.SecureArtifactBucket} (SSE-KMS with
 * key pinning) and {@link io.github.mlinfra.storage.AccessLogBucket} (server access log target).
 */
package io.github.mlinfra.storage;
