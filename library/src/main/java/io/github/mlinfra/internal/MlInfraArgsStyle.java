package io.github.mlinfra.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The style of the argument types users build ({@code XxxArgs.builder()…build()}): as
 * {@link MlInfraStyle}, with {@code validationMethod = MANDATORY_ONLY}. Immutables' default
 * ({@code SIMPLE}) null-checks every setter, so {@code alias(null)} threw a bare
 * {@code NullPointerException("alias")} at the call site; {@code MANDATORY_ONLY} keeps the check that
 * required attributes are set (a missing {@code int} is still refused, where {@code NONE} would
 * silently make it 0) and leaves the null check to {@code build()}, where
 * {@link Check#build(String, java.util.function.Supplier)} reports it as
 * {@code <Args>.<attribute>: must not be null; …}. Only types whose builder's {@code build()} goes
 * through {@code Check.build} use this style.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
        overshadowImplementation = true,
        jdkOnly = true,
        get = {"get*", "is*"},
        validationMethod = Value.Style.ValidationMethod.MANDATORY_ONLY,
        defaults = @Value.Immutable(copy = false))
public @interface MlInfraArgsStyle {}
