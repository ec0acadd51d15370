/**
 * Account-level audit: {@link io.github.mlinfra.observability.AuditTrail}, a multi-region,
 * KMS-encrypted, validated CloudTrail trail with a hardened bucket and a CloudWatch Logs copy.
 */
package io.github.mlinfra.observability;
