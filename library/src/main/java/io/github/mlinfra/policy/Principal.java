package io.github.mlinfra.policy;

import io.github.mlinfra.CheckedValue;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A statement's principal: {@code "*"} (anyone) or a map of principal types to identifiers
 * ({@code {"AWS": [...], "Service": [...], "Federated": [...]}}).
 */
@Value.Immutable
@MlInfraStyle
public abstract class Principal extends CheckedValue {
    /** The principal types AWS accepts. */
    public static final List<String> TYPES = List.of("AWS", "Service", "Federated", "CanonicalUser");

    /**
     * Whether this is the wildcard principal {@code "*"}.
     *
     * @return true for {@code "*"}; then {@link #getIdentifiers()} is empty
     * @defaultValue false
     */
    @Value.Default
    public boolean isAnyone() {
        return false;
    }

    /**
     * Principal type ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser}) to
     * identifiers, in insertion order.
     *
     * @return the identifiers by type
     */
    public abstract Map<String, List<String>> getIdentifiers();

    /**
     * The wildcard principal {@code "*"}.
     *
     * @return anyone
     */
    public static Principal anyone() {
        return ImmutablePrincipal.builder().anyone(true).build();
    }

    /**
     * AWS principals (account roots, roles, users) by ARN or account id.
     *
     * @param arns the ARNs
     * @return the principal
     */
    public static Principal aws(String... arns) {
        return of("AWS", List.of(arns));
    }

    /**
     * AWS service principals, e.g. {@code sagemaker.amazonaws.com}.
     *
     * @param services the service principals
     * @return the principal
     */
    public static Principal service(String... services) {
        return of("Service", List.of(services));
    }

    /**
     * Federated principals (identity providers).
     *
     * @param providers the provider ARNs or names
     * @return the principal
     */
    public static Principal federated(String... providers) {
        return of("Federated", List.of(providers));
    }

    /**
     * A principal of one type.
     *
     * @param type one of {@link #TYPES}
     * @param identifiers the identifiers
     * @return the principal
     */
    public static Principal of(String type, List<String> identifiers) {
        return ImmutablePrincipal.builder().putIdentifiers(type, identifiers).build();
    }

    /**
     * A builder for principals of several types.
     *
     * @return a new builder
     */
    public static ImmutablePrincipal.Builder builder() {
        return ImmutablePrincipal.builder();
    }

    /** Validates the values on {@code build()}; throws {@link io.github.mlinfra.InvalidArgsException}. */
    @Override
    protected void check() {
        if (isAnyone() && !getIdentifiers().isEmpty()) {
            Check.fail("Principal.identifiers", "the wildcard principal takes no identifiers", getIdentifiers(), "none");
        }
        if (!isAnyone() && getIdentifiers().isEmpty()) {
            Check.fail("Principal.identifiers", "no principal given", getIdentifiers(), "\"*\" or at least one identifier");
        }
        getIdentifiers().forEach((type, ids) -> {
            if (!TYPES.contains(type)) {
                Check.fail("Principal.type", "unknown principal type", type, "one of " + TYPES);
            }
            if (ids.isEmpty()) {
                Check.fail("Principal.identifiers[" + type + "]", "no identifier given", ids, "at least one");
            }
            ids.forEach(id -> Check.notBlank("Principal.identifiers[" + type + "]", id));
        });
    }
}
