package io.github.mlinfra;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown when a component's arguments are invalid, before any resource is registered.
 *
 * <p>Every problem is reported on one line in one format:
 * {@code <Args>.<attribute>: <what is wrong>; got <value>; expected <allowed>}. A secret argument
 * prints as {@code [secret] (<n> bytes)}, never its value. An args type's {@code build()} reports
 * every problem it finds in one exception (one line per attribute, the first problem found for
 * it), so a user fixes them all in one round: {@link #problems()} lists them, and the message is
 * their lines joined by a line break.
 *
 * <p>Subclasses exist only inside the library (the hooks the generated builders throw through);
 * callers catch this type.
 */
public class InvalidArgsException extends IllegalArgumentException {
    private static final long serialVersionUID = 2L;

    /** The problems, at least one, in the order they were found. */
    private final List<Problem> problems;

    /**
     * One problem with one attribute.
     *
     * @param argument the args type and attribute, e.g. {@code ManagedKeyArgs.deletionWindowDays}
     * @param problem what is wrong, e.g. {@code outside the allowed range}
     * @param got the value given, already rendered (quoted strings, redacted secrets)
     * @param expected what is allowed
     * @serial exclude
     */
    public record Problem(String argument, String problem, String got, String expected) implements java.io.Serializable {
        /**
         * Requires every part.
         *
         * @param argument the args type and attribute
         * @param problem what is wrong
         * @param got the value given, rendered
         * @param expected what is allowed
         */
        public Problem {
            Objects.requireNonNull(argument, "argument");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(got, "got");
            Objects.requireNonNull(expected, "expected");
        }

        /**
         * The problem in the project's format.
         *
         * @return {@code <Args>.<attribute>: <what is wrong>; got <value>; expected <allowed>}
         */
        public String line() {
            return argument + ": " + problem + "; got " + got + "; expected " + expected;
        }
    }

    /**
     * Creates the exception for one problem.
     *
     * @param argument the args type and attribute, e.g. {@code ManagedKeyArgs.deletionWindowDays}
     * @param problem what is wrong, e.g. {@code outside the allowed range}
     * @param got the value given, already rendered (quoted strings, redacted secrets)
     * @param expected what is allowed
     */
    public InvalidArgsException(String argument, String problem, String got, String expected) {
        this(List.of(new Problem(argument, problem, got, expected)));
    }

    /**
     * Creates the exception for one or more problems.
     *
     * @param problems the problems, at least one, in the order they were found
     * @throws IllegalArgumentException when {@code problems} is empty
     */
    public InvalidArgsException(List<Problem> problems) {
        super(lines(problems));
        this.problems = List.copyOf(problems);
    }

    private static String lines(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidArgsException needs at least one problem");
        }
        return problems.stream().map(Problem::line).collect(Collectors.joining("\n"));
    }

    /**
     * The problems, in the order they were found.
     *
     * @return at least one problem; unmodifiable
     */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * The args type and attribute of the first problem.
     *
     * @return e.g. {@code SecureCheckpointBucketArgs.retentionDays}
     */
    public String argument() {
        return problems.get(0).argument();
    }
}
