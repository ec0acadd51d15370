package io.github.mlinfra.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: package-private implementations hidden behind the
 * abstract value type, public builders ({@code XxxArgs.builder()}), {@code get*}/{@code is*}
 * accessors, no Guava.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
        overshadowImplementation = true,
        jdkOnly = true,
        get = {"get*", "is*"},
        defaults = @Value.Immutable(copy = false))
public @interface MlInfraStyle {}
