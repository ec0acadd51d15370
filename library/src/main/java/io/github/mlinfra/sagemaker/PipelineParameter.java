package io.github.mlinfra.sagemaker;

import io.github.mlinfra.CheckedValue;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A pipeline parameter: {@code {"Name": "...", "Type": "String|Integer|Float|Boolean",
 * "DefaultValue": ..., "EnumValues": [...]}}, set per execution and read with
 * {@link PipelineValue#parameter(String)}.
 *
 * <pre>{@code
 * PipelineParameter.string("TrainingInstanceType", "ml.m5.xlarge", "ml.m5.xlarge", "ml.m5.2xlarge");
 * PipelineParameter.integer("TrainingInstanceCount", 2);
 * }</pre>
 *
 * <p>{@code EnumValues} (String parameters only) is the list of values an execution may give:
 * AWS's SageMaker Python SDK writes it for {@code ParameterString(enum_values=…)}
 * (<a href="https://github.com/aws/sagemaker-python-sdk/blob/master/sagemaker-core/src/sagemaker/core/workflow/parameters.py">parameters.py</a>,
 * {@code to_request}), and SageMaker checks an execution's parameters against it; a user of the
 * SDK reports the service refusing more than 16 values
 * (<a href="https://github.com/aws/sagemaker-python-sdk/issues/2314">sagemaker-python-sdk#2314</a>),
 * so the model allows at most 16. AWS's published definition schema
 * (<a href="https://github.com/aws-sagemaker-mlops/sagemaker-model-building-pipeline-definition-JSON-schema">sagemaker-model-building-pipeline-definition-JSON-schema</a>,
 * 2025-04) does not list the field yet. Looked up 2026-11-30.
 */
@Value.Immutable
@MlInfraStyle
public abstract class PipelineParameter extends CheckedValue {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,256}");
    /** The most EnumValues a String parameter takes (as reported in sagemaker-python-sdk#2314). */
    static final int MAX_ENUM_VALUES = 16;

    /** The parameter types SageMaker Pipelines accepts. */
    public enum Type {
        /** A string. */
        String,
        /** A whole number. */
        Integer,
        /** A decimal number. */
        Float,
        /** A boolean. */
        Boolean
    }

    /**
     * The parameter name (letters, digits, {@code _}, {@code -}).
     *
     * @return the name
     */
    public abstract String getName();

    /**
     * The parameter type.
     *
     * @return the type
     */
    public abstract Type getType();

    /**
     * The default value: a {@link java.lang.String}, {@link Long}, {@link Double} or
     * {@link java.lang.Boolean} matching {@link #getType()}.
     *
     * @return the default, if any
     * @defaultValue none: every execution must set the parameter
     */
    public abstract Optional<Object> getDefaultValue();

    /**
     * The values an execution may give ({@code EnumValues}, String parameters only; 1 to 16
     * distinct, non-empty values, the default among them).
     *
     * @return the allowed values
     * @defaultValue empty: any value of the type
     */
    public abstract List<String> getEnumValues();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A string parameter.
     *
     * @param name the name
     * @param defaultValue the default
     * @return the parameter
     */
    public static PipelineParameter string(String name, String defaultValue) {
        return builder().name(name).type(Type.String).defaultValue(defaultValue).build();
    }

    /**
     * A string parameter that takes only the given values ({@code EnumValues}).
     *
     * @param name the name
     * @param defaultValue the default, one of the values
     * @param values the values an execution may give
     * @return the parameter
     */
    public static PipelineParameter string(String name, String defaultValue, String... values) {
        return builder().name(name).type(Type.String).defaultValue(defaultValue).addEnumValues(values).build();
    }

    /**
     * An integer parameter.
     *
     * @param name the name
     * @param defaultValue the default
     * @return the parameter
     */
    public static PipelineParameter integer(String name, long defaultValue) {
        return builder().name(name).type(Type.Integer).defaultValue(defaultValue).build();
    }

    /**
     * A float parameter.
     *
     * @param name the name
     * @param defaultValue the default
     * @return the parameter
     */
    public static PipelineParameter decimal(String name, double defaultValue) {
        return builder().name(name).type(Type.Float).defaultValue(defaultValue).build();
    }

    /**
     * A boolean parameter.
     *
     * @param name the name
     * @param defaultValue the default
     * @return the parameter
     */
    public static PipelineParameter bool(String name, boolean defaultValue) {
        return builder().name(name).type(Type.Boolean).defaultValue(defaultValue).build();
    }

    /**
     * Builds parameters; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutablePipelineParameter.Builder {
        /** Use {@link PipelineParameter#builder()}. */
        Builder() {}
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Override
    protected void check() {
        Check.matches("PipelineParameter.name", getName(), NAME, "letters, digits, _ and - (1 to 256)");
        getDefaultValue().ifPresent(v -> {
            boolean ok = switch (getType()) {
                case String -> v instanceof java.lang.String;
                case Integer -> v instanceof Long || v instanceof java.lang.Integer;
                case Float -> v instanceof Double || v instanceof java.lang.Float;
                case Boolean -> v instanceof java.lang.Boolean;
            };
            if (!ok) {
                Check.fail("PipelineParameter.defaultValue", "does not match the type " + getType() + " of parameter "
                        + getName(), v, "a " + getType() + " value");
            }
        });
        List<String> values = getEnumValues();
        if (values.isEmpty()) {
            return;
        }
        if (getType() != Type.String) {
            Check.fail("PipelineParameter.enumValues", "only String parameters take EnumValues; " + getName() + " is "
                    + getType(), values, "no enum values");
        }
        if (values.size() > MAX_ENUM_VALUES || new HashSet<>(values).size() != values.size()
                || values.stream().anyMatch(java.lang.String::isEmpty)) {
            Check.fail("PipelineParameter.enumValues", "not 1 to " + MAX_ENUM_VALUES + " distinct non-empty values", values,
                    "1 to " + MAX_ENUM_VALUES + " distinct non-empty values");
        }
        getDefaultValue().ifPresent(v -> {
            if (!values.contains(v)) {
                Check.fail("PipelineParameter.defaultValue", "not one of the EnumValues of parameter " + getName(), v,
                        "one of " + values);
            }
        });
    }
}
