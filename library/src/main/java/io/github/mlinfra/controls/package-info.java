/**
 * The registry of control ids ({@link io.github.mlinfra.controls.Control}) and the
 * {@link io.github.mlinfra.controls.Waiver} that turns one off by name with a justification.
 * A leaf package: components waive controls, guard rules implement them.
 */
package io.github.mlinfra.controls;
