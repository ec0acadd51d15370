/**
 * The posture rules, each implementing one control of {@link io.github.mlinfra.controls.Control};
 * {@link io.github.mlinfra.guard.rules.Rules#all()} is the registry. A rule with logic of its own is
 * a class of its own; a rule that judges one resource by its own inputs is declared as an
 * {@code InputRule} in its family's list ({@code InstanceRules}, {@code ServiceRules}), and a rule
 * that looks for one statement in a bucket's policies as a {@code BucketPolicyRule}
 * ({@code BucketPolicyRules}); {@code VpcEndpointsRule} and {@code ScriptSecretsRule} each serve two
 * controls. Those declared rules keep their rationale in {@code rationales.json}.
 */
package io.github.mlinfra.guard.rules;
