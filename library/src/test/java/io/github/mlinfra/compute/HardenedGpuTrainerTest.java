package io.github.mlinfra.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.guard.Guard;
import io.github.mlinfra.iam.Grant;
import io.github.mlinfra.iam.StarOnlyActions;
import io.github.mlinfra.network.Placement;
import io.github.mlinfra.kms.KeyReference;
import io.github.mlinfra.network.PrivateNetwork;
import io.github.mlinfra.network.PrivateNetworkArgs;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanException;
import io.github.mlinfra.plan.PlannedResource;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HardenedGpuTrainerTest {
    static final String VPC = "vpc-0123456789abcdef0";
    static final String SUBNET = "subnet-0123456789abcdef0";
    static final String ENDPOINT_SG = "sg-0123456789abcdef0";
    static final String S3_PL = "pl-63a5400a";
    static final String USER_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    /** What a checkpoint bucket's grantRead/WriteCheckpoints("runs/") would return. */
    static Grant checkpointGrant() {
        return Grant.of(Statement.builder().sid("ReadWriteCheckpoints").effect(Effect.Allow)
                .addActions("s3:GetObject", "s3:PutObject").addResources("arn:aws:s3:::ckpt-bucket/runs/*").build(),
                Statement.builder().sid("ListCheckpoints").effect(Effect.Allow)
                        .addActions("s3:ListBucket").addResources("arn:aws:s3:::ckpt-bucket").build(),
                // what the bucket's own ManagedKey.grantEncryptDecrypt() returns: Sid "UseKey"
                Statement.builder().sid("UseKey").effect(Effect.Allow).addActions("kms:Decrypt", "kms:GenerateDataKey")
                        .addResources("arn:aws:kms:us-east-1:123456789012:key/00000000-1111-2222-3333-444444444444").build());
    }

    static HardenedGpuTrainerArgs.Builder base() {
        return HardenedGpuTrainerArgs.builder().placement(existingVpc().build());
    }

    static Placement.Builder existingVpc() {
        return Placement.existingVpc().vpcId(VPC).subnetIds(SUBNET).endpointSecurityGroupId(ENDPOINT_SG).s3PrefixListId(S3_PL);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    static Plan defaultPlan() {
        return PlanEngine.plan(ctx -> {
            var t = new HardenedGpuTrainer("train", base()
                    .addDataVolumes(DataVolume.of(500, "/dev/sdh"))
                    .addGrants(checkpointGrant())
                    .build());
            ctx.export("instanceId", t.instanceId());
            ctx.export("privateIp", t.privateIp());
            ctx.export("roleArn", t.roleArn());
            ctx.export("securityGroupId", t.securityGroupId());
            ctx.export("keyArn", t.keyArn());
        });
    }

    @Test
    void iamRoleIsLeastPrivilegeFromGrantsAndTheProfileGoesByName() {
        Plan plan = defaultPlan();
        var role = plan.resource("train-role-role");
        var trust = PolicyDocument.parse((String) role.getInputs().get("assumeRolePolicy"));
        assertThat(trust.getStatements()).singleElement().satisfies(s ->
                assertThat(s.getPrincipal().orElseThrow().getIdentifiers()).containsEntry("Service", List.of("ec2.amazonaws.com")));
        var policy = PolicyDocument.parse((String) plan.resource("train-role-policy").getInputs().get("policy"));
        String keyArn = (String) plan.resource("train-key-key").getOutputs().get("arn");
        assertThat(policy.statement("ReadWriteCheckpoints").orElseThrow().getResources())
                .containsExactly("arn:aws:s3:::ckpt-bucket/runs/*");
        assertThat(policy.statement("UseVolumeKey").orElseThrow().getResources()).containsExactly(keyArn);
        assertThat(policy.statement("UseVolumeKey").orElseThrow().getActions()).contains("kms:Decrypt", "kms:GenerateDataKey")
                .doesNotContain("kms:ScheduleKeyDeletion", "kms:PutKeyPolicy");
        assertThat(policy.statement("SessionManager").orElseThrow().getActions())
                .containsExactlyInAnyOrderElementsOf(HardenedGpuTrainer.SESSION_MANAGER_ACTIONS.stream()
                        .filter(a -> !a.equals("ssm:UpdateInstanceInformation")).toList());
        // the heartbeat takes no resource ARN (Service Authorization Reference): the condition names the caller
        assertThat(policy.statement("SsmAgentHeartbeat").orElseThrow()).satisfies(st -> {
            assertThat(st.getActions()).containsExactly("ssm:UpdateInstanceInformation");
            assertThat(st.getResources()).containsExactly("*");
            assertThat(st.getConditions()).containsExactly(io.github.mlinfra.policy.Condition.of("ArnLike",
                    "ec2:SourceInstanceARN", "arn:aws:ec2:us-east-1:123456789012:instance/*"));
        });
        assertThat(policy.getStatements()).extracting(st -> st.getSid().orElseThrow())
                .containsExactly("ReadWriteCheckpoints", "ListCheckpoints", "UseKey", "UseVolumeKey", "SessionManager",
                        "SsmAgentHeartbeat");
        for (Statement s : policy.getStatements()) {
            assertThat(s.getEffect()).isEqualTo(Effect.Allow);
            assertThat(s.getActions()).noneMatch(Statement::isWildcardAction);
            if (s.getResources().contains("*")) {
                assertThat(s.getActions()).allMatch(StarOnlyActions::contains);
            }
        }
        assertThat(policy.toJson()).doesNotContain("s3:*").doesNotContain("arn:aws:s3:::*");
        assertThat(plan.resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).isEmpty();
        assertThat(plan.toJson()).doesNotContain("AmazonS3ReadOnlyAccess").doesNotContain("AmazonSSMManagedInstanceCore");

        var profile = plan.resource("train-profile");
        assertThat(profile.getType()).isEqualTo("aws:iam/instanceProfile:InstanceProfile");
        assertThat(profile.getInputs()).containsEntry("role", role.getOutputs().get("name"));
        var instance = plan.resource("train-instance");
        assertThat(instance.getInputs().get("iamInstanceProfile"))
                .isEqualTo(profile.getOutputs().get("name"))
                .isNotEqualTo(profile.getOutputs().get("arn"));
        assertThat(plan.getOutputs()).containsEntry("roleArn", role.getOutputs().get("arn"));
    }

    @Test
    void amiIsAMaintainedImageLookedUpAndIgnoredForChanges() {
        Plan plan = defaultPlan();
        var instance = plan.resource("train-instance");
        assertThat((String) instance.getInputs().get("ami")).matches("ami-[0-9a-f]{17}");
        assertThat(instance.getIgnoreChanges()).containsExactly("ami");
        assertThat(instance.getInputs()).containsEntry("instanceType", "g5.xlarge");
        // the lookup's filter decides the image: another filter gives another image
        Plan other = PlanEngine.plan(ctx -> new HardenedGpuTrainer("train", base()
                .amiNameFilter("my-team-dlami-*").build()));
        assertThat(other.resource("train-instance").getInputs().get("ami")).isNotEqualTo(instance.getInputs().get("ami"));
        // turning the ignore off is explicit
        Plan rolling = PlanEngine.plan(ctx -> new HardenedGpuTrainer("train", base().ignoreAmiChanges(false).build()));
        assertThat(rolling.resource("train-instance").getIgnoreChanges()).isEmpty();
    }

    @Test
    void securityGroupHasNoIngressAndOnlyHttpsEgressToEndpointsAndS3() {
        Plan plan = defaultPlan();
        var sg = plan.resource("train-sg");
        assertThat(sg.getType()).isEqualTo("aws:ec2/securityGroup:SecurityGroup");
        assertThat(sg.getInputs()).containsEntry("vpcId", VPC).containsEntry("revokeRulesOnDelete", true);
        assertThat(list(sg.getInputs().get("ingress"))).isEmpty();
        var egress = list(sg.getInputs().get("egress"));
        assertThat(egress).hasSize(2);
        for (Object e : egress) {
            assertThat(map(e)).containsEntry("protocol", "tcp").containsEntry("fromPort", 443L).containsEntry("toPort", 443L)
                    .doesNotContainKey("cidrBlocks").doesNotContainKey("ipv6CidrBlocks");
        }
        assertThat(map(egress.get(0))).containsEntry("securityGroups", List.of(ENDPOINT_SG));
        assertThat(map(egress.get(1))).containsEntry("prefixListIds", List.of(S3_PL));
        assertThat(sg.toString()).doesNotContain("0.0.0.0/0");
        var instance = plan.resource("train-instance");
        assertThat(instance.getInputs()).containsEntry("vpcSecurityGroupIds", List.of(sg.getId().orElseThrow()))
                .doesNotContainKey("keyName").doesNotContainKey("securityGroups");
        assertThat(plan.getOutputs()).containsEntry("securityGroupId", sg.getId().orElseThrow());
    }

    @Test
    void ingressWhenGivenIsFromNamedSourcesOnly() {
        Plan plan = PlanEngine.plan(ctx -> new HardenedGpuTrainer("train", base()
                .addIngress(IngressRule.builder().port(8888).addCidrs("10.20.0.0/16", "2001:db8::/32")
                        .addSourceSecurityGroupIds("sg-0fedcba9876543210").description("Jupyter from the VPN").build())
                .build()));
        var ingress = list(plan.resource("train-sg").getInputs().get("ingress"));
        assertThat(ingress).singleElement().satisfies(r -> assertThat(map(r))
                .containsEntry("fromPort", 8888L).containsEntry("toPort", 8888L).containsEntry("protocol", "tcp")
                .containsEntry("cidrBlocks", List.of("10.20.0.0/16"))
                .containsEntry("ipv6CidrBlocks", List.of("2001:db8::/32"))
                .containsEntry("securityGroups", List.of("sg-0fedcba9876543210"))
                .containsEntry("description", "Jupyter from the VPN"));
        assertThat(plan.resource("train-sg").getWaivers()).isEmpty();
    }

    @Test
    void monitoringTenancyImdsAndNetworkAreHardened() {
        var in = defaultPlan().resource("train-instance").getInputs();
        assertThat(in).containsEntry("monitoring", true)
                .containsEntry("tenancy", "dedicated")
                .containsEntry("subnetId", SUBNET)
                .containsEntry("associatePublicIpAddress", false)
                .containsEntry("disableApiTermination", true)
                .containsEntry("ebsOptimized", true)
                .doesNotContainKey("userData");
        assertThat(map(in.get("metadataOptions")))
                .containsEntry("httpTokens", "required")
                .containsEntry("httpEndpoint", "enabled")
                .containsEntry("httpPutResponseHopLimit", 1L)
                .containsEntry("instanceMetadataTags", "disabled");
        assertThat(defaultPlan().resource("train-instance").isProtect()).isTrue();
    }

    @Test
    void rootAndDataVolumesAreEncryptedWithTheManagedKeyAndProtected() {
        Plan plan = defaultPlan();
        var key = plan.resource("train-key-key");
        String keyArn = (String) key.getOutputs().get("arn");
        assertThat(key.isProtect()).isTrue();
        assertThat(key.getInputs()).containsEntry("enableKeyRotation", true);
        assertThat(plan.resource("train-key").getType()).isEqualTo("mlinfra:kms:ManagedKey");
        var instance = plan.resource("train-instance");
        assertThat(map(instance.getInputs().get("rootBlockDevice")))
                .containsEntry("encrypted", true)
                .containsEntry("kmsKeyId", keyArn)
                .containsEntry("volumeType", "gp3")
                .containsEntry("volumeSize", 200L)
                .containsEntry("deleteOnTermination", true);
        var volume = plan.resource("train-data-sdh");
        assertThat(volume.getType()).isEqualTo("aws:ebs/volume:Volume");
        assertThat(volume.isProtect()).isTrue();
        assertThat(volume.getInputs()).containsEntry("encrypted", true).containsEntry("kmsKeyId", keyArn)
                .containsEntry("type", "gp3").containsEntry("size", 500L).containsEntry("finalSnapshot", true)
                .containsEntry("availabilityZone", instance.getOutputs().get("availabilityZone"));
        var attachment = plan.resource("train-data-sdh-attachment");
        assertThat(attachment.getInputs()).containsEntry("deviceName", "/dev/sdh")
                .containsEntry("volumeId", volume.getId().orElseThrow())
                .containsEntry("instanceId", instance.getId().orElseThrow())
                .containsEntry("stopInstanceBeforeDetaching", true);
        assertThat(plan.getOutputs()).containsEntry("keyArn", keyArn)
                .containsEntry("instanceId", instance.getId().orElseThrow())
                .containsEntry("privateIp", instance.getOutputs().get("privateIp"))
                .doesNotContainKey("publicDns").doesNotContainKey("publicIp");
    }

    @Test
    void childrenHaveStableNamesTypesAndParent() {
        Plan plan = defaultPlan();
        var component = plan.resource("train");
        assertThat(component.getType()).isEqualTo(HardenedGpuTrainer.TYPE);
        assertThat(component.getUrn()).isEqualTo("urn:pulumi:dev::mlinfra::mlinfra:compute:HardenedGpuTrainer::train");
        assertThat(plan.resource("train-instance").getUrn()).isEqualTo(
                "urn:pulumi:dev::mlinfra::mlinfra:compute:HardenedGpuTrainer$aws:ec2/instance:Instance::train-instance");
        assertThat(plan.resource("train-data-sdh").getUrn()).isEqualTo(
                "urn:pulumi:dev::mlinfra::mlinfra:compute:HardenedGpuTrainer$aws:ebs/volume:Volume::train-data-sdh");
        assertThat(plan.childrenOf(component)).extracting(PlannedResource::getName).containsExactlyInAnyOrder(
                "train-key", "train-role", "train-profile", "train-sg", "train-instance", "train-data-sdh",
                "train-data-sdh-attachment");
    }

    @Test
    void cloudWatchAgentConfigGoesToUserDataWithANamespaceScopedMetricsGrant() {
        Plan plan = PlanEngine.plan(ctx -> new HardenedGpuTrainer("train", base()
                .cloudWatchAgentConfig("{\n  \"metrics\": {\"namespace\": \"Trainers\", \"metrics_collected\": {\"mem\": "
                        + "{\"measurement\": [\"mem_used_percent\"]}}}\n}")
                .build()));
        String userData = (String) plan.resource("train-instance").getInputs().get("userData");
        assertThat(userData).startsWith("#!/bin/bash\nset -euo pipefail\n")
                .contains("{\"metrics\":{\"namespace\":\"Trainers\",\"metrics_collected\":{\"mem\":{\"measurement\":[\"mem_used_percent\"]}}}}\n")
                .contains("\nretry /opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:"
                        + HardenedGpuTrainer.AGENT_CONFIG_PATH + "\n");
        var policy = PolicyDocument.parse((String) plan.resource("train-role-policy").getInputs().get("policy"));
        var metrics = policy.statement("CloudWatchAgentMetrics").orElseThrow();
        assertThat(metrics.getActions()).containsExactly("cloudwatch:PutMetricData");
        assertThat(metrics.getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getKey()).isEqualTo("cloudwatch:namespace");
            assertThat(c.getValues()).containsExactly("Trainers");
        });
    }

    /** Regression: the trainer refused keys of the aws-iso partitions that the buckets accepted. */
    @Test
    void keysOfTheIsoPartitionsAreAcceptedAsEverywhereElse() {
        String iso = "arn:aws-iso-b:kms:us-isob-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        Plan plan = PlanEngine.plan(ctx -> new HardenedGpuTrainer("train", base()
                .kmsKey(KeyReference.fromArn(Output.of(iso))).build()));
        assertThat(map(plan.resource("train-instance").getInputs().get("rootBlockDevice"))).containsEntry("kmsKeyId", iso);
    }

    @Test
    void pinnedAmiAndUserKeyAreUsedAsGiven() {
        Plan plan = PlanEngine.plan(ctx -> new HardenedGpuTrainer("train", base()
                .ami("ami-0123456789abcdef0")
                .kmsKey(KeyReference.fromArn(Output.of(USER_KEY)))
                .addDataVolumes(DataVolume.of(50, "/dev/xvdf"))
                .build()));
        var instance = plan.resource("train-instance");
        assertThat(instance.getInputs()).containsEntry("ami", "ami-0123456789abcdef0");
        assertThat(instance.getIgnoreChanges()).isEmpty();
        assertThat(map(instance.getInputs().get("rootBlockDevice"))).containsEntry("kmsKeyId", USER_KEY);
        assertThat(plan.resource("train-data-xvdf").getInputs()).containsEntry("kmsKeyId", USER_KEY);
        assertThat(plan.find("train-key")).isEmpty();
        assertThat(plan.resourcesOfType("aws:kms/key:Key")).isEmpty();
        var policy = PolicyDocument.parse((String) plan.resource("train-role-policy").getInputs().get("policy"));
        assertThat(policy.statement("UseVolumeKey").orElseThrow().getResources()).containsExactly(USER_KEY);
    }

    @Test
    void theInstanceDeclaresTrainingSoTheGuardsTrainerRulesEvaluateIt() {
        // MLI-EC2-07 (GPU type) and MLI-EC2-08 (dedicated tenancy) apply to instances tagged
        // mlinfra:purpose=training; a CPU instance on shared tenancy, both controls waived, must
        // show both as suppressed findings on the instance (without the tag the rules skip it)
        String cpu = "CPU smoke test of the training image before GPU runs.";
        String shared = "Dev account: dedicated hosts are not available for t3 here.";
        Plan plan = PlanEngine.plan(ctx -> new HardenedGpuTrainer("ci", base()
                .instanceType("t3.large")
                .ami("ami-12345678")
                .tenancy("default")
                .waive(Control.EC2_GPU_INSTANCE_TYPE, cpu)
                .waive(Control.EC2_DEDICATED_TENANCY, shared)
                .build()));
        var instance = plan.resource("ci-instance");
        assertThat(instance.hasTag("mlinfra:purpose", HardenedGpuTrainer.PURPOSE)).isTrue();
        var report = Guard.defaults().check(plan);
        assertThat(report.findingsOf("MLI-EC2-07")).singleElement().satisfies(f -> {
            assertThat(f.getUrn()).isEqualTo(instance.getUrn());
            assertThat(f.isSuppressed()).isTrue();
            assertThat(f.getJustification()).contains(cpu);
        });
        assertThat(report.findingsOf("MLI-EC2-08")).singleElement().satisfies(f -> {
            assertThat(f.getUrn()).isEqualTo(instance.getUrn());
            assertThat(f.isSuppressed()).isTrue();
        });
        assertThat(report.openFindings()).isEmpty();

        // the secure default passes both rules (evaluated, compliant)
        Plan secure = PlanEngine.plan(ctx -> new HardenedGpuTrainer("gpu", base().ami("ami-12345678").build()));
        assertThat(secure.resource("gpu-instance").hasTag("mlinfra:purpose", "training")).isTrue();
        assertThat(Guard.defaults().check(secure).openFindings()).isEmpty();
    }

    @Test
    void waiversRelaxOnlyWhatTheyNameAndTravelWithThePlanAndTags() {
        String open = "Public inference demo for one afternoon, torn down tonight.";
        String cpu = "CPU smoke test of the training image before GPU runs.";
        String shared = "Dev account: dedicated hosts are not available for t3 here.";
        String hop = "Training runs in Docker on a bridge network and needs IMDS.";
        String unprotected = "Ephemeral CI trainer, destroyed at the end of the pipeline.";
        Plan plan = PlanEngine.plan(ctx -> new HardenedGpuTrainer("ci", base()
                .instanceType("t3.large")
                .ami("ami-12345678")
                .tenancy("default")
                .metadataHopLimit(2)
                .addDataVolumes(DataVolume.of(10, "/dev/sdf"))
                .addIngress(IngressRule.builder().port(443).addCidrs("0.0.0.0/0").description("demo").build())
                .waive(Control.EC2_NO_OPEN_INGRESS, open)
                .waive(Control.EC2_GPU_INSTANCE_TYPE, cpu)
                .waive(Control.EC2_DEDICATED_TENANCY, shared)
                .waive(Control.EC2_IMDSV2, hop)
                .waive(Control.EC2_TERMINATION_PROTECTION, unprotected)
                .build()));
        var instance = plan.resource("ci-instance");
        assertThat(instance.getInputs()).containsEntry("instanceType", "t3.large").containsEntry("tenancy", "default")
                .containsEntry("disableApiTermination", false);
        assertThat(map(instance.getInputs().get("metadataOptions"))).containsEntry("httpTokens", "required")
                .containsEntry("httpPutResponseHopLimit", 2L);
        assertThat(instance.isProtect()).isFalse();
        assertThat(instance.getWaivers()).extracting(w -> w.getControl()).containsExactlyInAnyOrder(
                Control.EC2_GPU_INSTANCE_TYPE, Control.EC2_DEDICATED_TENANCY, Control.EC2_IMDSV2,
                Control.EC2_TERMINATION_PROTECTION);
        assertThat(instance.hasTag("mlinfra:waiver:MLI-EC2-08", shared)).isTrue();
        assertThat(instance.hasTag("mlinfra:waiver:MLI-EC2-04", open)).isFalse();
        var sg = plan.resource("ci-sg");
        assertThat(list(sg.getInputs().get("ingress"))).singleElement()
                .satisfies(r -> assertThat(map(r)).containsEntry("cidrBlocks", List.of("0.0.0.0/0")));
        assertThat(sg.getWaivers()).singleElement().satisfies(w -> {
            assertThat(w.getControl()).isEqualTo(Control.EC2_NO_OPEN_INGRESS);
            assertThat(w.getJustification()).isEqualTo(open);
        });
        assertThat(sg.hasTag("mlinfra:waiver:MLI-EC2-04", Waiver.tagValue(open))).isTrue();
        var volume = plan.resource("ci-data-sdf");
        assertThat(volume.isProtect()).isFalse();
        assertThat(volume.getInputs()).containsEntry("encrypted", true);
        assertThat(volume.getWaivers()).extracting(w -> w.getControl()).containsExactly(Control.EC2_TERMINATION_PROTECTION);
        assertThat(plan.resource("ci").getWaivers()).hasSize(5);
    }

    @Test
    void outputArgumentsAreValidatedWhenTheyResolve() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new HardenedGpuTrainer("train", base().subnetId(Output.of("")).build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("HardenedGpuTrainerArgs.subnetId: must not be empty; got \"\"; expected a subnet id \"subnet-\" and 8 or 17 lowercase hex digits");
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new HardenedGpuTrainer("train", base()
                .kmsKey(KeyReference.fromArn(Output.of("alias/aws/ebs"))).build())))
                .hasMessageContaining("HardenedGpuTrainerArgs.kmsKey: malformed; got \"alias/aws/ebs\"");
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new HardenedGpuTrainer("train", base()
                .placement(existingVpc().s3PrefixListId(Output.of("com.amazonaws.us-east-1.s3")).build()).build())))
                .hasMessageContaining("Placement.s3PrefixListId: malformed; got \"com.amazonaws.us-east-1.s3\"");
    }

    @Test
    void rolePolicyMatchesGolden() throws Exception {
        Plan plan = PlanEngine.plan(ctx -> new HardenedGpuTrainer("train", base()
                .kmsKey(KeyReference.fromArn(Output.of(USER_KEY)))
                .addGrants(checkpointGrant())
                .cloudWatchAgentConfig("{\"metrics\": {\"namespace\": \"Trainers\"}}")
                .build()));
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var in = getClass().getResourceAsStream("/golden/hardened-gpu-trainer-role-policy.json")) {
            assertThat(in).isNotNull();
            assertThat(mapper.readTree((String) plan.resource("train-role-policy").getInputs().get("policy")))
                    .isEqualTo(mapper.readTree(in));
        }
    }

    @Test
    void badPlainInputRegistersNothing() {
        Plan plan = PlanEngine.plan(ctx -> assertThatThrownBy(() -> new HardenedGpuTrainer("train",
                base().instanceType("m5.large").build())).isInstanceOf(InvalidArgsException.class));
        assertThat(plan.getResources()).noneMatch(r -> r.getName().startsWith("train"));
    }

    static final String AGENT = "{\"metrics\": {\"namespace\": \"Trainers\"}}";

    static PrivateNetwork network(String... extraEndpoints) {
        var endpoints = new java.util.ArrayList<>(PrivateNetworkArgs.DEFAULT_INTERFACE_ENDPOINTS);
        endpoints.addAll(List.of(extraEndpoints));
        return new PrivateNetwork("net", PrivateNetworkArgs.builder().interfaceEndpointServices(endpoints).build());
    }

    @Test
    void theInstanceWaitsForTheNetworksEndpointsAndRouteAssociations() {
        Plan plan = PlanEngine.plan(ctx -> new HardenedGpuTrainer("train", HardenedGpuTrainerArgs.builder()
                .placement(Placement.in(network("monitoring")))
                .cloudWatchAgentConfig(AGENT)
                .build()));
        var instance = plan.resource("train-instance");
        List<String> waitsFor = instance.getDependencies();
        var path = new java.util.ArrayList<PlannedResource>();
        path.addAll(plan.resourcesOfType("aws:ec2/vpcEndpoint:VpcEndpoint"));
        path.addAll(plan.resourcesOfType("aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation"));
        path.addAll(plan.resourcesOfType("aws:ec2/routeTableAssociation:RouteTableAssociation"));
        assertThat(path).extracting(PlannedResource::getName).contains("net-s3-endpoint", "net-s3-endpoint-rta",
                "net-endpoint-monitoring", "net-endpoint-ssm", "net-endpoint-ssmmessages", "net-endpoint-ec2messages",
                "net-endpoint-logs", "net-private-rta-0", "net-private-rta-1");
        assertThat(waitsFor).containsAll(path.stream().map(PlannedResource::getUrn).toList());
        assertThat(waitsFor).contains(plan.resource("train-sg").getUrn(), plan.resource("train-profile").getUrn());
        // the network supplies the ids: its first private subnet, its VPC, its endpoint security group
        assertThat(instance.getInputs()).containsEntry("subnetId", plan.resource("net-private-0").getId().orElseThrow());
        assertThat(plan.resource("train-sg").getInputs()).containsEntry("vpcId", plan.resource("net-vpc").getId().orElseThrow());
        assertThat(list(plan.resource("train-sg").getInputs().get("egress"))).anySatisfy(e -> assertThat(list(map(e).get("securityGroups")))
                .containsExactly(plan.resource("net-endpoint-sg").getId().orElseThrow()));
    }

    @Test
    void withoutANetworkTheInstanceCannotWaitForEndpoints() {
        // the ids-only form: documented, the instance waits for its role and security group only
        Plan plan = PlanEngine.plan(ctx -> new HardenedGpuTrainer("train", base().build()));
        assertThat(plan.resource("train-instance").getDependencies())
                .noneMatch(u -> u.contains("vpcEndpoint") || u.contains("outeTableAssociation"));
    }

    @Test
    void aSubnetFromAnotherNetworkFailsWhenItResolves() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> {
            var other = new PrivateNetwork("other", PrivateNetworkArgs.builder().build());
            new HardenedGpuTrainer("train", HardenedGpuTrainerArgs.builder()
                    .placement(Placement.in(network()))
                    .subnetId(other.privateSubnetIds().applyValue(ids -> ids.get(0)))
                    .build());
        })).isInstanceOf(PlanException.class)
                .hasMessageContaining("HardenedGpuTrainerArgs.subnetId: not a private subnet of the placement (VPC vpc-")
                .hasMessageContaining("the instance and its security group must be in one VPC; got \"subnet-");
        // one of the network's own subnets is fine
        Plan plan = PlanEngine.plan(ctx -> {
            var net = network();
            new HardenedGpuTrainer("train", HardenedGpuTrainerArgs.builder()
                    .placement(Placement.in(net))
                    .subnetId(net.privateSubnetIds().applyValue(ids -> ids.get(1)))
                    .build());
        });
        assertThat(plan.resource("train-instance").getInputs())
                .containsEntry("subnetId", plan.resource("net-private-1").getId().orElseThrow());
    }

    @Test
    void aNetworkWithoutTheEndpointsTheAgentNeedsIsRefusedAtBuild() {
        Plan plan = PlanEngine.plan(ctx -> {
            var net = network();
            assertThatThrownBy(() -> HardenedGpuTrainerArgs.builder().placement(Placement.in(net)).cloudWatchAgentConfig(AGENT).build())
                    .isInstanceOf(InvalidArgsException.class)
                    .hasMessage("HardenedGpuTrainerArgs.placement: the network lacks the \"monitoring\" interface endpoint the CloudWatch agent "
                            + "sends its metrics to; got " + io.github.mlinfra.internal.Check.show(PrivateNetworkArgs.DEFAULT_INTERFACE_ENDPOINTS)
                            + "; expected a network whose interfaceEndpointServices include \"monitoring\", or a cloudWatchAgentConfig "
                            + "without \"metrics\"");
            var noLogs = new PrivateNetwork("nologs", PrivateNetworkArgs.builder()
                    .interfaceEndpointServices(List.of("sts", "monitoring", "ssm", "ssmmessages", "ec2messages")).build());
            assertThatThrownBy(() -> HardenedGpuTrainerArgs.builder().placement(Placement.in(noLogs))
                    .cloudWatchAgentConfig("{\"logs\": {\"logs_collected\": {}}}").build())
                    .hasMessageStartingWith("HardenedGpuTrainerArgs.placement: the network lacks the \"logs\" interface endpoint the CloudWatch agent "
                            + "sends its logs to;");
            // metrics only, with the monitoring endpoint: accepted; no agent: no endpoint needed
            assertThat(HardenedGpuTrainerArgs.builder().placement(Placement.in(noLogs)).cloudWatchAgentConfig(AGENT).build().getPlacement().getNetwork()).isPresent();
            assertThat(HardenedGpuTrainerArgs.builder().placement(Placement.in(net)).build().getPlacement().getNetwork()).isPresent();
            // with a network, the ids it supplies are not given a second time
            assertThatThrownBy(() -> Placement.existingVpc().network(net).vpcId(VPC).build())
                    .hasMessage("Placement.vpcId: given together with a network, which supplies it (two sources could name "
                            + "two VPCs); got an id; expected Placement.in(network) alone, or Placement.existingVpc() with ids and no network");
        });
        assertThat(plan.getResources()).noneMatch(r -> r.getName().startsWith("train"));
    }

    @Test
    void theBootstrapRetriesWithABoundedTimeoutAndIsIdempotent() {
        String script = HardenedGpuTrainer.userData(AGENT);
        assertThat(HardenedGpuTrainer.BOOTSTRAP_TIMEOUT_SECONDS).isEqualTo(900);
        assertThat(script).contains("deadline=$(( $(date +%s) + 900 ))\n")
                // each attempt is cut at the time left; the wait doubles from 5 s up to 60 s
                .contains("    if timeout \"$left\" \"$@\"; then\n      return 0\n")
                .contains("  local delay=5 left\n")
                .contains("    sleep \"$(( left <= 0 ? 0 : (delay < left ? delay : left) ))\"\n")
                .contains("    delay=$(( delay * 2 > 60 ? 60 : delay * 2 ))\n")
                // past the deadline it fails loudly, on the console too
                .contains("      echo \"mlinfra-bootstrap: FAILED after 900 s: $*\" | tee /dev/console >&2\n      exit 1\n")
                // the package download and the agent start go through retry; an installed agent is not reinstalled
                .contains("\n[ -x /opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl ] || retry dnf install -y amazon-cloudwatch-agent\n")
                .contains("\nretry /opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config")
                // the config is rewritten, never appended to
                .contains("\ncat > " + HardenedGpuTrainer.AGENT_CONFIG_PATH + " <<'MLINFRA_CWAGENT_CONFIG'\n")
                .doesNotContain(">> ");
        assertThat(script.lines().filter(l -> l.contains("dnf ")).toList()).singleElement()
                .satisfies(l -> assertThat(l).contains("retry dnf install"));
    }
}
