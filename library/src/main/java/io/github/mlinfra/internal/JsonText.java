package io.github.mlinfra.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlinfra.InvalidArgsException;

/**
 * Parsing JSON text a user gives (a policy document, a pipeline definition): Jackson's parse error
 * becomes the project's error format, {@code <Type>: not JSON (<Jackson's message>); got <shown>;
 * expected <what is allowed>}. Writing needs no helper: {@link JsonNode#toString()} is Jackson's
 * compact JSON with its default settings.
 */
public final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {}

    /**
     * Parses JSON text into a tree.
     *
     * @param json the text
     * @param argument the type or attribute named in the error, e.g. {@code PolicyDocument}
     * @param shown the text as the error shows it (abbreviated, through {@link Check#show})
     * @param expected what is allowed, as the error says it
     * @return the tree; for an empty text, Jackson's missing node
     * @throws InvalidArgsException when the text is not JSON
     */
    public static JsonNode parse(String json, String argument, String shown, String expected) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidArgsException(argument, "not JSON (" + e.getOriginalMessage() + ")", shown, expected);
        }
    }
}
