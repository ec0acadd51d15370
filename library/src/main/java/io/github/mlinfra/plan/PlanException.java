package io.github.mlinfra.plan;

import java.util.List;

/**
 * The program could not be planned: it threw, a resource or invoke failed, an input stayed
 * unresolved, or it did not finish in time. The message names the resource, input or invoke.
 */
public final class PlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The individual problems, one line each. */
    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param problems one line per problem
     * @param cause the first underlying exception, if any
     */
    public PlanException(List<String> problems, Throwable cause) {
        super(String.join("\n", problems), cause);
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems, one line each.
     *
     * @return the problems
     */
    public List<String> problems() {
        return problems;
    }
}
