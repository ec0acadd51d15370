package io.github.mlinfra.network;

import io.github.mlinfra.internal.Names;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.VpcEndpointRouteTableAssociation;
import com.pulumi.aws.ec2.VpcEndpointRouteTableAssociationArgs;
import com.pulumi.aws.ec2.inputs.GetPrefixListArgs;
import com.pulumi.aws.ec2.outputs.GetPrefixListResult;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilterArgs;
import com.pulumi.aws.outputs.GetAvailabilityZonesResult;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.github.mlinfra.aws.AwsOwnedBuckets;
import io.github.mlinfra.aws.EndpointPolicySupport;
import io.github.mlinfra.aws.NameRules;
import io.github.mlinfra.aws.ResourceIds;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.iam.Grant;
import io.github.mlinfra.iam.ServiceRole;
import io.github.mlinfra.iam.ServiceRoleArgs;
import io.github.mlinfra.internal.AwsContext;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.PhysicalNames;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.kms.KeyServiceAccess;
import io.github.mlinfra.kms.ManagedKey;
import io.github.mlinfra.kms.ManagedKeyArgs;
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
 * A private VPC for ML workloads: private subnets across availability zones, no internet gateway
 * (none at all in this version: there is no public subnet, NAT or internet route), VPC endpoints
 * for the AWS APIs workloads call (S3 gateway endpoint and interface endpoints with private DNS),
 * an endpoint security group admitting HTTPS from the VPC only, the default security group stripped
 * of all rules, and VPC flow logs (all traffic) to a KMS-encrypted CloudWatch log group with a
 * retention period.
 *
 * <pre>{@code
 * var net = new PrivateNetwork("ml", PrivateNetworkArgs.builder().build());
 * var sg = new SecurityGroup("worker-sg", SecurityGroupArgs.builder()
 *     .vpcId(net.vpcId()).description("worker: no ingress").build());
 * net.allowWorkloadEgress("worker", sg.id());   // HTTPS to the endpoints and to S3, nothing else
 * ctx.export("vpcId", net.vpcId());
 * }</pre>
 *
 * <p>Children (created VPC): {@code <name>-vpc}, {@code <name>-private-<i>} subnets,
 * {@code <name>-private-rt} and {@code <name>-private-rta-<i>}, {@code <name>-default-sg},
 * {@code <name>-endpoint-sg} with {@code <name>-endpoint-sg-https-in}, {@code <name>-s3-endpoint}
 * with {@code <name>-s3-endpoint-rta}, {@code <name>-endpoint-<service>} (dots as dashes),
 * {@code <name>-flow-log-key} ({@link ManagedKey}), {@code <name>-flow-log-group},
 * {@code <name>-flow-log-role} ({@link ServiceRole}) and {@code <name>-flow-log}. With an existing
 * VPC only the security group, its rule and the endpoints are created.
 */
public final class PrivateNetwork extends ComponentResource {
    /** The component's type token. */
    public static final String TYPE = "mlinfra:network:PrivateNetwork";
    /** HTTPS. */
    static final int HTTPS = 443;

    private final Output<String> vpcId;
    private final Output<List<String>> privateSubnetIds;
    private final Output<String> endpointSecurityGroupId;
    private final Output<String> s3PrefixListId;
    private final List<String> interfaceEndpointServices;

    /**
     * Creates the network.
     *
     * @param name the component name, prefix of every child
     * @param args the arguments
     */
    public PrivateNetwork(String name, PrivateNetworkArgs args) {
        this(name, args, null);
    }

    /**
     * Creates the network.
     *
     * @param name the component name, prefix of every child
     * @param args the arguments (validated when built)
     * @param options component options (provider, parent, aliases…)
     */
    public PrivateNetwork(String name, PrivateNetworkArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, Names.check(TYPE, name), options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var invoke = InvokeOutputOptions.builder().parent(this).build();
        AwsContext aws = AwsContext.of(this);
        Map<String, String> tags = ResourceTags.of(TagRules.Service.VPC).user(args.getTags()).waivers(args.getWaivers()).build();
        String cidr = args.effectiveCidrBlock();

        // the waivers the component records by itself, registered with the user's so that the guard
        // reads their full text (a tag value holds only what AWS's tag alphabet allows)
        List<Waiver> builtIn = new ArrayList<>();
        Output<String> vpc;
        Output<List<String>> subnets;
        Output<List<String>> s3RouteTables;
        if (args.usesExistingVpc()) {
            boolean ha = args.isHighAvailability();
            vpc = args.getExistingVpcId().orElseThrow().applyValue(PrivateNetwork::checkVpcId);
            subnets = args.getExistingSubnetIds().orElseThrow().applyValue(ids -> checkSubnetIds(ids, ha));
            s3RouteTables = args.getExistingRouteTableIds().map(o -> o.applyValue(PrivateNetwork::checkRouteTableIds))
                    .orElse(null);
        } else {
            List<Waiver> vpcWaivers = operationsEndpointsWaiver(args).stream().toList();
            builtIn.addAll(vpcWaivers);
            var vpcResource = new Vpc(name + "-vpc", VpcArgs.builder()
                    .cidrBlock(cidr)
                    .enableDnsSupport(true)
                    .enableDnsHostnames(true)
                    .instanceTenancy("default")
                    .tags(named(args, name + "-vpc", vpcWaivers))
                    .build(), child);
            // the VPC's waiver tags (the user's and the built-in one) are what the guard reads for its endpoint controls
            vpc = vpcResource.id();
            int count = args.getAvailabilityZoneCount();
            boolean ha = args.isHighAvailability();
            Output<List<String>> zones = AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder()
                    .state("available")
                    .filters(GetAvailabilityZonesFilterArgs.builder().name("opt-in-status")
                            .values("opt-in-not-required").build())
                    .build(), invoke).applyValue(GetAvailabilityZonesResult::names)
                    .applyValue(z -> checkZones(z, count, ha));
            var routeTable = new RouteTable(name + "-private-rt", RouteTableArgs.builder()
                    .vpcId(vpc)
                    .tags(named(args, name + "-private"))
                    .build(), child);
            List<String> blocks = args.subnetCidrBlocks();
            List<Output<String>> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int zone = i;
                var subnet = new Subnet(name + "-private-" + i, SubnetArgs.builder()
                        .vpcId(vpc)
                        .cidrBlock(blocks.get(i))
                        .availabilityZone(zones.applyValue(z -> z.get(zone)))
                        .mapPublicIpOnLaunch(false)
                        .assignIpv6AddressOnCreation(false)
                        .tags(named(args, name + "-private-" + i))
                        .build(), child);
                new RouteTableAssociation(name + "-private-rta-" + i, RouteTableAssociationArgs.builder()
                        .subnetId(subnet.id())
                        .routeTableId(routeTable.id())
                        .build(), child);
                ids.add(subnet.id());
            }
            subnets = Output.all(ids);
            s3RouteTables = routeTable.id().applyValue(List::of);

            if (!args.isWaived(Control.VPC_DEFAULT_SG_CLOSED)) {
                // adopting the default security group with no rule blocks removes every rule it has
                new DefaultSecurityGroup(name + "-default-sg", DefaultSecurityGroupArgs.builder()
                        .vpcId(vpc)
                        .ingress(List.of())
                        .egress(List.of())
                        .tags(named(args, name + "-default-closed"))
                        .build(), child);
            }
            if (!args.isWaived(Control.VPC_FLOW_LOGS)) {
                flowLogs(name, args, vpc, tags);
            }
        }

        var endpointSg = new SecurityGroup(name + "-endpoint-sg", SecurityGroupArgs.builder()
                .vpcId(vpc)
                .description("mlinfra: VPC interface endpoints; HTTPS from the VPC only")
                .revokeRulesOnDelete(true)
                .tags(named(args, name + "-endpoints"))
                .build(), child);
        new SecurityGroupIngressRule(name + "-endpoint-sg-https-in", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(endpointSg.id())
                .description("HTTPS from the VPC to the interface endpoints")
                .ipProtocol("tcp")
                .fromPort(HTTPS)
                .toPort(HTTPS)
                .cidrIpv4(cidr)
                .tags(tags)
                .build(), child);

        boolean open = args.isWaived(Control.VPC_ENDPOINT_POLICY);
        var s3 = VpcEndpointArgs.builder()
                .vpcId(vpc)
                .serviceName(aws.region().applyValue(r -> "com.amazonaws." + r + ".s3"))
                .vpcEndpointType("Gateway")
                .tags(named(args, name + "-s3"));
        if (!open) {
            s3.policy(aws.values().applyValue(v -> endpointPolicyJson(s3EndpointPolicy(v.accountId(), v.partition(), v.region()))));
        }
        if (args.usesExistingVpc() && s3RouteTables != null) {
            s3.routeTableIds(s3RouteTables);
        }
        var s3Endpoint = new VpcEndpoint(name + "-s3-endpoint", s3.build(), child);
        if (!args.usesExistingVpc()) {
            new VpcEndpointRouteTableAssociation(name + "-s3-endpoint-rta", VpcEndpointRouteTableAssociationArgs.builder()
                    .vpcEndpointId(s3Endpoint.id())
                    .routeTableId(s3RouteTables.applyValue(l -> l.get(0)))
                    .build(), child);
        }

        for (String service : args.getInterfaceEndpointServices()) {
            List<Waiver> waivers = new ArrayList<>(endpointWaivers(args));
            boolean policy = !open && EndpointPolicySupport.documented(service);
            if (!open && !policy) {
                waivers.add(undocumentedPolicyWaiver(service));
                builtIn.add(undocumentedPolicyWaiver(service));
            }
            var endpoint = VpcEndpointArgs.builder()
                    .vpcId(vpc)
                    .serviceName(aws.region().applyValue(r -> "com.amazonaws." + r + "." + service))
                    .vpcEndpointType("Interface")
                    .privateDnsEnabled(true)
                    .subnetIds(subnets)
                    .securityGroupIds(endpointSg.id().applyValue(List::of))
                    .tags(named(args, name + "-" + service, waivers));
            if (policy) {
                endpoint.policy(aws.accountId().applyValue(a -> endpointPolicyJson(interfaceEndpointPolicy(a))));
            }
            new VpcEndpoint(name + "-endpoint-" + service.replace('.', '-'), endpoint.build(), child);
        }

        Output<GetPrefixListResult> prefixList = Ec2Functions.getPrefixList(GetPrefixListArgs.builder()
                .name(aws.region().applyValue(r -> "com.amazonaws." + r + ".s3"))
                .build(), invoke);

        this.vpcId = vpc;
        this.interfaceEndpointServices = List.copyOf(args.getInterfaceEndpointServices());
        this.privateSubnetIds = subnets;
        this.endpointSecurityGroupId = endpointSg.id();
        this.s3PrefixListId = prefixList.applyValue(GetPrefixListResult::id);
        registerOutputs(Map.of("vpcId", vpcId, "privateSubnetIds", privateSubnetIds,
                "endpointSecurityGroupId", endpointSecurityGroupId, "s3PrefixListId", s3PrefixListId,
                ResourceTags.WAIVERS_OUTPUT, ResourceTags.waiverOutputs(
                        java.util.stream.Stream.concat(args.getWaivers().stream(), builtIn.stream()).toList())));
    }

    private void flowLogs(String name, PrivateNetworkArgs args, Output<String> vpc, Map<String, String> tags) {
        boolean logWaived = args.isWaived(Control.LOGS_ENCRYPTED_RETAINED);
        var keyArgs = ManagedKeyArgs.builder()
                .description("mlinfra: encrypts the VPC flow logs of " + name)
                .addServiceAccess(KeyServiceAccess.cloudWatchLogs())
                .tags(args.getTags());
        if (logWaived) {
            keyArgs.waive(Control.KMS_DELETION_PROTECTION, "Waiver of " + Control.LOGS_ENCRYPTED_RETAINED.id()
                    + " on the network: the flow-log key is not protected either.");
        }
        var key = new ManagedKey(name + "-flow-log-key", keyArgs.build(),
                ComponentResourceOptions.builder().parent(this).build());
        var logGroup = new LogGroup(name + "-flow-log-group", LogGroupArgs.builder()
                .name(PhysicalNames.derive(NameRules.Rule.LOG_GROUP, "vpc-flow-logs", name))
                .kmsKeyId(key.keyArn())
                .retentionInDays(args.getFlowLogRetentionDays())
                .tags(ResourceTags.of(TagRules.Service.LOGS).user(args.getTags()).waivers(args.getWaivers()).build())
                .build(), CustomResourceOptions.builder().parent(this).protect(!logWaived).build());
        var role = new ServiceRole(name + "-flow-log-role", ServiceRoleArgs.builder()
                .service("vpc-flow-logs.amazonaws.com")
                .description("mlinfra: VPC flow logs of " + name + " deliver to their log group")
                .addGrants(grantFlowLogDelivery(logGroup.arn()))
                .tags(args.getTags())
                .build(), ComponentResourceOptions.builder().parent(this).build());
        var flowLog = new FlowLog(name + "-flow-log", FlowLogArgs.builder()
                .vpcId(vpc)
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(logGroup.arn())
                .iamRoleArn(role.roleArn())
                .maxAggregationInterval(60)
                .tags(named(args, name + "-flow-log"))
                // on the role COMPONENT: the SDK expands it to the role and its inline policy, so the
                // flow log is created only once the role may deliver (a dependency on roleArn alone
                // waits for the role, not its policy)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(role).build());
    }

    /**
     * What the flow-logs service needs to publish to its log group: the actions AWS lists for the
     * flow-logs role
     * (<a href="https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html">IAM role for
     * publishing flow logs to CloudWatch Logs</a>, looked up 2026-11-30: {@code logs:CreateLogGroup},
     * {@code CreateLogStream}, {@code PutLogEvents}, {@code DescribeLogGroups},
     * {@code DescribeLogStreams}). AWS's example puts them all on {@code "*"}; here every action that
     * takes a log-group or log-stream ARN is scoped to this log group and its streams, and only
     * {@code logs:DescribeLogGroups}, a List action that names no log group (it is on the
     * {@link io.github.mlinfra.iam.StarOnlyActions} allowlist), stays on {@code "*"}.
     *
     * @param logGroupArn the log group ARN (without the {@code :*} suffix)
     * @return the grant
     */
    static Grant grantFlowLogDelivery(Output<String> logGroupArn) {
        return Grant.of(logGroupArn.applyValue(arn -> List.of(
                Statement.builder()
                        .sid("DeliverFlowLogs")
                        .effect(Effect.Allow)
                        .addActions("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                                "logs:DescribeLogStreams")
                        .addResources(arn, arn + ":*")
                        .build(),
                Statement.builder()
                        .sid("ListLogGroups")
                        .effect(Effect.Allow)
                        .addActions("logs:DescribeLogGroups")
                        .addResources("*")
                        .wildcardsAllowed(true)
                        .build())));
    }

    /**
     * The policy of an interface endpoint whose service takes one: only principals of the stack's
     * account ({@code aws:PrincipalAccount}), and AWS service principals acting for it
     * ({@code aws:PrincipalIsAWSService}), may send requests through the endpoint; a credential of
     * any other account cannot use it to move data. The pattern of AWS's data-perimeter examples,
     * with the account in place of the organisation.
     *
     * @param account the stack's account
     * @return the policy
     */
    static PolicyDocument interfaceEndpointPolicy(String account) {
        return PolicyDocument.of(thisAccountPrincipals(account), awsServicePrincipals());
    }

    /**
     * The policy of the S3 gateway endpoint (gateway endpoint policies name {@code Principal "*"} and
     * put the account in conditions): principals of the stack's account, to buckets of the stack's
     * account ({@code aws:ResourceAccount}, an exact account id: no wildcard); AWS service
     * principals; and, for anyone, {@code s3:GetObject} on the AWS-owned buckets workloads need
     * ({@link AwsOwnedBuckets}: ECR image layers, Amazon Linux repositories, Systems Manager and the
     * CloudWatch agent).
     *
     * @param account the stack's account
     * @param partition the partition
     * @param region the region
     * @return the policy
     */
    static PolicyDocument s3EndpointPolicy(String account, String partition, String region) {
        return PolicyDocument.of(
                Statement.builder()
                        .sid("AllowThisAccountToItsBuckets")
                        .effect(Effect.Allow)
                        .principal(Principal.anyone())
                        .addActions("*")
                        .addResources("*")
                        .addConditions(Condition.of("StringEquals", "aws:PrincipalAccount", account),
                                Condition.of("StringEquals", "aws:ResourceAccount", account))
                        .wildcardsAllowed(true)
                        .build(),
                awsServicePrincipals(),
                Statement.builder()
                        .sid("AllowAwsOwnedBuckets")
                        .effect(Effect.Allow)
                        .principal(Principal.anyone())
                        .addActions("s3:GetObject")
                        .addAllResources(AwsOwnedBuckets.objectArns(partition, region))
                        .wildcardsAllowed(true)
                        .build());
    }

    private static Statement thisAccountPrincipals(String account) {
        return allowAnyCallWhen("AllowThisAccountPrincipals", Condition.of("StringEquals", "aws:PrincipalAccount", account));
    }

    private static Statement awsServicePrincipals() {
        return allowAnyCallWhen("AllowAwsServicePrincipals", Condition.of("Bool", "aws:PrincipalIsAWSService", "true"));
    }

    /** An endpoint-policy statement allowing every call through the endpoint whose caller meets the condition. */
    private static Statement allowAnyCallWhen(String sid, Condition condition) {
        return Statement.builder()
                .sid(sid)
                .effect(Effect.Allow)
                .principal(Principal.anyone())
                .addActions("*")
                .addResources("*")
                .addConditions(condition)
                .wildcardsAllowed(true)
                .build();
    }

    /**
     * The policy as JSON, refused when longer than AWS's endpoint-policy limit
     * ({@link EndpointPolicySupport#MAX_POLICY_CHARACTERS}).
     *
     * @param policy the policy
     * @return its JSON
     */
    static String endpointPolicyJson(PolicyDocument policy) {
        String json = policy.toJson();
        if (json.length() > EndpointPolicySupport.MAX_POLICY_CHARACTERS) {
            Check.fail("PrivateNetwork.endpointPolicy", "longer than the " + EndpointPolicySupport.MAX_POLICY_CHARACTERS
                    + "-character limit of a VPC endpoint policy", json.length() + " characters",
                    "at most " + EndpointPolicySupport.MAX_POLICY_CHARACTERS + " characters");
        }
        return json;
    }

    private static List<Waiver> endpointWaivers(PrivateNetworkArgs args) {
        return args.getWaivers().stream().filter(w -> w.getControl() == Control.VPC_ENDPOINT_POLICY).toList();
    }

    /**
     * The built-in waiver of MLI-VPC-09 (Security Hub EC2.10, EC2.58, EC2.60: interface endpoints for
     * the EC2 API, Incident Manager and Incident Manager Contacts in every VPC) recorded on the VPC,
     * unless the user waived the control themselves. This network's workloads (SageMaker jobs and
     * notebooks, training instances) call none of these services, and its private subnets have no
     * route out, so no such call leaves the VPC; an endpoint per service and zone would cost money
     * and add network interfaces for traffic that does not exist. Incident Manager endpoints are not
     * among the services this component creates; {@code ec2} is, for instances that call the EC2 API.
     */
    static java.util.Optional<Waiver> operationsEndpointsWaiver(PrivateNetworkArgs args) {
        if (args.isWaived(Control.VPC_OPERATIONS_ENDPOINTS)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Waiver.of(Control.VPC_OPERATIONS_ENDPOINTS, "The workloads of this private network"
                + " do not call Incident Manager, its Contacts or, unless ec2 is among the endpoint services, the EC2 API;"
                + " the subnets have no route out, so no such call leaves the VPC."));
    }

    static Waiver undocumentedPolicyWaiver(String service) {
        return Waiver.of(Control.VPC_ENDPOINT_POLICY, "The " + service + " endpoint service is not documented to take"
                + " an endpoint policy and AWS gives such endpoints full access. It is created without a policy"
                + " and IAM and resource policies remain the only limit.");
    }

    private static Map<String, String> named(PrivateNetworkArgs args, String name) {
        return named(args, name, List.of());
    }

    private static Map<String, String> named(PrivateNetworkArgs args, String name, List<Waiver> builtIn) {
        return ResourceTags.of(TagRules.Service.VPC).name(name).user(args.getTags()).waivers(args.getWaivers())
                .waivers(builtIn).build();
    }

    static List<String> checkZones(List<String> zones, int count, boolean highAvailability) {
        if (highAvailability && zones.size() < 2) {
            Check.fail("PrivateNetworkArgs.highAvailability", "the region offers fewer than two availability zones",
                    zones, "a region with at least two zones, or highAvailability(false)");
        }
        if (zones.size() < count) {
            Check.fail("PrivateNetworkArgs.availabilityZoneCount", "more zones asked than the region offers", zones,
                    "at most " + zones.size() + " zones");
        }
        return zones;
    }

    static String checkVpcId(String id) {
        return ResourceIds.check("PrivateNetworkArgs.existingVpcId", ResourceIds.Kind.VPC, id);
    }

    static List<String> checkSubnetIds(List<String> ids, boolean highAvailability) {
        List<String> out = ResourceIds.checkAll("PrivateNetworkArgs.existingSubnetIds", ResourceIds.Kind.SUBNET, ids, 1, Integer.MAX_VALUE);
        if (highAvailability && ids.size() < 2) {
            Check.fail("PrivateNetworkArgs.existingSubnetIds", "fewer than two subnets with high availability", ids,
                    "subnets in at least two availability zones, or highAvailability(false)");
        }
        return out;
    }

    static List<String> checkRouteTableIds(List<String> ids) {
        return ResourceIds.checkAll("PrivateNetworkArgs.existingRouteTableIds", ResourceIds.Kind.ROUTE_TABLE, ids, 1, Integer.MAX_VALUE);
    }

    /**
     * Gives a workload security group its only egress: HTTPS to this network's interface endpoints
     * (by security group reference) and HTTPS to S3 through the gateway endpoint (by the S3 prefix
     * list). Never {@code 0.0.0.0/0}. The rules are children of this network.
     *
     * @param name prefix of the two rules: {@code <name>-https-endpoints} and {@code <name>-https-s3}
     * @param workloadSecurityGroupId the workload's security group
     * @return the two egress rules
     */
    public List<SecurityGroupEgressRule> allowWorkloadEgress(String name, Output<String> workloadSecurityGroupId) {
        return workloadEgress(name, workloadSecurityGroupId, endpointSecurityGroupId, s3PrefixListId, this);
    }

    /**
     * Gives a workload security group its only egress, HTTPS to the endpoint security group and to
     * the S3 prefix list, for callers that hold those ids (a network created elsewhere, another
     * component). Never {@code 0.0.0.0/0}.
     *
     * @param name prefix of the two rules: {@code <name>-https-endpoints} and {@code <name>-https-s3}
     * @param workloadSecurityGroupId the workload's security group
     * @param endpointSecurityGroupId the interface endpoints' security group ({@link #endpointSecurityGroupId()})
     * @param s3PrefixListId the S3 prefix list id ({@link #s3PrefixListId()})
     * @param parent the resource the rules are children of (the workload's component)
     * @return the two egress rules
     */
    public static List<SecurityGroupEgressRule> workloadEgress(String name, Output<String> workloadSecurityGroupId,
                                                               Output<String> endpointSecurityGroupId,
                                                               Output<String> s3PrefixListId, Resource parent) {
        var opts = CustomResourceOptions.builder().parent(parent).build();
        var endpoints = new SecurityGroupEgressRule(name + "-https-endpoints", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(workloadSecurityGroupId)
                .description("HTTPS to the VPC interface endpoints")
                .ipProtocol("tcp")
                .fromPort(HTTPS)
                .toPort(HTTPS)
                .referencedSecurityGroupId(endpointSecurityGroupId)
                .build(), opts);
        var s3 = new SecurityGroupEgressRule(name + "-https-s3", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(workloadSecurityGroupId)
                .description("HTTPS to S3 through the gateway endpoint")
                .ipProtocol("tcp")
                .fromPort(HTTPS)
                .toPort(HTTPS)
                .prefixListId(s3PrefixListId)
                .build(), opts);
        return List.of(endpoints, s3);
    }

    /**
     * The VPC id (created, or the existing one once validated).
     *
     * @return the VPC id
     */
    public Output<String> vpcId() {
        return vpcId;
    }

    /**
     * The private subnet ids, one per availability zone, in zone order.
     *
     * @return the subnet ids
     */
    public Output<List<String>> privateSubnetIds() {
        return privateSubnetIds;
    }

    /**
     * The interface endpoints' security group id; workloads send HTTPS to it.
     *
     * @return the security group id
     */
    public Output<String> endpointSecurityGroupId() {
        return endpointSecurityGroupId;
    }

    /**
     * The interface endpoint services this network has ({@code com.amazonaws.<region>.<service>}),
     * as given in {@link PrivateNetworkArgs#getInterfaceEndpointServices()}: a workload that calls
     * an AWS API from the private subnets needs that API's endpoint here.
     *
     * @return the endpoint service names, e.g. {@code ["sts", "logs", "monitoring"]}
     */
    public List<String> interfaceEndpointServices() {
        return interfaceEndpointServices;
    }

    /**
     * The region's S3 prefix list id ({@code com.amazonaws.<region>.s3}), the destination of
     * workloads' S3 egress through the gateway endpoint.
     *
     * @return the prefix list id
     */
    public Output<String> s3PrefixListId() {
        return s3PrefixListId;
    }
}
