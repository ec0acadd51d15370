/**
 * Posture rules over plans: {@link io.github.mlinfra.guard.Guard} runs the rules of a pack
 * ({@link io.github.mlinfra.guard.RulePack}) over a {@link io.github.mlinfra.plan.Plan} (ours, or
 * one read from {@code pulumi stack export} / {@code pulumi preview --json} by
 * {@link io.github.mlinfra.guard.PlanReaders}), applies waivers and
 * {@link io.github.mlinfra.guard.Suppression}s, and writes the
 * {@link io.github.mlinfra.guard.PostureReport} as a console table, JSON or SARIF 2.1.0
 * ({@link io.github.mlinfra.guard.Reports}). The same rules block a live {@code pulumi up} through
 * {@link io.github.mlinfra.guard.Guard#transformation()}.
 */
package io.github.mlinfra.guard;
