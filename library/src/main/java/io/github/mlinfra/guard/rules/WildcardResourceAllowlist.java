package io.github.mlinfra.guard.rules;

import io.github.mlinfra.iam.StarOnlyActions;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The actions that may be allowed on {@code Resource: "*"} (MLI-IAM-03): exactly the library's one
 * documented allowlist, {@link StarOnlyActions}, compared without regard to case (IAM action names
 * are case-insensitive).
 */
final class WildcardResourceAllowlist {
    private static final Set<String> LOWER = StarOnlyActions.ACTIONS.stream()
            .map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private WildcardResourceAllowlist() {}

    static boolean allows(String action) {
        return LOWER.contains(action.toLowerCase(Locale.ROOT));
    }
}
