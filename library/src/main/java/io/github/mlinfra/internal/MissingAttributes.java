package io.github.mlinfra.internal;

import io.github.mlinfra.InvalidArgsException;
import java.util.Arrays;
import java.util.List;

/**
 * What a generated builder's {@code build()} throws when required attributes are not set
 * ({@code throwForInvalidImmutableState} of {@link MlInfraStyle}): Immutables hands over the names
 * of the missing attributes, so each becomes one line in the project's format, e.g.
 * {@code ServiceRoleArgs.service: required attribute not set; got nothing; expected a value}.
 */
public final class MissingAttributes extends InvalidArgsException {
    private static final long serialVersionUID = 1L;

    /**
     * Called by the generated code only.
     *
     * @param attributes the names of the required attributes not set, at least one
     */
    public MissingAttributes(String[] attributes) {
        super(Arrays.stream(attributes)
                .map(a -> new Problem(ImmutablesHooks.valueType() + "." + a, "required attribute not set", "nothing", "a value"))
                .toList());
    }

    /**
     * Called by the generated code only, when computing a default needs itself (defaults that read
     * each other in a cycle): a defect of the value type, reported in the same format.
     *
     * @param message Immutables' description of the cycle
     */
    public MissingAttributes(String message) {
        super(List.of(new Problem(ImmutablesHooks.valueType() + ".defaults", "cannot be computed (" + message + ")",
                "nothing", "defaults that do not depend on each other in a cycle")));
    }
}
