package io.github.mlinfra.plan;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Converts the SDK's wire values to plain plan values, and reads them by path. */
final class PlanValues {
    /** How a secret prints in a plan. */
    static final String SECRET = "[secret]";
    /** How an unresolved value prints in a plan. */
    static final String UNKNOWN = "[unknown]";

    private static final String UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private static final String SIG = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    private static final String ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
    private static final String ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";

    private PlanValues() {}

    /**
     * Converts a struct of wire values.
     *
     * @param struct the struct
     * @param unknownPaths receives the path of every unresolved value
     * @return keys sorted, secrets and unknowns replaced by their markers
     */
    static Map<String, Object> fromStruct(Struct struct, String prefix, Consumer<String> unknownPaths) {
        return fromStruct(struct, prefix, unknownPaths, (p, v) -> { });
    }

    /**
     * Converts a struct of wire values, handing each secret's plain value to {@code secrets} (by
     * path) while the result holds {@code "[secret]"}: the guard judges our own plans on the
     * plain values, and only the marker is ever written.
     *
     * @param struct the struct
     * @param unknownPaths receives the path of every unresolved value
     * @param secrets receives the path and plain value of every secret
     * @return keys sorted, secrets and unknowns replaced by their markers
     */
    static Map<String, Object> fromStruct(Struct struct, String prefix, Consumer<String> unknownPaths,
                                          java.util.function.BiConsumer<String, Object> secrets) {
        Map<String, Object> out = new TreeMap<>();
        struct.getFieldsMap().forEach((k, v) -> {
            Object converted = fromValue(v, prefix.isEmpty() ? k : prefix + "." + k, unknownPaths, secrets);
            if (converted != null) {
                out.put(k, converted);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    static Object fromValue(Value v, String path, Consumer<String> unknownPaths) {
        return fromValue(v, path, unknownPaths, (p, x) -> { });
    }

    static Object fromValue(Value v, String path, Consumer<String> unknownPaths,
                            java.util.function.BiConsumer<String, Object> secrets) {
        switch (v.getKindCase()) {
            case NULL_VALUE:
            case KIND_NOT_SET:
                return null;
            case BOOL_VALUE:
                return v.getBoolValue();
            case NUMBER_VALUE:
                return number(v.getNumberValue());
            case STRING_VALUE:
                if (UNKNOWN_SENTINEL.equals(v.getStringValue())) {
                    unknownPaths.accept(path);
                    return UNKNOWN;
                }
                return v.getStringValue();
            case LIST_VALUE:
                ListValue l = v.getListValue();
                List<Object> items = new ArrayList<>(l.getValuesCount());
                for (int i = 0; i < l.getValuesCount(); i++) {
                    items.add(fromValue(l.getValues(i), path + "." + i, unknownPaths, secrets));
                }
                return Collections.unmodifiableList(items);
            case STRUCT_VALUE:
                Struct s = v.getStructValue();
                Value sig = s.getFieldsMap().get(SIG);
                if (sig != null && sig.hasStringValue()) {
                    switch (sig.getStringValue()) {
                        case SECRET_SIG: {
                            Value inner = s.getFieldsMap().get("value");
                            if (inner != null) {
                                Object plain = fromValue(inner, path, unknownPaths, secrets);
                                if (plain != null) {
                                    secrets.accept(path, plain);
                                }
                            }
                            return SECRET;
                        }
                        case RESOURCE_SIG: {
                            Value id = s.getFieldsMap().get("id");
                            if (id != null && id.hasStringValue() && !id.getStringValue().isEmpty()) {
                                return fromValue(id, path, unknownPaths, secrets);
                            }
                            Value urn = s.getFieldsMap().get("urn");
                            return urn == null ? null : Plan.realUrn(urn.getStringValue());
                        }
                        case ASSET_SIG:
                            return "[asset]";
                        case ARCHIVE_SIG:
                            return "[archive]";
                        default:
                            break;
                    }
                }
                return fromStruct(s, path, unknownPaths, secrets);
            default:
                return null;
        }
    }

    /**
     * Whole numbers as {@code Long}, others as {@code Double}.
     *
     * @param d the number
     * @return the normalized number
     */
    static Object number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0e15) {
            return (long) d;
        }
        return d;
    }

    /**
     * Normalizes a plain Java value (from an exported Output or a JSON document): numbers, lists,
     * maps with sorted keys; {@code null} (JSON {@code null}) is "no value", dropped from maps and lists.
     *
     * @param o the value
     * @return the plan value
     */
    static Object normalize(Object o) {
        if (o instanceof Number n && !(o instanceof Long)) {
            return number(n.doubleValue());
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> {
                Object n = normalize(v);
                if (n != null) { // JSON null: no value
                    out.put(String.valueOf(k), n);
                }
            });
            return Collections.unmodifiableMap(out);
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> {
                Object n = normalize(x);
                if (n != null) {
                    out.add(n);
                }
            });
            return Collections.unmodifiableList(out);
        }
        if (o instanceof Optional<?> opt) {
            return opt.map(PlanValues::normalize).orElse(null);
        }
        if (o instanceof Enum<?> e) {
            return e.toString();
        }
        return o;
    }

    static Optional<Object> at(Map<String, Object> root, String path) {
        Object cur = root;
        for (String part : path.split("\\.")) {
            if (cur instanceof Map<?, ?> m) {
                cur = m.get(part);
            } else if (cur instanceof List<?> l) {
                int i;
                try {
                    i = Integer.parseInt(part);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                cur = i >= 0 && i < l.size() ? l.get(i) : null;
            } else {
                return Optional.empty();
            }
            if (cur == null) {
                return Optional.empty();
            }
        }
        return Optional.of(cur);
    }

    /**
     * The inputs with each {@code "[secret]"} marker replaced by its plain value (by path, as
     * {@link PlannedResource#getSecretInputs()} holds them): what the preflight rules judge. Never
     * written to a plan, a report or a log.
     *
     * @param inputs the masked inputs
     * @param secrets plain values by path
     * @return a copy with the secrets revealed
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> reveal(Map<String, Object> inputs, Map<String, Object> secrets) {
        if (secrets.isEmpty()) {
            return inputs;
        }
        return (Map<String, Object>) reveal(inputs, "", secrets);
    }

    private static Object reveal(Object node, String path, Map<String, Object> secrets) {
        if (SECRET.equals(node) && secrets.containsKey(path)) {
            return secrets.get(path);
        }
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), reveal(v, path.isEmpty() ? String.valueOf(k) : path + "." + k, secrets)));
            return out;
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(reveal(l.get(i), path + "." + i, secrets));
            }
            return out;
        }
        return node;
    }
}
