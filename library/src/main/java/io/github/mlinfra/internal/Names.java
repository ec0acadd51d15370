package io.github.mlinfra.internal;

/**
 * Checks a component's logical name before it reaches the engine. Java 17 allows nothing before
 * {@code super(...)}, so each component calls it inside the argument:
 * {@code super(TYPE, Names.check(TYPE, name), options)}. Without it a null or empty name does not
 * fail: the SDK's registration never completes and the plan waits until it times out.
 */
public final class Names {
    private Names() {}

    /**
     * Returns the name when it is usable as a Pulumi resource name.
     *
     * @param type the component's type token, e.g. {@code mlinfra:storage:SecureCheckpointBucket}
     * @param name the logical name given to the component
     * @return {@code name}, unchanged
     * @throws io.github.mlinfra.InvalidArgsException {@code <Component>.name: …} when the name is null or empty
     */
    public static String check(String type, String name) {
        if (name == null || name.isEmpty()) {
            String component = type.substring(type.lastIndexOf(':') + 1);
            throw Check.fail(component + ".name", name == null ? "a component name is required" : "must not be empty",
                    name, "a non-empty name, unique among the stack's resources of this type");
        }
        return name;
    }
}
