package io.github.mlinfra.internal;

/**
 * Names the value type whose generated builder is throwing: the hooks of {@link MlInfraStyle}
 * ({@link MissingAttributes}, {@link NullAttribute}) are constructed by the generated code with
 * attribute names only, and read the type from the frame that throws
 * ({@code io.github.mlinfra.kms.ImmutableManagedKeyArgs$Builder} gives {@code ManagedKeyArgs}).
 */
final class ImmutablesHooks {
    private static final String PREFIX = "Immutable";
    private static final StackWalker WALKER = StackWalker.getInstance();

    private ImmutablesHooks() {}

    /**
     * The abstract value type of the nearest generated class on the stack.
     *
     * @return e.g. {@code ManagedKeyArgs}; {@code Args} when no generated class is on the stack
     */
    static String valueType() {
        return WALKER.walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(c -> c.startsWith("io.github.mlinfra.") && !c.startsWith("io.github.mlinfra.internal."))
                .map(c -> c.substring(c.lastIndexOf('.') + 1))
                .map(c -> c.indexOf('$') < 0 ? c : c.substring(0, c.indexOf('$')))
                .filter(c -> c.startsWith(PREFIX) && c.length() > PREFIX.length()
                        && Character.isUpperCase(c.charAt(PREFIX.length())))
                .map(c -> c.substring(PREFIX.length()))
                .findFirst()
                .orElse("Args"));
    }
}
