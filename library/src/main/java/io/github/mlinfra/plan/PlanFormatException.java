package io.github.mlinfra.plan;

/**
 * A document the plan readers cannot use: not JSON, or not one of the shapes they read (an mlinfra
 * plan, a {@code pulumi stack export}, a file-backend state file, {@code pulumi preview --json}
 * output), or one whose structure breaks that shape (an array where an object belongs, a resource
 * with no {@code urn}). The message names what is wrong and where, in one line.
 *
 * <p>This is the only exception the command line reports as unusable input (exit status 2): any
 * other exception thrown while a document is checked is a bug in mlinfra (exit status 3), never
 * "bad input".
 */
public final class PlanFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the document and where, in one line
     */
    public PlanFormatException(String message) {
        super(message);
    }

    /**
     * What a JSON node is, for messages: {@code an array}, {@code an object}, {@code null},
     * {@code a string}, {@code a number}, {@code a boolean}.
     *
     * @param n the node
     * @return its kind, with an article
     */
    public static String kind(com.fasterxml.jackson.databind.JsonNode n) {
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isNull()) {
            return "null";
        }
        return n.isTextual() ? "a string" : n.isNumber() ? "a number" : n.isBoolean() ? "a boolean" : "a " + n.getNodeType();
    }
}
