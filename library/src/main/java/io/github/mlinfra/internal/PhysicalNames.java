package io.github.mlinfra.internal;

import com.pulumi.deployment.Deployment;
import io.github.mlinfra.aws.NameRules;

/**
 * Fixed physical names for the running Pulumi program: {@link NameRules#derive} with the project
 * and stack of the current deployment, so a {@code dev} and a {@code prod} stack of one program
 * never share a name in one account.
 */
public final class PhysicalNames {
    private PhysicalNames() {}

    /**
     * A physical name for the current project and stack.
     *
     * @param rule the service's name rule
     * @param parts the component's own parts, e.g. its name
     * @return the name, valid under the rule
     */
    public static String derive(NameRules.Rule rule, String... parts) {
        var d = Deployment.getInstance();
        return NameRules.derive(rule, d.getProjectName(), d.getStackName(), parts);
    }
}
