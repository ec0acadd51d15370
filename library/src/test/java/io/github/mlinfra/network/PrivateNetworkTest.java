package io.github.mlinfra.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.core.Output;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.iam.StarOnlyActions;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanException;
import io.github.mlinfra.plan.PlannedResource;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PrivateNetworkTest {

    private static Plan defaultPlan() {
        return PlanEngine.plan(ctx -> {
            var net = new PrivateNetwork("ml", PrivateNetworkArgs.builder().build());
            var sg = new SecurityGroup("worker-sg", SecurityGroupArgs.builder().vpcId(net.vpcId())
                    .description("worker").build());
            net.allowWorkloadEgress("worker", sg.id());
            ctx.export("vpcId", net.vpcId());
            ctx.export("subnets", net.privateSubnetIds());
            ctx.export("endpointSg", net.endpointSecurityGroupId());
            ctx.export("s3PrefixList", net.s3PrefixListId());
        });
    }

    private static String id(PlannedResource r) {
        return r.getId().orElseThrow();
    }

    @Test
    void vpcHasDnsAndPrivateSubnetsInTwoZonesAndNoInternetPath() {
        Plan plan = defaultPlan();
        var vpc = plan.resource("ml-vpc");
        assertThat(vpc.getType()).isEqualTo("aws:ec2/vpc:Vpc");
        assertThat(vpc.getInputs()).containsEntry("cidrBlock", "10.0.0.0/16").containsEntry("enableDnsSupport", true)
                .containsEntry("enableDnsHostnames", true);
        assertThat(vpc.getParent()).contains(plan.resource("ml").getUrn());
        assertThat(plan.resource("ml").getType()).isEqualTo(PrivateNetwork.TYPE);
        var s0 = plan.resource("ml-private-0");
        var s1 = plan.resource("ml-private-1");
        assertThat(s0.getInputs()).containsEntry("availabilityZone", "us-east-1a").containsEntry("cidrBlock", "10.0.0.0/18")
                .containsEntry("vpcId", id(vpc)).containsEntry("mapPublicIpOnLaunch", false);
        assertThat(s1.getInputs()).containsEntry("availabilityZone", "us-east-1b").containsEntry("cidrBlock", "10.0.64.0/18");
        assertThat(plan.find("ml-private-2")).isEmpty();
        assertThat(plan.resourcesOfType("aws:ec2/subnet:Subnet")).hasSize(2);
        // MLI-VPC-03: no internet gateway, no NAT, no route at all besides the implicit local one
        assertThat(plan.resourcesOfType("aws:ec2/internetGateway:InternetGateway")).isEmpty();
        assertThat(plan.resourcesOfType("aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway")).isEmpty();
        assertThat(plan.resourcesOfType("aws:ec2/natGateway:NatGateway")).isEmpty();
        assertThat(plan.resourcesOfType("aws:ec2/route:Route")).isEmpty();
        var rt = plan.resource("ml-private-rt");
        assertThat(rt.getInputs()).containsEntry("vpcId", id(vpc)).doesNotContainKey("routes");
        assertThat(plan.resource("ml-private-rta-0").getInputs()).containsEntry("subnetId", id(s0)).containsEntry("routeTableId", id(rt));
        assertThat(plan.resource("ml-private-rta-1").getInputs()).containsEntry("subnetId", id(s1));
        assertThat(plan.getOutputs().get("vpcId")).isEqualTo(id(vpc));
        assertThat(plan.getOutputs().get("subnets")).isEqualTo(List.of(id(s0), id(s1)));
    }

    @Test
    void defaultSecurityGroupIsStrippedOfAllRules() {
        Plan plan = defaultPlan();
        var dsg = plan.resource("ml-default-sg");
        assertThat(dsg.getType()).isEqualTo("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        assertThat(dsg.getInputs()).containsEntry("vpcId", id(plan.resource("ml-vpc")))
                .containsEntry("ingress", List.of()).containsEntry("egress", List.of());
    }

    @Test
    void endpointsArePrivateAndReachableOnlyOverHttpsFromTheVpc() {
        Plan plan = defaultPlan();
        String vpcId = id(plan.resource("ml-vpc"));
        var sg = plan.resource("ml-endpoint-sg");
        assertThat(sg.getInputs()).containsEntry("vpcId", vpcId).doesNotContainKeys("ingress", "egress");
        var in = plan.resource("ml-endpoint-sg-https-in");
        assertThat(in.getType()).isEqualTo("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assertThat(in.getInputs()).containsEntry("securityGroupId", id(sg)).containsEntry("ipProtocol", "tcp")
                .containsEntry("fromPort", 443L).containsEntry("toPort", 443L).containsEntry("cidrIpv4", "10.0.0.0/16");
        assertThat(plan.resourcesOfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")).hasSize(1);

        var s3 = plan.resource("ml-s3-endpoint");
        assertThat(s3.getInputs()).containsEntry("vpcEndpointType", "Gateway")
                .containsEntry("serviceName", "com.amazonaws.us-east-1.s3").containsEntry("vpcId", vpcId);
        assertThat(plan.resource("ml-s3-endpoint-rta").getInputs()).containsEntry("vpcEndpointId", id(s3))
                .containsEntry("routeTableId", id(plan.resource("ml-private-rt")));

        List<String> subnets = List.of(id(plan.resource("ml-private-0")), id(plan.resource("ml-private-1")));
        var services = plan.resourcesOfType("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                .filter(r -> "Interface".equals(r.getInputs().get("vpcEndpointType")))
                .map(r -> {
                    assertThat(r.getInputs()).containsEntry("privateDnsEnabled", true).containsEntry("subnetIds", subnets)
                            .containsEntry("securityGroupIds", List.of(id(sg))).containsEntry("vpcId", vpcId);
                    return ((String) r.getInputs().get("serviceName")).substring("com.amazonaws.us-east-1.".length());
                }).collect(Collectors.toList());
        assertThat(services).containsExactlyInAnyOrderElementsOf(PrivateNetworkArgs.DEFAULT_INTERFACE_ENDPOINTS);
        assertThat(plan.resource("ml-endpoint-sagemaker-api").getInputs())
                .containsEntry("serviceName", "com.amazonaws.us-east-1.sagemaker.api");
        assertThat(plan.getOutputs().get("endpointSg")).isEqualTo(id(sg));
    }

    @Test
    void workloadEgressIsHttpsToTheEndpointsAndTheS3PrefixListOnly() {
        Plan plan = defaultPlan();
        String worker = id(plan.resource("worker-sg"));
        var toEndpoints = plan.resource("worker-https-endpoints");
        assertThat(toEndpoints.getType()).isEqualTo("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
        assertThat(toEndpoints.getInputs()).containsEntry("securityGroupId", worker).containsEntry("ipProtocol", "tcp")
                .containsEntry("fromPort", 443L).containsEntry("toPort", 443L)
                .containsEntry("referencedSecurityGroupId", id(plan.resource("ml-endpoint-sg")))
                .doesNotContainKeys("cidrIpv4", "cidrIpv6");
        var toS3 = plan.resource("worker-https-s3");
        String prefixList = (String) plan.getOutputs().get("s3PrefixList");
        assertThat(prefixList).startsWith("pl-");
        assertThat(toS3.getInputs()).containsEntry("securityGroupId", worker).containsEntry("prefixListId", prefixList)
                .containsEntry("fromPort", 443L).doesNotContainKeys("cidrIpv4", "cidrIpv6");
        assertThat(plan.resourcesOfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")).hasSize(2)
                .noneMatch(r -> "0.0.0.0/0".equals(r.getInputs().get("cidrIpv4")));
        assertThat(toS3.getParent()).contains(plan.resource("ml").getUrn());
    }

    @Test
    void flowLogsGoToAnEncryptedRetainedLogGroupThroughALeastPrivilegeRole() {
        Plan plan = defaultPlan();
        var group = plan.resource("ml-flow-log-group");
        var key = plan.resource("ml-flow-log-key-key");
        assertThat(group.getInputs()).containsEntry("kmsKeyId", key.getOutputs().get("arn"))
                .containsEntry("retentionInDays", 365L).containsEntry("name", "/mlinfra/mlinfra/dev/vpc-flow-logs/ml");
        assertThat(group.isProtect()).isTrue();
        assertThat(key.isProtect()).isTrue();
        var keyPolicy = PolicyDocument.parse((String) key.getInputs().get("policy"));
        assertThat(keyPolicy.statement("AllowCloudWatchLogs").orElseThrow().getPrincipal().orElseThrow().getIdentifiers())
                .containsEntry("Service", List.of("logs.us-east-1.amazonaws.com"));
        var role = plan.resource("ml-flow-log-role-role");
        var trust = PolicyDocument.parse((String) role.getInputs().get("assumeRolePolicy"));
        assertThat(trust.getStatements()).singleElement().satisfies(s -> assertThat(s.getPrincipal().orElseThrow()
                .getIdentifiers()).containsEntry("Service", List.of("vpc-flow-logs.amazonaws.com")));
        var flow = plan.resource("ml-flow-log");
        assertThat(flow.getType()).isEqualTo("aws:ec2/flowLog:FlowLog");
        String groupArn = (String) group.getOutputs().get("arn");
        assertThat(flow.getInputs()).containsEntry("vpcId", id(plan.resource("ml-vpc"))).containsEntry("trafficType", "ALL")
                .containsEntry("logDestinationType", "cloud-watch-logs").containsEntry("logDestination", groupArn)
                .containsEntry("iamRoleArn", role.getOutputs().get("arn"));
        var policy = PolicyDocument.parse((String) plan.resource("ml-flow-log-role-policy").getInputs().get("policy"));
        // the five actions AWS lists for the flow-logs role; only the List action stays on "*"
        assertThat(policy.statement("DeliverFlowLogs").orElseThrow()).satisfies(s -> {
            assertThat(s.getActions()).containsExactlyInAnyOrder("logs:CreateLogGroup", "logs:CreateLogStream",
                    "logs:PutLogEvents", "logs:DescribeLogStreams");
            assertThat(s.getResources()).containsExactly(groupArn, groupArn + ":*");
        });
        assertThat(policy.statement("ListLogGroups").orElseThrow()).satisfies(s -> {
            assertThat(s.getActions()).containsExactly("logs:DescribeLogGroups");
            assertThat(s.getResources()).containsExactly("*");
        });
        for (Statement s : policy.getStatements()) {
            assertThat(s.getActions()).noneMatch(Statement::isWildcardAction);
            if (s.getResources().contains("*")) {
                assertThat(s.getActions()).allMatch(StarOnlyActions::contains);
            }
        }
        assertThat(StarOnlyActions.contains("logs:PutLogEvents")).isFalse();
    }

    @Test
    void waiversRemoveFlowLogsAndTheDefaultGroupAndAreRecorded() {
        Plan plan = PlanEngine.plan(ctx -> new PrivateNetwork("dev", PrivateNetworkArgs.builder()
                .waive(Control.VPC_FLOW_LOGS, "Throwaway sandbox VPC; traffic is mirrored to the central collector.")
                .waive(Control.VPC_DEFAULT_SG_CLOSED, "The default group is managed by the account baseline stack.")
                .build()));
        assertThat(plan.resourcesOfType("aws:ec2/flowLog:FlowLog")).isEmpty();
        assertThat(plan.resourcesOfType("aws:cloudwatch/logGroup:LogGroup")).isEmpty();
        assertThat(plan.resourcesOfType("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup")).isEmpty();
        // the user's two, and the built-in ones the component records with their full text: MLI-VPC-09 on
        // the VPC, MLI-VPC-04 on the two endpoints (ssmmessages, ec2messages) with no documented policy
        assertThat(plan.resource("dev").getWaivers()).extracting(w -> w.getControl())
                .containsExactlyInAnyOrder(Control.VPC_FLOW_LOGS, Control.VPC_DEFAULT_SG_CLOSED,
                        Control.VPC_OPERATIONS_ENDPOINTS, Control.VPC_ENDPOINT_POLICY, Control.VPC_ENDPOINT_POLICY);
        assertThat(plan.resource("dev-vpc").hasTag("mlinfra:waiver:MLI-VPC-01",
                "Throwaway sandbox VPC traffic is mirrored to the central collector.")).isTrue();

        Plan shortLogs = PlanEngine.plan(ctx -> new PrivateNetwork("tmp", PrivateNetworkArgs.builder()
                .flowLogRetentionDays(30)
                .waive(Control.LOGS_ENCRYPTED_RETAINED, "Ephemeral CI network; logs are only needed for the test run.")
                .build()));
        var group = shortLogs.resource("tmp-flow-log-group");
        assertThat(group.getInputs()).containsEntry("retentionInDays", 30L);
        assertThat(group.isProtect()).isFalse();
        assertThat(group.getWaivers()).extracting(w -> w.getControl()).containsExactly(Control.LOGS_ENCRYPTED_RETAINED);
        assertThat(shortLogs.resource("tmp-flow-log-key-key").isProtect()).isFalse();
    }

    @Test
    void threeZonesGiveThreeSubnets() {
        Plan plan = PlanEngine.plan(ctx -> new PrivateNetwork("ha", PrivateNetworkArgs.builder()
                .cidrBlock("192.168.0.0/20").availabilityZoneCount(3)
                .interfaceEndpointServices(List.of("sts", "logs")).build()));
        assertThat(plan.resource("ha-private-2").getInputs()).containsEntry("availabilityZone", "us-east-1c")
                .containsEntry("cidrBlock", "192.168.8.0/22");
        assertThat(plan.resourcesOfType("aws:ec2/vpcEndpoint:VpcEndpoint")).hasSize(3);
    }

    @Test
    void existingVpcGetsOnlyEndpointsAndSecurityGroups() {
        Plan plan = PlanEngine.plan(ctx -> {
            var net = new PrivateNetwork("shared", PrivateNetworkArgs.builder()
                    .existingVpcId(Output.of("vpc-0a1b2c3d4e5f60718"))
                    .existingSubnetIds(Output.of(List.of("subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718")))
                    .existingRouteTableIds(Output.of(List.of("rtb-0a1b2c3d4e5f60718")))
                    .cidrBlock("172.31.0.0/16")
                    .build());
            ctx.export("vpcId", net.vpcId());
        });
        assertThat(plan.resourcesOfType("aws:ec2/vpc:Vpc")).isEmpty();
        assertThat(plan.resourcesOfType("aws:ec2/subnet:Subnet")).isEmpty();
        assertThat(plan.resourcesOfType("aws:ec2/flowLog:FlowLog")).isEmpty();
        assertThat(plan.resourcesOfType("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup")).isEmpty();
        assertThat(plan.resource("shared-endpoint-sg-https-in").getInputs()).containsEntry("cidrIpv4", "172.31.0.0/16");
        assertThat(plan.resource("shared-s3-endpoint").getInputs())
                .containsEntry("routeTableIds", List.of("rtb-0a1b2c3d4e5f60718"));
        assertThat(plan.resource("shared-endpoint-sts").getInputs())
                .containsEntry("subnetIds", List.of("subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"))
                .containsEntry("vpcId", "vpc-0a1b2c3d4e5f60718");
        assertThat(plan.getOutputs()).containsEntry("vpcId", "vpc-0a1b2c3d4e5f60718");
    }

    @Test
    void anEmptyExistingSubnetListFailsThePlanWhenItResolves() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new PrivateNetwork("bad", PrivateNetworkArgs.builder()
                .existingVpcId(Output.of("vpc-0a1b2c3d4e5f60718"))
                .existingSubnetIds(Output.of(List.of()))
                .cidrBlock("10.0.0.0/16")
                .build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("PrivateNetworkArgs.existingSubnetIds: wrong number of ids; got []");
    }

    @Test
    void flowLogPolicyMatchesGoldenAndChildUrnsArePinned() throws Exception {
        Plan plan = defaultPlan();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var in = getClass().getResourceAsStream("/golden/private-network-flow-log-role-policy.json")) {
            assertThat(in).isNotNull();
            assertThat(mapper.readTree((String) plan.resource("ml-flow-log-role-policy").getInputs().get("policy")))
                    .isEqualTo(mapper.readTree(in));
        }
        String base = "urn:pulumi:dev::mlinfra::mlinfra:network:PrivateNetwork";
        assertThat(plan.resource("ml").getUrn()).isEqualTo(base + "::ml");
        assertThat(plan.resource("ml-vpc").getUrn()).isEqualTo(base + "$aws:ec2/vpc:Vpc::ml-vpc");
        assertThat(plan.resource("ml-private-0").getUrn()).isEqualTo(base + "$aws:ec2/subnet:Subnet::ml-private-0");
        assertThat(plan.resource("ml-private-rt").getUrn()).isEqualTo(base + "$aws:ec2/routeTable:RouteTable::ml-private-rt");
        assertThat(plan.resource("ml-default-sg").getUrn())
                .isEqualTo(base + "$aws:ec2/defaultSecurityGroup:DefaultSecurityGroup::ml-default-sg");
        assertThat(plan.resource("ml-endpoint-sg").getUrn()).isEqualTo(base + "$aws:ec2/securityGroup:SecurityGroup::ml-endpoint-sg");
        assertThat(plan.resource("ml-s3-endpoint").getUrn()).isEqualTo(base + "$aws:ec2/vpcEndpoint:VpcEndpoint::ml-s3-endpoint");
        assertThat(plan.resource("ml-endpoint-ecr-dkr").getUrn())
                .isEqualTo(base + "$aws:ec2/vpcEndpoint:VpcEndpoint::ml-endpoint-ecr-dkr");
        assertThat(plan.resource("ml-flow-log").getUrn()).isEqualTo(base + "$aws:ec2/flowLog:FlowLog::ml-flow-log");
        assertThat(plan.resource("ml-flow-log-group").getUrn())
                .isEqualTo(base + "$aws:cloudwatch/logGroup:LogGroup::ml-flow-log-group");
    }

    @Test
    void flowLogDependsOnTheRoleComponentSoItWaitsForTheRolePolicy() {
        var captured = new java.util.concurrent.atomic.AtomicReference<com.pulumi.resources.ResourceOptions>();
        com.pulumi.resources.ResourceTransformation capture = a -> {
            if (a.resource().pulumiResourceName().equals("ml-flow-log")) {
                captured.set(a.options());
            }
            return java.util.Optional.empty();
        };
        PlanEngine.plan(ctx -> new PrivateNetwork("ml", PrivateNetworkArgs.builder().build()),
                io.github.mlinfra.plan.PlanOptions.builder().addTransformations(capture).build());
        assertThat(captured.get()).isNotNull();
        @SuppressWarnings("unchecked")
        List<com.pulumi.resources.Resource> deps = (List<com.pulumi.resources.Resource>)
                com.pulumi.test.internal.PulumiTestInternal.extractOutputData(captured.get().getDependsOn()).getValueNullable();
        // the ServiceRole component itself: the engine expands it to the role AND its inline policy
        assertThat(deps).singleElement().satisfies(r -> {
            assertThat(r).isInstanceOf(io.github.mlinfra.iam.ServiceRole.class);
            assertThat(r.pulumiResourceName()).isEqualTo("ml-flow-log-role");
        });
    }

    @Test
    void endpointPoliciesKeepUseToTheAccountAndMatchGolden() throws Exception {
        Plan plan = defaultPlan();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var in = getClass().getResourceAsStream("/golden/private-network-s3-endpoint-policy.json")) {
            assertThat(in).isNotNull();
            assertThat(mapper.readTree((String) plan.resource("ml-s3-endpoint").getInputs().get("policy")))
                    .isEqualTo(mapper.readTree(in));
        }
        try (var in = getClass().getResourceAsStream("/golden/private-network-interface-endpoint-policy.json")) {
            assertThat(in).isNotNull();
            var golden = mapper.readTree(in);
            for (String svc : List.of("sagemaker-api", "sagemaker-runtime", "sts", "logs", "ecr-api", "ecr-dkr", "kms", "ssm")) {
                var endpoint = plan.resource("ml-endpoint-" + svc);
                assertThat(mapper.readTree((String) endpoint.getInputs().get("policy"))).as(svc).isEqualTo(golden);
                assertThat(endpoint.getWaivers()).as(svc).isEmpty();
            }
        }
        // not documented to take a policy: open, and the component records the waiver itself
        for (String svc : List.of("ssmmessages", "ec2messages")) {
            var endpoint = plan.resource("ml-endpoint-" + svc);
            assertThat(endpoint.getInputs()).doesNotContainKey("policy");
            assertThat(endpoint.getWaivers()).singleElement().satisfies(w -> {
                assertThat(w.getControl()).isEqualTo(Control.VPC_ENDPOINT_POLICY);
                assertThat(w.getJustification()).contains(svc);
            });
        }
        for (PlannedResource e : plan.resourcesOfType("aws:ec2/vpcEndpoint:VpcEndpoint")) {
            Object policy = e.getInputs().get("policy");
            if (policy != null) {
                assertThat(((String) policy).length()).isLessThanOrEqualTo(io.github.mlinfra.aws.EndpointPolicySupport.MAX_POLICY_CHARACTERS);
            }
        }
    }

    @Test
    void waivingTheEndpointPolicyOpensEveryEndpointAndIsRecorded() {
        String why = "A shared-services VPC whose endpoints serve every account of the organisation by design.";
        Plan plan = PlanEngine.plan(ctx -> new PrivateNetwork("ml", PrivateNetworkArgs.builder()
                .waive(Control.VPC_ENDPOINT_POLICY, why).build()));
        for (PlannedResource e : plan.resourcesOfType("aws:ec2/vpcEndpoint:VpcEndpoint")) {
            assertThat(e.getInputs()).as(e.getName()).doesNotContainKey("policy");
            assertThat(e.getWaivers()).as(e.getName()).extracting(w -> w.getControl()).containsExactly(Control.VPC_ENDPOINT_POLICY);
        }
    }

    @Test
    void anEndpointPolicyOverAwsLimitIsRefused() {
        var big = io.github.mlinfra.policy.PolicyDocument.of(Statement.builder().sid("Big")
                .effect(io.github.mlinfra.policy.Effect.Allow).principal(io.github.mlinfra.policy.Principal.anyone())
                .addActions("s3:GetObject").addAllResources(java.util.Collections.nCopies(700, "arn:aws:s3:::some-bucket-name/*"))
                .build());
        assertThatThrownBy(() -> PrivateNetwork.endpointPolicyJson(big))
                .hasMessageStartingWith("PrivateNetwork.endpointPolicy: longer than the 20480-character limit of a VPC endpoint policy");
        assertThat(PrivateNetwork.endpointPolicyJson(PrivateNetwork.interfaceEndpointPolicy("123456789012"))).contains("aws:PrincipalAccount");
    }
}
