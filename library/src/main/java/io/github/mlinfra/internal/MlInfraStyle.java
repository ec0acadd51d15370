package io.github.mlinfra.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project, for argument types and every other value type:
 * package-private implementations hidden behind the abstract value type, public builders
 * ({@code XxxArgs.builder()}), {@code get*}/{@code is*} accessors, no Guava.
 *
 * <p>Bad input reaches the project's {@link io.github.mlinfra.InvalidArgsException} directly, in
 * its one format, with no message text to parse:
 * <ul>
 *   <li>{@code throwForNullPointer}: a setter given {@code null} (an {@code Optional} attribute's
 *       setter too, and a null list element or map entry) throws {@link NullAttribute} at the call
 *       site, {@code <Type>.<attribute>: must not be null; …}, instead of a bare
 *       {@code NullPointerException};</li>
 *   <li>{@code throwForInvalidImmutableState}: {@code build()} with required attributes not set
 *       throws {@link MissingAttributes}, one line per missing attribute. The validation method
 *       stays Immutables' default ({@code SIMPLE}): {@code NONE} would turn a missing
 *       {@code int} into 0 and a missing reference into {@code null} without a word.</li>
 * </ul>
 * Problems found by a type's {@link io.github.mlinfra.CheckedValue#check()} are gathered by
 * {@link Check#build(String, java.util.function.Supplier)} into one exception: every value type
 * extends {@link io.github.mlinfra.CheckedValue}, whose {@code @Value.Check} opens that scope.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
        overshadowImplementation = true,
        jdkOnly = true,
        get = {"get*", "is*"},
        throwForNullPointer = NullAttribute.class,
        throwForInvalidImmutableState = MissingAttributes.class,
        defaults = @Value.Immutable(copy = false))
public @interface MlInfraStyle {}
