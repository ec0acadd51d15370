package io.github.mlinfra.sagemaker;

import io.github.mlinfra.aws.Arns;
import io.github.mlinfra.internal.Names;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.sagemaker.NotebookInstance;
import com.pulumi.aws.sagemaker.NotebookInstanceArgs;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfiguration;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfigurationArgs;
import com.pulumi.aws.sagemaker.inputs.NotebookInstanceInstanceMetadataServiceConfigurationArgs;
import com.pulumi.core.Output;
import io.github.mlinfra.network.PlacedWorkload;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.mlinfra.aws.NameRules;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.iam.Grant;
import io.github.mlinfra.iam.ServiceRole;
import io.github.mlinfra.iam.ServiceRoleArgs;
import io.github.mlinfra.internal.AwsContext;
import io.github.mlinfra.internal.PhysicalNames;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.kms.ManagedKey;
import io.github.mlinfra.kms.ManagedKeyArgs;
import io.github.mlinfra.network.Placement;
import io.github.mlinfra.network.PrivateNetwork;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * A SageMaker notebook instance with no direct internet access, no root access, in a private
 * subnet behind a dedicated security group (no ingress; egress HTTPS to the VPC endpoints and S3
 * only), its volume encrypted with a customer-managed key, IMDSv2 required, on Amazon Linux 2023
 * (SageMaker's default platform, left unset), lifecycle scripts base64-encoded and passed as secrets,
 * and an execution role granted only what the notebook needs.
 *
 * <pre>{@code
 * var net = new PrivateNetwork("ml", PrivateNetworkArgs.builder().build());
 * var nb = new HardenedNotebook("research", HardenedNotebookArgs.builder()
 *     .placement(Placement.in(net))
 *     .onStartScript("#!/bin/bash\nset -euo pipefail\necho started\n")
 *     .build());
 * ctx.export("notebookName", nb.notebookName());
 * }</pre>
 *
 * <p>Children: {@code <name>-key} ({@link ManagedKey}, unless {@code kmsKey} is given),
 * {@code <name>-sg} with the egress rules {@code <name>-https-endpoints} and
 * {@code <name>-https-s3}, {@code <name>-role} ({@link ServiceRole}), {@code <name>-lifecycle}
 * (when a script is given) and {@code <name>-notebook}.
 */
public final class HardenedNotebook extends PlacedWorkload {
    /** The component's type token. */
    public static final String TYPE = "mlinfra:sagemaker:HardenedNotebook";

    private final Output<String> notebookName;
    private final Output<String> notebookArn;

    /**
     * Creates the notebook.
     *
     * @param name the component name (also the notebook name unless one is given)
     * @param args the arguments
     */
    public HardenedNotebook(String name, HardenedNotebookArgs args) {
        this(name, args, null);
    }

    /**
     * Creates the notebook.
     *
     * @param name the component name (also the notebook name unless one is given)
     * @param args the arguments (validated when built)
     * @param options component options (provider, parent, aliases…)
     */
    public HardenedNotebook(String name, HardenedNotebookArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, checkedName(Names.check(TYPE, name), args), options);
        var child = CustomResourceOptions.builder().parent(this).build();
        AwsContext aws = AwsContext.of(this);
        var deployment = com.pulumi.deployment.Deployment.getInstance();
        String instanceName = args.effectiveNotebookName(name, deployment.getProjectName(), deployment.getStackName());

        Output<String> key = volumeKey(name, args.getKmsKey(), "HardenedNotebookArgs.kmsKey",
                "mlinfra: encrypts the volume of notebook " + instanceName, args.getTags());

        Placement placement = args.getPlacement();
        var sg = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .vpcId(placement.effectiveVpcId())
                .description("mlinfra: notebook " + instanceName + "; no ingress, HTTPS egress to VPC endpoints and S3 only")
                .revokeRulesOnDelete(true)
                .tags(ResourceTags.of(TagRules.Service.EC2).name(name + "-notebook").user(args.getTags())
                        .waivers(args.getWaivers()).build())
                .build(), child);
        PrivateNetwork.workloadEgress(name, sg.id(), placement.effectiveEndpointSecurityGroupId(),
                placement.effectiveS3PrefixListId(this), this);

        List<Grant> grants = new ArrayList<>();
        grants.add(volumeKeyGrant(key, "UseNotebookKey"));
        grants.add(Grant.of(aws.values().applyValue(v -> List.of(
                Statement.builder()
                        .sid("NotebookLogs")
                        .effect(Effect.Allow)
                        .addActions("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                                "logs:DescribeLogStreams")
                        .addResources("arn:" + v.partition() + ":logs:" + v.region() + ":" + v.accountId()
                                + ":log-group:/aws/sagemaker/NotebookInstances:*")
                        .build(),
                Statement.builder()
                        .sid("DescribeOwnNotebook")
                        .effect(Effect.Allow)
                        .addActions("sagemaker:DescribeNotebookInstance")
                        .addResources("arn:" + v.partition() + ":sagemaker:" + v.region() + ":" + v.accountId()
                                + ":notebook-instance/" + instanceName.toLowerCase(Locale.ROOT))
                        .build()))));
        grants.addAll(args.getGrants());
        var roleArgs = ServiceRoleArgs.builder()
                .service("sagemaker.amazonaws.com")
                .serviceFeature(io.github.mlinfra.aws.ConfusedDeputyKeys.SAGEMAKER_NOTEBOOK_INSTANCE)
                .description("mlinfra: execution role of notebook " + instanceName)
                .grants(grants)
                .tags(args.getTags());
        args.getRoleName().ifPresent(roleArgs::roleName);
        var role = new ServiceRole(name + "-role", roleArgs.build(), ComponentResourceOptions.builder().parent(this).build());

        var notebook = NotebookInstanceArgs.builder()
                .name(instanceName)
                .roleArn(role.roleArn())
                .instanceType(args.getInstanceType())
                .subnetId(placement.effectiveSubnetIds().applyValue(ids -> ids.get(0)))
                .securityGroups(sg.id().applyValue(List::of))
                .kmsKeyId(key)
                .directInternetAccess(args.isWaived(Control.SM_NO_DIRECT_INTERNET) ? "Enabled" : "Disabled")
                .rootAccess(args.isWaived(Control.SM_NO_ROOT_ACCESS) ? "Enabled" : "Disabled")
                .instanceMetadataServiceConfiguration(NotebookInstanceInstanceMetadataServiceConfigurationArgs.builder()
                        .minimumInstanceMetadataServiceVersion(args.isWaived(Control.SM_NOTEBOOK_IMDSV2) ? "1" : "2")
                        .build())
                .volumeSize(args.getVolumeSizeGb())
                .tags(ResourceTags.of(TagRules.Service.SAGEMAKER).name(instanceName).user(args.getTags())
                        .waivers(args.getWaivers()).build());
        // Unset by default: the provider's platform_identifier is Optional+Computed, and com.pulumi:aws 6.83.0
        // refuses notebook-al2023-v1, which AWS picks when none is sent (aws/NotebookPlatforms).
        args.getPlatformIdentifier().ifPresent(notebook::platformIdentifier);
        if (args.getOnCreateScript().isPresent() || args.getOnStartScript().isPresent()) {
            var lc = NotebookInstanceLifecycleConfigurationArgs.builder()
                    .name(PhysicalNames.derive(NameRules.Rule.SAGEMAKER_LIFECYCLE_CONFIG, name));
            args.getOnCreateScript().ifPresent(s -> lc.onCreate(Output.ofSecret(HardenedNotebookArgs.base64(s))));
            args.getOnStartScript().ifPresent(s -> lc.onStart(Output.ofSecret(HardenedNotebookArgs.base64(s))));
            var lifecycle = new NotebookInstanceLifecycleConfiguration(name + "-lifecycle", lc.build(), child);
            notebook.lifecycleConfigName(lifecycle.name());
        }
        var instance = new NotebookInstance(name + "-notebook", notebook.build(),
                CustomResourceOptions.builder().parent(this).protect(true).dependsOn(placement.dependencies()).build());

        this.notebookName = instance.name();
        this.notebookArn = instance.arn();
        registerOutputs(Map.of("notebookName", notebookName, "notebookArn", notebookArn), role.roleArn(), sg.id(), key,
                args.getWaivers());
    }

    private static String checkedName(String name, HardenedNotebookArgs args) {
        if (args.getNotebookName().isEmpty()) {
            HardenedNotebookArgs.checkNotebookName("HardenedNotebook.name", name);
        }
        return name;
    }

    /**
     * The notebook instance name.
     *
     * @return the name
     */
    public Output<String> notebookName() {
        return notebookName;
    }

    /**
     * The notebook instance ARN.
     *
     * @return the ARN
     */
    public Output<String> notebookArn() {
        return notebookArn;
    }
}
