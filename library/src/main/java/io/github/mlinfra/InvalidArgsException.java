package io.github.mlinfra;

import java.util.Objects;

/**
 * Thrown when a component's arguments are invalid, before any resource is registered.
 *
 * <p>Every message has one format:
 * {@code <Args>.<attribute>: <what is wrong>; got <value>; expected <allowed>}. A secret argument
 * prints as {@code [secret] (<n> bytes)}, never its value.
 */
public final class InvalidArgsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The args type and attribute, e.g. {@code SecureCheckpointBucketArgs.retentionDays}. */
    private final String argument;

    /**
     * Creates the exception.
     *
     * @param argument the args type and attribute, e.g. {@code ManagedKeyArgs.deletionWindowDays}
     * @param problem what is wrong, e.g. {@code outside the allowed range}
     * @param got the value given, already rendered (quoted strings, redacted secrets)
     * @param expected what is allowed
     */
    public InvalidArgsException(String argument, String problem, String got, String expected) {
        super(argument + ": " + problem + "; got " + got + "; expected " + expected);
        this.argument = Objects.requireNonNull(argument);
    }

    /**
     * The args type and attribute the error is about.
     *
     * @return e.g. {@code SecureCheckpointBucketArgs.retentionDays}
     */
    public String argument() {
        return argument;
    }
}
