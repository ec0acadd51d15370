package io.github.mlinfra.guard;

/**
 * Thrown by {@link Guard#transformation()} to stop a run before a non-compliant resource is
 * created. The message names the resource, the rule and the problem.
 */
public final class GuardViolationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message {@code resource <type> '<name>' violates <rule> (<title>): <problem>}
     */
    public GuardViolationException(String message) {
        super(message);
    }
}
