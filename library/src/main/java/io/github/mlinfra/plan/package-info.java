/**
 * The offline plan engine: {@link io.github.mlinfra.plan.PlanEngine} runs a Pulumi Java program
 * through the SDK's own mock engine with AWS-aware answers and returns a
 * {@link io.github.mlinfra.plan.Plan}, written as deterministic JSON.
 */
package io.github.mlinfra.plan;
