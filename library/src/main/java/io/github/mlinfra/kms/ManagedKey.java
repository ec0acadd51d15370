package io.github.mlinfra.kms;

import io.github.mlinfra.internal.Names;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.mlinfra.aws.NameRules;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.iam.Grant;
import io.github.mlinfra.internal.AwsContext;
import io.github.mlinfra.internal.PhysicalNames;
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
 * A customer-managed KMS key with rotation on, a 30-day deletion window, an explicit key policy
 * built from the deploying account and partition (never a placeholder, never the deploying
 * session's assumed role), an alias, and {@code protect} on.
 *
 * <pre>{@code
 * var key = new ManagedKey("ckpt-key", ManagedKeyArgs.builder()
 *     .description("Encrypts model checkpoints")
 *     .build());
 * ctx.export("keyArn", key.keyArn());
 * }</pre>
 *
 * <p>Children: {@code <name>-key} ({@code aws:kms/key:Key}) and {@code <name>-alias}
 * ({@code aws:kms/alias:Alias}).
 *
 * <p>Key policy: {@code EnableIamPolicies} lets the account root (and so IAM policies) use and
 * administer the key, which keeps the key manageable and lets {@link KeyReference#grantEncryptDecrypt()} work;
 * {@code KeyAdministrators} gives named admin roles the administrative actions only; one statement
 * per {@link KeyServiceAccess}.
 */
public final class ManagedKey extends ComponentResource implements KeyReference {
    /** The component's type token. */
    public static final String TYPE = "mlinfra:kms:ManagedKey";
    /** The key-administration actions (no use of the key). */
    static final List<String> ADMIN_ACTIONS = List.of("kms:CreateAlias", "kms:CreateGrant", "kms:DescribeKey",
            "kms:EnableKey", "kms:EnableKeyRotation", "kms:DisableKey", "kms:DisableKeyRotation",
            "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListAliases", "kms:ListGrants",
            "kms:ListKeyPolicies", "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:RevokeGrant",
            "kms:RotateKeyOnDemand", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:TagResource",
            "kms:UntagResource", "kms:UpdateAlias", "kms:UpdateKeyDescription", "kms:DeleteAlias");

    private final Key key;
    private final Alias alias;

    /**
     * Creates the key.
     *
     * @param name the component name; children are {@code <name>-key} and {@code <name>-alias}
     * @param args the arguments
     */
    public ManagedKey(String name, ManagedKeyArgs args) {
        this(name, args, null);
    }

    /**
     * Creates the key.
     *
     * @param name the component name; children are {@code <name>-key} and {@code <name>-alias}
     * @param args the arguments (validated when built)
     * @param options component options (provider, parent, aliases…)
     */
    public ManagedKey(String name, ManagedKeyArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, Names.check(TYPE, name), options);
        AwsContext aws = AwsContext.of(this);
        Output<String> policy = PolicyDocument.toJson(aws.values().applyValue(v -> keyPolicy(args, v)));

        var keyArgs = KeyArgs.builder()
                .description(args.getDescription())
                .enableKeyRotation(!args.isWaived(Control.KMS_ROTATION))
                .deletionWindowInDays(args.getDeletionWindowDays())
                .policy(policy)
                .bypassPolicyLockoutSafetyCheck(false)
                .tags(tags(args));
        if (!args.isWaived(Control.KMS_ROTATION)) {
            keyArgs.rotationPeriodInDays(args.getRotationPeriodDays());
        }
        this.key = new Key(name + "-key", keyArgs.build(), CustomResourceOptions.builder()
                .parent(this)
                .protect(!args.isWaived(Control.KMS_DELETION_PROTECTION))
                .build());

        String aliasName = args.getAlias().orElseGet(() -> PhysicalNames.derive(NameRules.Rule.KMS_ALIAS, name));
        this.alias = new Alias(name + "-alias", AliasArgs.builder()
                .name(aliasName)
                .targetKeyId(key.keyId())
                .build(), CustomResourceOptions.builder().parent(this).build());

        registerOutputs(Map.of("keyArn", key.arn(), "keyId", key.keyId(), "aliasName", alias.name(),
                ResourceTags.WAIVERS_OUTPUT, ResourceTags.waiverOutputs(args.getWaivers())));
    }

    static Map<String, String> tags(ManagedKeyArgs args) {
        var t = ResourceTags.of(TagRules.Service.KMS).user(args.getTags()).waivers(args.getWaivers());
        args.getPurpose().ifPresent(t::purpose);
        return t.build();
    }

    static PolicyDocument keyPolicy(ManagedKeyArgs args, AwsContext.Values v) {
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.builder()
                .sid("EnableIamPolicies")
                .effect(Effect.Allow)
                .principal(Principal.aws(v.rootArn()))
                .addActions("kms:*")
                .addResources("*")
                // a key policy's Resource "*" means "this key"; the account root must keep full
                // control or KMS's lockout check refuses the policy
                .wildcardsAllowed(true)
                .build());
        if (!args.getAdministratorRoleArns().isEmpty()) {
            statements.add(Statement.builder()
                    .sid("KeyAdministrators")
                    .effect(Effect.Allow)
                    .principal(Principal.aws(args.getAdministratorRoleArns().toArray(String[]::new)))
                    .addAllActions(ADMIN_ACTIONS)
                    .addResources("*")
                    .wildcardsAllowed(true)
                    .build());
        }
        for (KeyServiceAccess s : args.getServiceAccess()) {
            var b = Statement.builder()
                    .sid(s.getSid())
                    .effect(Effect.Allow)
                    .principal(Principal.service(fill(s.getService(), v)))
                    .addAllActions(s.getActions())
                    .addResources("*")
                    .wildcardsAllowed(true);
            for (Condition c : s.getConditions()) {
                List<String> values = new ArrayList<>();
                c.getValues().forEach(x -> values.add(fill(x, v)));
                b.addConditions(Condition.of(c.getOperator(), c.getKey(), values));
            }
            statements.add(b.build());
        }
        return PolicyDocument.builder().id("mlinfra-key-policy").addAllStatements(statements).build();
    }

    private static String fill(String template, AwsContext.Values v) {
        return template.replace("${Account}", v.accountId()).replace("${Partition}", v.partition())
                .replace("${Region}", v.region());
    }

    /**
     * The key ARN.
     *
     * @return the ARN
     */
    @Override
    public Output<String> keyArn() {
        return key.arn();
    }

    /**
     * The key id (a UUID).
     *
     * @return the key id
     */
    public Output<String> keyId() {
        return key.keyId();
    }

    /**
     * The alias name.
     *
     * @return e.g. {@code alias/mlinfra/ckpt-key}
     */
    public Output<String> aliasName() {
        return alias.name();
    }

    /**
     * The statements a role needs to use a key given by ARN (a key this component did not create).
     *
     * @param keyArn the key ARN
     * @param sid the statement id
     * @param actions the KMS actions
     * @return the grant
     */
    public static Grant grant(Output<String> keyArn, String sid, List<String> actions) {
        return Grant.of(keyArn.applyValue(arn -> List.of(Statement.builder()
                .sid(sid)
                .effect(Effect.Allow)
                .addAllActions(actions)
                .addResources(arn)
                .build())));
    }
}
