/**
 * The posture rules, one per file, each implementing one control of
 * {@link io.github.mlinfra.controls.Control}; {@link io.github.mlinfra.guard.rules.Rules#all()} is
 * the registry.
 */
package io.github.mlinfra.guard.rules;
