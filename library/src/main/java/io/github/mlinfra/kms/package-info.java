/**
 * {@link io.github.mlinfra.kms.ManagedKey}: customer-managed KMS keys with rotation, a 30-day
 * deletion window, an explicit key policy and protection from deletion.
 */
package io.github.mlinfra.kms;
