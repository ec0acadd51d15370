/**
 * Typed IAM policy documents: {@link io.github.mlinfra.policy.PolicyDocument},
 * {@link io.github.mlinfra.policy.Statement}, {@link io.github.mlinfra.policy.Principal} and
 * {@link io.github.mlinfra.policy.Condition}, built as immutable values, validated on build,
 * serialized by Jackson to the exact AWS grammar, parsed back, and rendered to
 * {@code Output<String>} when ARNs are known only at deployment time (no invoke).
 */
package io.github.mlinfra.policy;
