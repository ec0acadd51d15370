package io.github.mlinfra.internal;

import io.github.mlinfra.InvalidArgsException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.function.Supplier;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure static validators shared by every args type. Each throws {@link InvalidArgsException} in
 * the project's one format. Testable without Pulumi.
 */
public final class Check {
    private static final Pattern MISSING = Pattern.compile("required attributes are not set \\[([^\\]]*)\\]");

    private Check() {}

    /**
     * Renders a value for an error message: strings quoted, {@code null} as {@code null}.
     *
     * @param value the value
     * @return its rendering
     */
    public static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence) {
            return "\"" + value + "\"";
        }
        if (value instanceof Collection<?> c) {
            var sb = new StringBuilder("[");
            var first = true;
            for (Object o : c) {
                if (!first) {
                    sb.append(", ");
                }
                sb.append(show(o));
                first = false;
            }
            return sb.append(']').toString();
        }
        return String.valueOf(value);
    }

    /**
     * Renders a secret for an error message: its length only.
     *
     * @param secret the secret text
     * @return {@code [secret] (<n> bytes)}
     */
    public static String showSecret(String secret) {
        int n = secret == null ? 0 : secret.getBytes(StandardCharsets.UTF_8).length;
        return "[secret] (" + n + " bytes)";
    }

    /**
     * Fails with the project's message format.
     *
     * @param argument {@code <Args>.<attribute>}
     * @param problem what is wrong
     * @param got the value given (rendered with {@link #show(Object)})
     * @param expected what is allowed
     * @return never returns; declared so callers can {@code throw Check.fail(...)}
     */
    public static InvalidArgsException fail(String argument, String problem, Object got, String expected) {
        throw new InvalidArgsException(argument, problem, show(got), expected);
    }

    /**
     * Requires a whole number in a closed range.
     *
     * @param argument {@code <Args>.<attribute>}
     * @param value the value
     * @param min the smallest allowed
     * @param max the largest allowed
     * @param unit the unit for the message, e.g. {@code days}
     */
    public static void range(String argument, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            fail(argument, "outside the allowed range", value, min + " to " + max + " " + unit);
        }
    }

    /**
     * Requires a string to match a pattern entirely.
     *
     * @param argument {@code <Args>.<attribute>}
     * @param value the value
     * @param pattern the pattern
     * @param expected what is allowed, in words
     */
    public static void matches(String argument, String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            fail(argument, "malformed", value, expected);
        }
    }

    /**
     * Requires a non-blank string.
     *
     * @param argument {@code <Args>.<attribute>}
     * @param value the value
     */
    public static void notBlank(String argument, String value) {
        if (value == null || value.isBlank()) {
            fail(argument, "must not be empty", value, "a non-empty value");
        }
    }

    /**
     * Runs an Immutables {@code build()} and rewrites its own messages (a required attribute not
     * set) into the project's format; the project's own exceptions pass through unchanged.
     *
     * @param argsName the args type, e.g. {@code ManagedKeyArgs}
     * @param builder the builder, whose lists and maps are checked for null elements first
     * @param build the generated builder's build call
     * @param <T> the args type
     * @return the built value
     */
    public static <T> T build(String argsName, Object builder, Supplier<T> build) {
        // a null element in a list or map is reported before the type's own checks read it
        for (Class<?> k = builder.getClass(); k != null && k != Object.class; k = k.getSuperclass()) {
            for (java.lang.reflect.Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())
                        || !(Collection.class.isAssignableFrom(f.getType()) || java.util.Map.class.isAssignableFrom(f.getType()))) {
                    continue;
                }
                Object v;
                try {
                    f.setAccessible(true);
                    v = f.get(builder);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                if (hasNullInside(v)) {
                    throw new InvalidArgsException(argsName + "." + f.getName(), "contains null", show(v),
                            "non-null elements (a null element, key or value is never meaningful)");
                }
            }
        }
        return build(argsName, build);
    }

    /**
     * Runs an Immutables {@code build()} as {@link #build(String, Object, Supplier)} does, without
     * looking into a builder first.
     *
     * @param argsName the args type, e.g. {@code ManagedKeyArgs}
     * @param build the generated builder's build call
     * @param <T> the args type
     * @return the built value
     */
    public static <T> T build(String argsName, Supplier<T> build) {
        T value;
        try {
            value = build.get();
        } catch (InvalidArgsException e) {
            throw e;
        } catch (IllegalStateException | NullPointerException e) {
            String msg = String.valueOf(e.getMessage());
            Matcher m = MISSING.matcher(msg);
            if (m.find()) {
                String first = m.group(1).split(",")[0].trim();
                throw new InvalidArgsException(argsName + "." + first,
                        "required attribute not set", "nothing", "a value (required attributes: " + m.group(1) + ")");
            }
            throw new InvalidArgsException(argsName, "invalid arguments (" + msg + ")", "null", "non-null values");
        }
        rejectNulls(argsName, value);
        return value;
    }

    /**
     * Refuses an attribute set to {@code null}: the argument types ({@link MlInfraArgsStyle}) leave
     * the null check to {@code build()}, so a setter given {@code null} is reported here, in the
     * project's format, instead of as a bare {@code NullPointerException} at the call site.
     */
    private static boolean hasNullInside(Object v) {
        return v instanceof Collection<?> c && c.stream().anyMatch(java.util.Objects::isNull)
                || v instanceof java.util.Map<?, ?> map && (map.keySet().stream().anyMatch(java.util.Objects::isNull)
                        || map.values().stream().anyMatch(java.util.Objects::isNull));
    }

    private static void rejectNulls(String argsName, Object value) {
        if (value == null) {
            return;
        }
        List<Method> accessors = new ArrayList<>();
        for (Method m : value.getClass().getMethods()) {
            String n = m.getName();
            boolean getter = (n.startsWith("get") && n.length() > 3) || (n.startsWith("is") && n.length() > 2);
            if (getter && m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                    && !m.getReturnType().isPrimitive() && m.getDeclaringClass() != Object.class
                    && m.getDeclaringClass().getName().startsWith("io.github.mlinfra.")) {
                accessors.add(m);
            }
        }
        accessors.sort(java.util.Comparator.comparing(Method::getName));
        for (Method m : accessors) {
            Object v;
            try {
                m.setAccessible(true);
                v = m.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue; // a derived accessor that cannot be read is not an attribute set to null
            }
            String n = m.getName().startsWith("get") ? m.getName().substring(3) : m.getName().substring(2);
            String attribute = Character.toLowerCase(n.charAt(0)) + n.substring(1);
            if (v == null) {
                throw new InvalidArgsException(argsName + "." + attribute, "must not be null", "null",
                        "a value, or the attribute left unset for its default");
            }
            if (hasNullInside(v)) {
                throw new InvalidArgsException(argsName + "." + attribute, "contains null", show(v),
                        "non-null elements (a null element, key or value is never meaningful)");
            }
        }
    }
}
