/**
 * Service roles with least-privilege inline policies assembled from components' grants
 * ({@link io.github.mlinfra.iam.ServiceRole}, {@link io.github.mlinfra.iam.Grant}), and the one
 * allowlist of actions AWS accepts only on {@code Resource: "*"}
 * ({@link io.github.mlinfra.iam.StarOnlyActions}).
 */
package io.github.mlinfra.iam;
