package io.github.mlinfra.internal;

import io.github.mlinfra.InvalidArgsException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.function.Supplier;
import io.github.mlinfra.InvalidArgsException.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Pure static validators shared by every args type. Each throws {@link InvalidArgsException} in
 * the project's one format. Testable without Pulumi.
 */
public final class Check {
    /** The problems recorded by the builds running on this thread, innermost first. */
    private static final ThreadLocal<Deque<List<Problem>>> SCOPES = ThreadLocal.withInitial(ArrayDeque::new);

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
     * Fails with the project's message format. Outside {@link #build(String, Supplier)} it throws;
     * inside (an args type's {@link io.github.mlinfra.CheckedValue#check()}), it records the problem for the one exception
     * {@code build} throws at the end and returns, so the check goes on to find the others.
     *
     * @param argument {@code <Args>.<attribute>}
     * @param problem what is wrong
     * @param got the value given (rendered with {@link #show(Object)})
     * @param expected what is allowed
     * @return the exception, inside {@code build} only; a check that cannot go on after this
     *     problem writes {@code throw Check.fail(...)}
     * @throws InvalidArgsException outside {@code build}
     */
    public static InvalidArgsException fail(String argument, String problem, Object got, String expected) {
        var e = new InvalidArgsException(argument, problem, show(got), expected);
        Deque<List<Problem>> scopes = SCOPES.get();
        if (scopes.isEmpty()) {
            SCOPES.remove();
            throw e;
        }
        scopes.peek().addAll(e.problems());
        return e;
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
     * Builds an args value and reports every problem found in one {@link InvalidArgsException}.
     *
     * <p>While {@code build} runs, {@link #fail} (and the checks built on it: {@link #range},
     * {@link #matches}, {@link #notBlank}) records the problem and returns instead of throwing, so
     * the type's {@code @Value.Check} goes on and finds the others; a check that cannot go on
     * writes {@code throw Check.fail(...)}. One line per attribute is kept, the first problem
     * found for it: a later one is most often a consequence (an empty value is also malformed).
     * An exception other than ours thrown after a problem was recorded is such a consequence too,
     * and is dropped; thrown before any, it is a defect and propagates. A required attribute not
     * set ({@link MissingAttributes}) is reported before the checks run, since they cannot run
     * without it.
     *
     * @param argsName the args type, e.g. {@code ManagedKeyArgs}
     * @param build the generated builder's build call
     * @param <T> the args type
     * @return the built value
     * @throws InvalidArgsException listing every problem found
     */
    public static <T> T build(String argsName, Supplier<T> build) {
        Objects.requireNonNull(argsName, "argsName");
        List<Problem> found = new ArrayList<>();
        Deque<List<Problem>> scopes = SCOPES.get();
        scopes.push(found);
        T value;
        try {
            value = build.get();
        } catch (InvalidArgsException e) {
            found.addAll(e.problems());
            value = null;
        } catch (RuntimeException e) {
            if (found.isEmpty()) {
                throw e;
            }
            value = null;
        } finally {
            scopes.pop();
            if (scopes.isEmpty()) {
                SCOPES.remove();
            }
        }
        if (!found.isEmpty()) {
            Map<String, Problem> firstPerAttribute = new LinkedHashMap<>();
            found.forEach(p -> firstPerAttribute.putIfAbsent(p.argument(), p));
            throw new InvalidArgsException(new ArrayList<>(firstPerAttribute.values()));
        }
        return value;
    }
}
