package io.github.mlinfra.iam;

import com.pulumi.deployment.Deployment;
import io.github.mlinfra.internal.Check;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inline policy names claimed on each role by the running program. {@code PutRolePolicy}
 * "adds or updates" the inline policy of a given name
 * (<a href="https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html">PutRolePolicy</a>,
 * looked up 2026-11-30): two policies of one name on one role would silently replace each other,
 * the last write winning on every update. One claim set per deployment (a run of one stack),
 * held weakly so it goes with the run; the deployment is taken on the constructing thread, since
 * the SDK keeps it per thread and role names given as Outputs resolve on another.
 */
final class InlinePolicyNames {
    private static final Map<Object, Set<String>> CLAIMED = Collections.synchronizedMap(new WeakHashMap<>());

    private final Set<String> claimed;

    private InlinePolicyNames(Set<String> claimed) {
        this.claimed = claimed;
    }

    /**
     * The claims of the current deployment; call on the thread that constructs the component.
     *
     * @return the claims
     */
    static InlinePolicyNames current() {
        return new InlinePolicyNames(CLAIMED.computeIfAbsent(Deployment.getInstance(), d -> ConcurrentHashMap.newKeySet()));
    }

    /**
     * Claims a policy name on a role, refusing a second claim.
     *
     * @param argument {@code <Args>.<attribute>}, for the message
     * @param roleName the role name
     * @param policyName the inline policy name
     * @return the policy name
     * @throws io.github.mlinfra.InvalidArgsException when the stack already puts a policy of that name on the role
     */
    String claim(String argument, String roleName, String policyName) {
        if (!claimed.add(roleName + "\u0000" + policyName)) {
            Check.fail(argument, "the stack already puts an inline policy of this name on role " + roleName
                    + ", and PutRolePolicy would silently replace one with the other", policyName,
                    "an inline policy name unique per role in the stack (another component name, or policyName(...))");
        }
        return policyName;
    }
}
