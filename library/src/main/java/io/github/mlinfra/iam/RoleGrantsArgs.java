package io.github.mlinfra.iam;

import io.github.mlinfra.CheckedValue;
import io.github.mlinfra.aws.NameRules;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Arguments of {@link RoleGrants}: the role (existing or ours) and the grants to attach to it as
 * one inline policy.
 *
 * <pre>{@code
 * RoleGrantsArgs.builder()
 *     .role(RoleReference.fromName("ml-platform-execution"))
 *     .addGrants(bucket.grantReadArtifacts("datasets/"), Grant.sageMakerJobLogs(Grant.SageMakerJob.TRAINING))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class RoleGrantsArgs extends CheckedValue {
    /**
     * The role the grants are attached to: {@link RoleReference#fromName(String)},
     * {@link RoleReference#fromArn(String)}, or a {@link ServiceRole}. Required.
     *
     * @return the role
     */
    public abstract RoleReference getRole();

    /**
     * The grants, rendered into one inline least-privilege policy (the same rendering as
     * {@link ServiceRole}: typed statements, repeated Sids numbered). At least one.
     *
     * @return the grants
     * @defaultValue none (refused: a policy with no statement is not valid IAM)
     */
    public abstract List<Grant> getGrants();

    /**
     * The inline policy name. IAM keeps one policy per name on a role and {@code PutRolePolicy}
     * replaces a policy of the same name without a warning, so a name another tool or stack uses
     * on the role would be overwritten (or overwrite ours): leave it derived unless you must match
     * a name.
     *
     * @return the name, if given
     * @defaultValue empty: {@code mlinfra-<project>-<stack>-<component name>}, sanitised to IAM's
     *     1–128 characters of {@code [\w+=,.@-]} and shortened with a hash when longer
     *     ({@link NameRules.Rule#IAM_INLINE_POLICY}); unique per stack and role, since the component
     *     refuses a second policy of one name on one role in the stack
     */
    public abstract Optional<String> getPolicyName();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link RoleGrantsArgs}; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableRoleGrantsArgs.Builder {
        /** Use {@link RoleGrantsArgs#builder()}. */
        Builder() {}
    }

    /** Validates the values on {@code build()}; throws {@link io.github.mlinfra.InvalidArgsException}. */
    @Override
    protected void check() {
        if (getGrants().isEmpty()) {
            Check.fail("RoleGrantsArgs.grants", "no grant", "nothing", "at least one grant");
        }
        getPolicyName().ifPresent(n -> NameRules.problem(NameRules.Rule.IAM_INLINE_POLICY, n).ifPresent(p ->
                Check.fail("RoleGrantsArgs.policyName", p, n, "1 to 128 letters, digits and +=,.@_-")));
    }
}
