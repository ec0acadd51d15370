package io.github.mlinfra;

import io.github.mlinfra.internal.Check;
import org.immutables.value.Value;

/**
 * The base of every validated value type of the library (each {@code *Args}, the policy model,
 * the pipeline steps, {@link io.github.mlinfra.controls.Waiver}…): its {@code build()} reports
 * every problem of the value in one {@link InvalidArgsException}, one line per attribute, in the
 * project's format ({@code <Type>.<attribute>: <problem>; got <value>; expected <what is
 * allowed>}), before anything is created from it.
 *
 * <p>Immutables calls {@link #checkAll()} from every generated {@code build()}; it runs the
 * type's own {@link #check()} with the problems collected rather than thrown one at a time. A
 * required attribute left unset, or a {@code null} given to a setter, is refused earlier, in the
 * same format (see {@code MlInfraStyle}).
 */
public abstract class CheckedValue {
    /** For the library's value types. */
    protected CheckedValue() {}

    /**
     * Runs {@link #check()}, reporting every problem it finds in one exception. Called by the
     * generated {@code build()}; not meant to be called again.
     *
     * @throws InvalidArgsException listing every problem found
     */
    @Value.Check
    protected final void checkAll() {
        Check.build(getClass().getSimpleName(), () -> {
            check();
            return this;
        });
    }

    /**
     * Validates the values of this type. Each problem goes through
     * {@link io.github.mlinfra.internal.Check#fail} (or the checks built on it), which records it
     * and lets the check go on to the next.
     */
    protected abstract void check();
}
