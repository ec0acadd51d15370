package io.github.mlinfra.compute;

import io.github.mlinfra.aws.Arns;
import io.github.mlinfra.internal.Names;
import io.github.mlinfra.internal.SecurityGroupText;
import com.pulumi.aws.ebs.Volume;
import com.pulumi.aws.ebs.VolumeArgs;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.Instance;
import com.pulumi.aws.ec2.InstanceArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.VolumeAttachment;
import com.pulumi.aws.ec2.VolumeAttachmentArgs;
import com.pulumi.aws.ec2.inputs.GetAmiArgs;
import com.pulumi.aws.ec2.inputs.GetAmiFilterArgs;
import com.pulumi.aws.ec2.inputs.InstanceMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.InstanceRootBlockDeviceArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.ec2.outputs.GetAmiResult;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import io.github.mlinfra.network.PlacedWorkload;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.github.mlinfra.aws.ResourceIds;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.iam.Grant;
import io.github.mlinfra.iam.ServiceRole;
import io.github.mlinfra.iam.ServiceRoleArgs;
import io.github.mlinfra.internal.AwsContext;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.kms.ManagedKey;
import io.github.mlinfra.kms.ManagedKeyArgs;
import io.github.mlinfra.network.Placement;
import io.github.mlinfra.policy.Condition;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * An EC2 instance for GPU training, hardened on every point of the scenario: a least-privilege
 * instance role (grants only, no AWS-managed policy) given to the instance by profile name; a
 * maintained GPU Deep Learning AMI looked up from {@code amazon} (or your pinned AMI); a GPU or
 * accelerator instance type; a security group with no ingress (operators use SSM Session Manager;
 * no key pair) and HTTPS egress only to the VPC endpoints and S3; detailed monitoring and an
 * optional CloudWatch agent; root and data volumes encrypted with a customer-managed key;
 * dedicated tenancy; IMDSv2 with hop limit 1; a private subnet, no public IP, termination
 * protection, EBS optimization, and {@code protect} on the instance and its data volumes. Placed
 * in a {@code PrivateNetwork}, the instance waits for all of it (endpoints, the S3 gateway route), and its
 * user data retries its downloads for at most 15 minutes.
 *
 * <pre>{@code
 * var trainer = new HardenedGpuTrainer("train", HardenedGpuTrainerArgs.builder()
 *     .placement(Placement.in(net))  // a PrivateNetwork: the instance boots once its endpoints and S3 route exist
 *     .addDataVolumes(DataVolume.of(500, "/dev/sdh"))
 *     .addGrants(ckpt.grantReadCheckpoints("runs/"), ckpt.grantWriteCheckpoints("runs/"))
 *     .build());
 * ctx.export("instanceId", trainer.instanceId());
 * }</pre>
 *
 * <p>Children: {@code <name>-key} (a {@code ManagedKey}, unless {@code kmsKey} is given),
 * {@code <name>-role} (a {@code ServiceRole} for {@code ec2.amazonaws.com}), {@code <name>-profile}
 * ({@code aws:iam/instanceProfile:InstanceProfile}), {@code <name>-sg}
 * ({@code aws:ec2/securityGroup:SecurityGroup}), {@code <name>-instance}
 * ({@code aws:ec2/instance:Instance}), and per data volume {@code <name>-data-<sdX>}
 * ({@code aws:ebs/volume:Volume}) and {@code <name>-data-<sdX>-attachment}
 * ({@code aws:ec2/volumeAttachment:VolumeAttachment}).
 *
 * <p><b>Rolling to a new AMI.</b> A looked-up AMI is in {@code ignoreChanges} (so a new image
 * release never replaces the instance by surprise) and the instance is protected and
 * termination-protected. To move to a new image: (1) one {@code pulumi up} with
 * {@code waive(Control.EC2_TERMINATION_PROTECTION, "...")} to lift {@code protect} and termination
 * protection; (2) one {@code pulumi up} with the new image pinned ({@code ami("ami-...")}) or with
 * {@code ignoreAmiChanges(false)}: the instance is replaced, the data volumes (their own
 * {@code protect} off only during the waiver) are re-attached; (3) remove the waiver. The root
 * volume is deleted with the old instance: keep data on the data volumes or in S3.
 */
public final class HardenedGpuTrainer extends PlacedWorkload {
    /** The component's type token. */
    public static final String TYPE = "mlinfra:compute:HardenedGpuTrainer";
    /**
     * The {@code mlinfra:purpose} tag value on the instance, so the guard's trainer rules
     * (MLI-EC2-07, MLI-EC2-08) evaluate it.
     */
    public static final String PURPOSE = "training";
    /**
     * What SSM Session Manager needs on the instance role (all on {@code Resource: "*"}: none of these
     * names a resource type in the Service Authorization Reference). {@code ssm:UpdateInstanceInformation}
     * gets a statement of its own ({@code SsmAgentHeartbeat}) with the condition that names the calling
     * instance, see {@link #sessionManagerGrants(AwsContext)}.
     */
    public static final List<String> SESSION_MANAGER_ACTIONS = List.of("ssm:UpdateInstanceInformation",
            "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel", "ec2messages:AcknowledgeMessage", "ec2messages:DeleteMessage",
            "ec2messages:FailMessage", "ec2messages:GetEndpoint", "ec2messages:GetMessages", "ec2messages:SendReply");

    /**
     * The Session Manager grants of the instance role. {@code ssm:UpdateInstanceInformation} (the SSM
     * Agent's heartbeat) takes no resource ARN: the Service Authorization Reference
     * (<a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html">Systems
     * Manager actions</a>, looked up 2026-11-30) lists no resource type for it, only the condition keys
     * {@code ec2:SourceInstanceARN} and {@code ssm:SourceInstanceARN}. The instance does not exist
     * when the role is created, so the documented way to name the caller is the condition on
     * {@code ec2:SourceInstanceARN} (present whenever the request is signed with instance-profile
     * credentials, the form Systems Manager's own compliance policy uses): here, an EC2 instance of
     * the stack's account and region. The other agent actions keep one statement on {@code "*"}.
     *
     * @param aws the account, partition and region
     * @return the two grants: {@code SessionManager} and {@code SsmAgentHeartbeat}
     */
    static List<Grant> sessionManagerGrants(AwsContext aws) {
        String[] channel = SESSION_MANAGER_ACTIONS.stream().filter(a -> !a.equals("ssm:UpdateInstanceInformation"))
                .toArray(String[]::new);
        Grant heartbeat = Grant.of(aws.values().applyValue(v -> List.of(Statement.builder()
                .sid("SsmAgentHeartbeat")
                .effect(Effect.Allow)
                .addActions("ssm:UpdateInstanceInformation")
                .addResources("*")
                .addConditions(Condition.of("ArnLike", "ec2:SourceInstanceARN",
                        "arn:" + v.partition() + ":ec2:" + v.region() + ":" + v.accountId() + ":instance/*"))
                .wildcardsAllowed(true)
                .build())));
        return List.of(Grant.onAnyResource("SessionManager", channel), heartbeat);
    }

    /** How long the user data retries its network steps before it fails: 15 minutes. */
    static final int BOOTSTRAP_TIMEOUT_SECONDS = 900;
    static final String AGENT_CONFIG_PATH = "/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json";

    private final Instance instance;

    /**
     * Creates the trainer.
     *
     * @param name the component name; children are {@code <name>-<role>}
     * @param args the arguments
     */
    public HardenedGpuTrainer(String name, HardenedGpuTrainerArgs args) {
        this(name, args, null);
    }

    /**
     * Creates the trainer.
     *
     * @param name the component name; children are {@code <name>-<role>}
     * @param args the arguments (plain values validated when built, Outputs when they resolve)
     * @param options component options (provider, parent, aliases…)
     */
    public HardenedGpuTrainer(String name, HardenedGpuTrainerArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, Names.check(TYPE, name), options);
        List<Waiver> waivers = args.getWaivers();
        boolean protect = !args.isWaived(Control.EC2_TERMINATION_PROTECTION);
        var child = CustomResourceOptions.builder().parent(this).build();
        Map<String, String> baseTags = ResourceTags.of(TagRules.Service.EC2).user(args.getTags()).build();

        // Encryption: a customer-managed key for every volume. The role's statement for it has its
        // own Sid ("UseVolumeKey") so it never collides with a storage key's "UseKey" grant in the same policy.
        Output<String> keyArn = volumeKey(name, args.getKmsKey(), "HardenedGpuTrainerArgs.kmsKey",
                "Encrypts the EBS volumes of GPU trainer " + name, args.getTags());

        // IAM: grants only, plus the key and Session Manager; the profile goes by name.
        List<Grant> grants = new ArrayList<>(args.getGrants());
        grants.add(volumeKeyGrant(keyArn, "UseVolumeKey"));
        grants.addAll(sessionManagerGrants(AwsContext.of(this)));
        args.agentNamespace().ifPresent(ns -> grants.add(Grant.of(Statement.builder()
                .sid("CloudWatchAgentMetrics")
                .effect(Effect.Allow)
                .addActions("cloudwatch:PutMetricData")
                .addResources("*")
                .addConditions(Condition.of("StringEquals", "cloudwatch:namespace", List.of(ns)))
                .wildcardsAllowed(true)
                .build())));
        var role = new ServiceRole(name + "-role", ServiceRoleArgs.builder()
                .service("ec2.amazonaws.com")
                .description("Instance role of GPU trainer " + name + " (least privilege, mlinfra)")
                .grants(grants)
                .tags(args.getTags())
                .build(), ComponentResourceOptions.builder().parent(this).build());
        var profile = new InstanceProfile(name + "-profile", InstanceProfileArgs.builder()
                .role(role.roleName())
                .tags(ResourceTags.of(TagRules.Service.IAM).user(args.getTags()).build())
                .build(), child);

        // Network: a security group with named ingress only and HTTPS egress to endpoints and S3,
        // all from the placement; the subnet must be one of its own.
        Placement placement = args.getPlacement();
        Output<String> vpcId = placement.effectiveVpcId();
        Output<String> endpointSg = placement.effectiveEndpointSecurityGroupId();
        Output<String> s3PrefixList = placement.effectiveS3PrefixListId(this);
        List<Waiver> sgWaivers = only(waivers, Control.EC2_NO_OPEN_INGRESS);
        var sg = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .description(SecurityGroupText.describe("GPU trainer ", name,
                        ": no ingress but named sources; HTTPS egress to VPC endpoints and S3 only"))
                .vpcId(vpcId)
                .ingress(ingress(args.getIngress()))
                .egress(SecurityGroupEgressArgs.builder()
                                .description("HTTPS to the VPC interface endpoints (SSM, CloudWatch, KMS, STS)")
                                .protocol("tcp").fromPort(443).toPort(443)
                                .securityGroups(endpointSg.applyValue(List::of))
                                .build(),
                        SecurityGroupEgressArgs.builder()
                                .description("HTTPS to S3 through the gateway endpoint")
                                .protocol("tcp").fromPort(443).toPort(443)
                                .prefixListIds(s3PrefixList.applyValue(List::of))
                                .build())
                .revokeRulesOnDelete(true)
                .tags(ResourceTags.of(TagRules.Service.EC2).user(args.getTags()).waivers(sgWaivers).build())
                .build(), child);

        // AMI: a maintained GPU Deep Learning image from amazon, or the pinned id.
        boolean lookup = args.getAmi().isEmpty();
        Output<String> ami = lookup
                ? Ec2Functions.getAmi(GetAmiArgs.builder()
                        .mostRecent(true)
                        .owners(HardenedGpuTrainerArgs.AMI_OWNER)
                        .filters(filter("name", args.effectiveAmiNameFilter()),
                                filter("architecture", args.getAmiArchitecture()),
                                filter("state", "available"))
                        .build(), InvokeOutputOptions.builder().parent(this).build()).applyValue(GetAmiResult::id)
                : Output.of(args.getAmi().get());

        Output<String> subnetId = subnetId(args, placement);
        List<Waiver> instanceWaivers = only(waivers, Control.EC2_GPU_INSTANCE_TYPE, Control.EC2_DEDICATED_TENANCY,
                Control.EC2_TERMINATION_PROTECTION, Control.EC2_IMDSV2);
        // mlinfra:purpose=training: the guard's trainer rules (MLI-EC2-07 GPU type, MLI-EC2-08
        // dedicated tenancy) apply to instances that declare this purpose
        Map<String, String> instanceTags = ResourceTags.of(TagRules.Service.EC2).name(name).user(args.getTags())
                .purpose(PURPOSE).waivers(instanceWaivers).build();
        var instanceArgs = InstanceArgs.builder()
                .ami(ami)
                .instanceType(args.getInstanceType())
                .subnetId(subnetId)
                .vpcSecurityGroupIds(sg.id().applyValue(List::of))
                .associatePublicIpAddress(false)
                .iamInstanceProfile(profile.name())
                .tenancy(args.getTenancy())
                .monitoring(true)
                .ebsOptimized(true)
                .disableApiTermination(protect)
                .metadataOptions(InstanceMetadataOptionsArgs.builder()
                        .httpTokens("required")
                        .httpEndpoint("enabled")
                        .httpPutResponseHopLimit(args.getMetadataHopLimit())
                        .instanceMetadataTags("disabled")
                        .build())
                .rootBlockDevice(InstanceRootBlockDeviceArgs.builder()
                        .encrypted(true)
                        .kmsKeyId(keyArn)
                        .volumeType("gp3")
                        .volumeSize(args.getRootVolumeSizeGib())
                        .deleteOnTermination(true)
                        .tags(baseTags)
                        .build())
                .tags(instanceTags);
        args.getCloudWatchAgentConfig().ifPresent(c -> instanceArgs.userData(userData(c)));
        // The instance boots only when its path exists: with a network, dependsOn it (the SDK expands
        // a component to its custom resources: interface endpoints, the S3 gateway endpoint and its
        // route-table association, subnets' route-table associations).
        var instanceOptions = CustomResourceOptions.builder()
                .parent(this)
                .protect(protect)
                .dependsOn(dependencies(role, placement));
        if (lookup && args.isIgnoreAmiChanges()) {
            instanceOptions.ignoreChanges("ami");
        }
        this.instance = new Instance(name + "-instance", instanceArgs.build(), instanceOptions.build());

        // Data volumes: encrypted gp3 in the instance's zone, protected, attached by device name.
        List<Waiver> volumeWaivers = only(waivers, Control.EC2_TERMINATION_PROTECTION);
        for (DataVolume v : args.getDataVolumes()) {
            Map<String, String> volumeTags = ResourceTags.of(TagRules.Service.EC2).name(name + "-data-" + v.shortName())
                    .user(args.getTags()).waivers(volumeWaivers).build();
            var volume = new Volume(name + "-data-" + v.shortName(), VolumeArgs.builder()
                    .availabilityZone(instance.availabilityZone())
                    .size(v.getSizeGib())
                    .type("gp3")
                    .encrypted(true)
                    .kmsKeyId(keyArn)
                    .finalSnapshot(true)
                    .tags(volumeTags)
                    .build(), CustomResourceOptions.builder().parent(this).protect(protect).build());
            new VolumeAttachment(name + "-data-" + v.shortName() + "-attachment", VolumeAttachmentArgs.builder()
                    .deviceName(v.getDeviceName())
                    .volumeId(volume.id())
                    .instanceId(instance.id())
                    .stopInstanceBeforeDetaching(true)
                    .build(), child);
        }

        registerOutputs(Map.of("instanceId", instance.id(), "privateIp", instance.privateIp()), role.roleArn(), sg.id(), keyArn,
                waivers);
    }

    /**
     * The instance's subnet: the given one (checked to be one of the placement's private subnets
     * when both resolve), else the placement's first private subnet.
     */
    private static Output<String> subnetId(HardenedGpuTrainerArgs args, Placement placement) {
        Output<List<String>> subnets = placement.effectiveSubnetIds();
        if (args.getSubnetId().isEmpty()) {
            return subnets.applyValue(ids -> ids.get(0));
        }
        return Output.tuple(args.getSubnetId().get(), subnets, placement.effectiveVpcId()).applyValue(t ->
                HardenedGpuTrainerArgs.checkSubnetInNetwork(
                        ResourceIds.check("HardenedGpuTrainerArgs.subnetId", ResourceIds.Kind.SUBNET, t.t1), t.t2, t.t3));
    }

    private static List<Resource> dependencies(Resource role, Placement placement) {
        List<Resource> out = new ArrayList<>();
        out.add(role);
        out.addAll(placement.dependencies());
        return out;
    }

    private static GetAmiFilterArgs filter(String name, String value) {
        return GetAmiFilterArgs.builder().name(name).values(value).build();
    }

    private static List<SecurityGroupIngressArgs> ingress(List<IngressRule> rules) {
        List<SecurityGroupIngressArgs> out = new ArrayList<>();
        for (IngressRule r : rules) {
            var b = SecurityGroupIngressArgs.builder()
                    .description(r.getDescription())
                    .protocol(r.getProtocol())
                    .fromPort(r.getPort())
                    .toPort(r.getPort());
            List<String> v4 = r.getCidrs().stream().filter(c -> !c.contains(":")).toList();
            List<String> v6 = r.getCidrs().stream().filter(c -> c.contains(":")).toList();
            if (!v4.isEmpty()) {
                b.cidrBlocks(v4);
            }
            if (!v6.isEmpty()) {
                b.ipv6CidrBlocks(v6);
            }
            if (!r.getSourceSecurityGroupIds().isEmpty()) {
                b.securityGroups(r.getSourceSecurityGroupIds());
            }
            out.add(b.build());
        }
        return out;
    }

    private static List<Waiver> only(List<Waiver> waivers, Control... controls) {
        List<Control> wanted = List.of(controls);
        return waivers.stream().filter(w -> wanted.contains(w.getControl())).toList();
    }

    /**
     * The user data that installs (if missing) and starts the CloudWatch agent with a config.
     * cloud-init runs it once, at first boot: every step that needs the network (the package
     * download from the Amazon Linux repositories in S3, through the gateway endpoint; the agent's
     * start) is retried with exponential backoff (5 s doubling to at most 60 s between attempts,
     * each attempt and each wait cut at the time left) for at most {@link #BOOTSTRAP_TIMEOUT_SECONDS} seconds in
     * all, then the script fails loudly (a line on the console and in
     * {@code /var/log/cloud-init-output.log}, exit status 1). It is idempotent: run again, it
     * installs nothing already installed, rewrites the same config and restarts the agent.
     *
     * @param config the agent config JSON (validated)
     * @return the shell script
     */
    static String userData(String config) {
        String ctl = "/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl";
        return "#!/bin/bash\n"
                + "set -euo pipefail\n"
                + "# mlinfra: CloudWatch agent (packages come from S3 through the gateway endpoint)\n"
                + "# Network steps retry with backoff for at most " + BOOTSTRAP_TIMEOUT_SECONDS + " s, then fail loudly.\n"
                + "deadline=$(( $(date +%s) + " + BOOTSTRAP_TIMEOUT_SECONDS + " ))\n"
                + "retry() {\n"
                + "  local delay=5 left\n"
                + "  while true; do\n"
                + "    left=$(( deadline - $(date +%s) ))\n"
                + "    if [ \"$left\" -le 0 ]; then\n"
                + "      echo \"mlinfra-bootstrap: FAILED after " + BOOTSTRAP_TIMEOUT_SECONDS + " s: $*\" | tee /dev/console >&2\n"
                + "      exit 1\n"
                + "    fi\n"
                + "    if timeout \"$left\" \"$@\"; then\n"
                + "      return 0\n"
                + "    fi\n"
                + "    echo \"mlinfra-bootstrap: retrying in ${delay} s: $*\" >&2\n"
                + "    left=$(( deadline - $(date +%s) ))\n"
                + "    sleep \"$(( left <= 0 ? 0 : (delay < left ? delay : left) ))\"\n"
                + "    delay=$(( delay * 2 > 60 ? 60 : delay * 2 ))\n"
                + "  done\n"
                + "}\n"
                + "[ -x " + ctl + " ] || retry dnf install -y amazon-cloudwatch-agent\n"
                + "install -d -m 0755 /opt/aws/amazon-cloudwatch-agent/etc\n"
                + "cat > " + AGENT_CONFIG_PATH + " <<'MLINFRA_CWAGENT_CONFIG'\n"
                + HardenedGpuTrainerArgs.compactAgentConfig(config) + "\n"
                + "MLINFRA_CWAGENT_CONFIG\n"
                + "retry " + ctl + " -a fetch-config -m ec2 -s -c file:" + AGENT_CONFIG_PATH + "\n";
    }

    /**
     * The instance id.
     *
     * @return e.g. {@code i-0123456789abcdef0}
     */
    public Output<String> instanceId() {
        return instance.id();
    }

    /**
     * The instance's private IP address (it has no public one).
     *
     * @return the private IP
     */
    public Output<String> privateIp() {
        return instance.privateIp();
    }
}
