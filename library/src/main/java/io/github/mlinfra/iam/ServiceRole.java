package io.github.mlinfra.iam;

import io.github.mlinfra.internal.Names;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.internal.AwsContext;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.policy.Condition;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Principal;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * An IAM role for an AWS service principal with one inline least-privilege policy assembled from
 * grants, a one-hour maximum session, the confused-deputy condition {@code aws:SourceAccount} on
 * the trust policy where the service documents sending it ({@link io.github.mlinfra.aws.ConfusedDeputyKeys}:
 * SageMaker jobs, VPC flow logs, CloudWatch Logs; not CloudTrail's CloudWatch Logs role, not EC2
 * instance profiles, not SageMaker notebook instances), and no AWS-managed policy.
 *
 * <pre>{@code
 * var role = new ServiceRole("notebook", ServiceRoleArgs.builder()
 *     .service("sagemaker.amazonaws.com")
 *     .addGrants(key.grantEncryptDecrypt())
 *     .build());
 * ctx.export("roleArn", role.roleArn());
 * }</pre>
 *
 * <p>Children: {@code <name>-role} ({@code aws:iam/role:Role}), {@code <name>-policy}
 * ({@code aws:iam/rolePolicy:RolePolicy}, when there are grants), and
 * {@code <name>-managed-<n>} attachments only with a waiver of MLI-IAM-01.
 */
public final class ServiceRole extends ComponentResource implements RoleReference {
    /** The component's type token. */
    public static final String TYPE = "mlinfra:iam:ServiceRole";

    private final Role role;

    /**
     * Creates the role.
     *
     * @param name the component name
     * @param args the arguments
     */
    public ServiceRole(String name, ServiceRoleArgs args) {
        this(name, args, null);
    }

    /**
     * Creates the role.
     *
     * @param name the component name
     * @param args the arguments (validated when built)
     * @param options component options
     */
    public ServiceRole(String name, ServiceRoleArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, Names.check(TYPE, name), options);
        List<Waiver> waivers = new ArrayList<>(args.getWaivers());
        args.builtInWaiver().ifPresent(waivers::add);
        AwsContext aws = AwsContext.of(this);
        boolean deputy = args.requiresSourceAccount();
        Output<String> trust = PolicyDocument.toJson(aws.accountId().applyValue(account -> {
            var s = Statement.builder()
                    .sid("AssumeByService")
                    .effect(Effect.Allow)
                    .principal(Principal.service(args.getService()))
                    .addActions("sts:AssumeRole");
            if (deputy) {
                s.addConditions(Condition.of("StringEquals", "aws:SourceAccount", account));
            }
            return PolicyDocument.of(s.build());
        }));
        var roleArgs = RoleArgs.builder()
                .assumeRolePolicy(trust)
                .description(args.getDescription())
                .maxSessionDuration(args.getMaxSessionDurationSeconds())
                .forceDetachPolicies(true)
                .tags(ResourceTags.of(TagRules.Service.IAM).user(args.getTags()).waivers(waivers).build());
        args.getRoleName().ifPresent(roleArgs::name);
        args.getPermissionsBoundaryArn().ifPresent(roleArgs::permissionsBoundary);
        this.role = new Role(name + "-role", roleArgs.build(), CustomResourceOptions.builder().parent(this).build());

        if (!args.getGrants().isEmpty()) {
            RoleGrants.attachInlinePolicy(this, name, role.name(), "ServiceRoleArgs.grants", name + "-least-privilege",
                    args.getGrants(), aws);
        }
        int i = 0;
        for (String arn : args.getManagedPolicyArns()) {
            new RolePolicyAttachment(name + "-managed-" + i++, RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(arn)
                    .build(), CustomResourceOptions.builder().parent(this).build());
        }
        registerOutputs(Map.of("roleArn", role.arn(), "roleName", role.name(),
                ResourceTags.WAIVERS_OUTPUT, ResourceTags.waiverOutputs(waivers)));
    }

    /**
     * The role ARN.
     *
     * @return the ARN
     */
    public Output<String> roleArn() {
        return role.arn();
    }

    /**
     * The role name.
     *
     * @return the name
     */
    @Override
    public Output<String> roleName() {
        return role.name();
    }
}
