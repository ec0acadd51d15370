package io.github.mlinfra.policy;

import io.github.mlinfra.CheckedValue;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One condition: operator, key and value(s), rendered as {@code {"<operator>": {"<key>": value(s)}}}.
 * Several conditions in a statement are ANDed by IAM; values of one condition are ORed.
 *
 * <p>Operators are checked against IAM's list, with the {@code IfExists} suffix and the
 * {@code ForAllValues:}/{@code ForAnyValue:} set prefixes allowed.
 */
@Value.Immutable
@MlInfraStyle
public abstract class Condition extends CheckedValue {
    /** The base operators IAM accepts. */
    public static final Set<String> OPERATORS = Set.of(
            "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
            "StringLike", "StringNotLike",
            "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
            "NumericGreaterThan", "NumericGreaterThanEquals",
            "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
            "DateGreaterThan", "DateGreaterThanEquals",
            "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike",
            "ArnNotEquals", "ArnNotLike", "Null");

    /**
     * The operator, e.g. {@code StringEquals}, {@code ArnLikeIfExists}, {@code ForAnyValue:StringLike}.
     *
     * @return the operator
     */
    @Value.Parameter
    public abstract String getOperator();

    /**
     * The condition key, e.g. {@code aws:SecureTransport}.
     *
     * @return the key
     */
    @Value.Parameter
    public abstract String getKey();

    /**
     * The values; one renders as a string, several as an array.
     *
     * @return the values, at least one
     */
    @Value.Parameter
    public abstract List<String> getValues();

    /**
     * A condition.
     *
     * @param operator the operator
     * @param key the key
     * @param values the values, at least one
     * @return the condition
     */
    public static Condition of(String operator, String key, String... values) {
        return of(operator, key, List.of(values));
    }

    /**
     * A condition.
     *
     * @param operator the operator
     * @param key the key
     * @param values the values, at least one
     * @return the condition
     */
    public static Condition of(String operator, String key, List<String> values) {
        return ImmutableCondition.of(operator, key, values);
    }

    /**
     * Whether an operator is one IAM knows, with its optional prefix and suffix.
     *
     * @param operator the operator
     * @return true when valid
     */
    public static boolean isKnownOperator(String operator) {
        String op = operator;
        if (op.startsWith("ForAllValues:")) {
            op = op.substring("ForAllValues:".length());
        } else if (op.startsWith("ForAnyValue:")) {
            op = op.substring("ForAnyValue:".length());
        }
        if (op.endsWith("IfExists") && !op.equals("IfExists")) {
            op = op.substring(0, op.length() - "IfExists".length());
            if (op.equals("Null")) {
                return false;
            }
        }
        return OPERATORS.contains(op);
    }

    /** Validates the values on {@code build()}; throws {@link io.github.mlinfra.InvalidArgsException}. */
    @Override
    protected void check() {
        if (!isKnownOperator(getOperator())) {
            Check.fail("Condition.operator", "unknown condition operator", getOperator(),
                    "an IAM operator such as StringEquals, optionally with IfExists or ForAllValues:/ForAnyValue:");
        }
        Check.notBlank("Condition.key", getKey());
        if (getValues().isEmpty()) {
            Check.fail("Condition.values", "no value given for " + getKey(), getValues(), "at least one value");
        }
    }
}
