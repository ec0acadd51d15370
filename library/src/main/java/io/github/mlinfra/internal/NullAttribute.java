package io.github.mlinfra.internal;

import io.github.mlinfra.InvalidArgsException;
import java.util.List;

/**
 * What a generated builder's setter throws when given {@code null} ({@code throwForNullPointer} of
 * {@link MlInfraStyle}), in the project's format instead of a bare {@code NullPointerException}:
 * {@code ManagedKeyArgs.alias: must not be null; got null; expected …}. Immutables hands over the
 * attribute's name ({@code alias}), or for a null inside a list or map the attribute's name
 * followed by {@code element}, {@code key} or {@code value for key: …}.
 */
public final class NullAttribute extends InvalidArgsException {
    private static final long serialVersionUID = 1L;

    /**
     * Called by the generated code only.
     *
     * @param message Immutables' description of the null: the attribute name, then what inside it is null
     */
    public NullAttribute(String message) {
        super(List.of(problem(ImmutablesHooks.valueType(), String.valueOf(message))));
    }

    private static Problem problem(String type, String message) {
        int space = message.indexOf(' ');
        if (space < 0) {
            return new Problem(type + "." + message, "must not be null", "null",
                    "a value, or the attribute left unset for its default");
        }
        return new Problem(type + "." + message.substring(0, space), "contains a null " + message.substring(space + 1),
                "null", "non-null elements, keys and values (a null one is never meaningful)");
    }
}
