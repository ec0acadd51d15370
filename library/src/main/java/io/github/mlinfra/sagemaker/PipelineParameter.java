package io.github.mlinfra.sagemaker;

import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A pipeline parameter: {@code {"Name": "...", "Type": "String|Integer|Float|Boolean",
 * "DefaultValue": ...}}, set per execution and read with {@link PipelineValue#parameter(String)}.
 *
 * <pre>{@code
 * PipelineParameter.string("TrainingInstanceType", "ml.m5.xlarge");
 * PipelineParameter.integer("TrainingInstanceCount", 2);
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class PipelineParameter {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,256}");

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

    /** Builds parameters; {@code build()} validates. */
    public static final class Builder extends ImmutablePipelineParameter.Builder {
        /** Use {@link PipelineParameter#builder()}. */
        Builder() {}

        @Override
        public PipelineParameter build() {
            return Check.build("PipelineParameter", super::build);
        }
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Value.Check
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
    }
}
