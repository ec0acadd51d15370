/**
 * mlinfra: secure-by-default ML-infrastructure components for Pulumi on AWS.
 *
 * <p>Components live in one package per domain ({@code kms}, {@code storage}, {@code network},
 * {@code compute}, {@code sagemaker}, {@code iam}); {@code policy} holds typed IAM policy
 * documents, {@code controls} the registry of control ids, {@code plan} the offline plan engine and
 * {@code guard} the posture rules. This package holds only the error type every component throws.
 */
package io.github.mlinfra;
