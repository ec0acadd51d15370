package io.github.mlinfra.iam;

import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.github.mlinfra.aws.NameRules;
import io.github.mlinfra.internal.AwsContext;
import io.github.mlinfra.internal.Names;
import io.github.mlinfra.internal.PhysicalNames;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.policy.PolicyDocument;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Grants attached to a role this program did not create (or to a {@link ServiceRole} after the
 * fact), as one inline policy ({@code aws:iam/rolePolicy:RolePolicy}).
 *
 * <pre>{@code
 * new RoleGrants("platform-role-data", RoleGrantsArgs.builder()
 *     .role(RoleReference.fromName("ml-platform-execution"))
 *     .addGrants(bucket.grantReadArtifacts("datasets/"), key.grantDecrypt())
 *     .build());
 * }</pre>
 *
 * <p>Children: {@code <name>-policy}. The policy name is derived from project, stack and
 * component name ({@link RoleGrantsArgs#getPolicyName()}), so two stacks of one program attaching
 * to one shared role never overwrite each other; inside one stack, a second policy of the same
 * name on the same role (two {@code RoleGrants} of one name under different parents, or a
 * {@code policyName} that a {@link ServiceRole} already uses) is refused, because
 * {@code PutRolePolicy} "adds or updates" the policy of that name and the two would silently
 * replace each other
 * (<a href="https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html">PutRolePolicy</a>).
 *
 * <p>Not checked offline: IAM limits the inline policies of a role to 10,240 characters together
 * (whitespace not counted;
 * <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html">IAM and STS quotas</a>),
 * and an existing role's other inline policies are unknown to this program, so an imported role
 * may fail at {@code pulumi up} with {@code LimitExceeded} although the plan is clean. Account-scoped
 * grants ({@link Grant#sageMakerJobLogs}) are rendered for this component's provider's account,
 * partition and region.
 */
public final class RoleGrants extends ComponentResource {
    /** The component's type token. */
    public static final String TYPE = "mlinfra:iam:RoleGrants";

    private final RolePolicy policy;

    /**
     * Attaches the grants.
     *
     * @param name the component name
     * @param args the arguments
     */
    public RoleGrants(String name, RoleGrantsArgs args) {
        this(name, args, null);
    }

    /**
     * Attaches the grants.
     *
     * @param name the component name
     * @param args the arguments (validated when built)
     * @param options component options
     */
    public RoleGrants(String name, RoleGrantsArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, Names.check(TYPE, name), options);
        String wanted = args.getPolicyName().orElseGet(() -> PhysicalNames.derive(NameRules.Rule.IAM_INLINE_POLICY, name));
        this.policy = attachInlinePolicy(this, name, args.getRole().roleName(), "RoleGrantsArgs.policyName", wanted,
                args.getGrants(), AwsContext.of(this));
        registerOutputs(Map.of("roleName", policy.role(), "policyName", policy.name(),
                ResourceTags.WAIVERS_OUTPUT, ResourceTags.waiverOutputs(List.of())));
    }

    /**
     * Attaches grants to a role as one inline policy, the child {@code <name>-policy} of
     * {@code parent}, under a policy name claimed once per role in this deployment
     * ({@link InlinePolicyNames}). Shared by {@link RoleGrants} and {@link ServiceRole}.
     *
     * @param parent the component the policy belongs to
     * @param name the component name
     * @param roleName the role's name
     * @param attribute the Args attribute a clash of policy names is reported on
     * @param policyName the policy name wanted
     * @param grants the grants, rendered for {@code aws}
     * @param aws the account, partition and region of the component's provider
     * @return the inline policy, its name claimed for the role
     */
    static RolePolicy attachInlinePolicy(Resource parent, String name, Output<String> roleName, String attribute,
            String policyName, List<Grant> grants, AwsContext aws) {
        InlinePolicyNames names = InlinePolicyNames.current();
        Output<String> claimed = roleName.applyValue(r -> names.claim(attribute, r, policyName));
        Output<String> policy = PolicyDocument.toJson(Grant.combine(grants).statementsIn(aws)
                .applyValue(list -> PolicyDocument.builder().addAllStatements(list).build()));
        return new RolePolicy(name + "-policy", RolePolicyArgs.builder()
                .role(roleName)
                .name(claimed)
                .policy(policy)
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }

    /**
     * The role's name.
     *
     * @return the name
     */
    public Output<String> roleName() {
        return policy.role();
    }

    /**
     * The inline policy's name.
     *
     * @return the name
     */
    public Output<String> policyName() {
        return policy.name();
    }
}
