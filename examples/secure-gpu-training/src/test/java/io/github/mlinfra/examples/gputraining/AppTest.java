package io.github.mlinfra.examples.gputraining;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlinfra.guard.Guard;
import io.github.mlinfra.iam.StarOnlyActions;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanOptions;
import io.github.mlinfra.plan.PlannedResource;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AppTest {
    static Plan plan;

    @BeforeAll
    static void planIt() {
        plan = PlanEngine.plan(App::stack);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @Test
    void theGuardsTrainerRulesApplyToTheInstanceAndFindNothingOpen() {
        PlannedResource instance = plan.resource("trainer-instance");
        assertThat(instance.hasTag("mlinfra:purpose", "training")).isTrue();
        // MLI-EC2-07 (GPU type) and MLI-EC2-08 (dedicated tenancy) apply to instances tagged
        // mlinfra:purpose=training; the example's g5 on dedicated tenancy passes both
        assertThat(Guard.defaults().check(plan).openFindings()).isEmpty();
    }

    @Test
    void instanceIsAHardenedGpuTrainerInAPrivateSubnetOfThePrivateNetwork() {
        PlannedResource instance = plan.resource("trainer-instance");
        var subnets = plan.resourcesOfType("aws:ec2/subnet:Subnet").stream().map(r -> r.getId().orElseThrow()).toList();
        assertThat(subnets).contains((String) instance.getInputs().get("subnetId"));
        assertThat(plan.resourcesOfType("aws:ec2/internetGateway:InternetGateway")).isEmpty();
        assertThat(instance.getInputs())
                .containsEntry("instanceType", "g5.2xlarge")
                .containsEntry("tenancy", "dedicated")
                .containsEntry("monitoring", true)
                .containsEntry("associatePublicIpAddress", false)
                .containsEntry("disableApiTermination", true)
                .containsEntry("ebsOptimized", true)
                .doesNotContainKey("keyName");
        assertThat(instance.isProtect()).isTrue();
        assertThat(instance.getIgnoreChanges()).containsExactly("ami");
        assertThat(map(instance.getInputs().get("metadataOptions"))).containsEntry("httpTokens", "required")
                .containsEntry("httpPutResponseHopLimit", 1L);
        assertThat(map(instance.getInputs().get("rootBlockDevice"))).containsEntry("encrypted", true)
                .containsEntry("kmsKeyId", plan.resource("trainer-key-key").getOutputs().get("arn"));
        assertThat((String) instance.getInputs().get("userData")).contains("\"namespace\":\"Trainers\"");
        assertThat(instance.getInputs().get("iamInstanceProfile"))
                .isEqualTo(plan.resource("trainer-profile").getOutputs().get("name"));
    }

    @Test
    void instanceBootsOnlyOnceItsNetworkPathExists() {
        // seed flaw: user data ran at first boot, before the endpoints and the S3 route existed
        List<String> waitsFor = plan.resource("trainer-instance").getDependencies();
        var path = new java.util.ArrayList<PlannedResource>();
        path.addAll(plan.resourcesOfType("aws:ec2/vpcEndpoint:VpcEndpoint"));
        path.addAll(plan.resourcesOfType("aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation"));
        path.addAll(plan.resourcesOfType("aws:ec2/routeTableAssociation:RouteTableAssociation"));
        assertThat(path).extracting(PlannedResource::getName).contains("training-s3-endpoint", "training-s3-endpoint-rta",
                "training-endpoint-monitoring", "training-endpoint-ssm", "training-private-rta-0");
        assertThat(waitsFor).containsAll(path.stream().map(PlannedResource::getUrn).toList());
        assertThat((String) plan.resource("trainer-instance").getInputs().get("userData"))
                .contains("|| retry dnf install -y amazon-cloudwatch-agent\n");
    }

    @Test
    void securityGroupHasNoIngressAndHttpsEgressToTheNetworksEndpointsAndS3Only() {
        var sg = plan.resource("trainer-sg");
        assertThat(sg.getInputs()).containsEntry("vpcId", plan.resource("training-vpc").getId().orElseThrow());
        assertThat(list(sg.getInputs().get("ingress"))).isEmpty();
        var egress = list(sg.getInputs().get("egress"));
        assertThat(map(egress.get(0))).containsEntry("fromPort", 443L)
                .containsEntry("securityGroups", List.of(plan.resource("training-endpoint-sg").getId().orElseThrow()));
        assertThat(map(egress.get(1))).containsEntry("fromPort", 443L).containsKey("prefixListIds");
        assertThat(plan.toJson()).doesNotContain("0.0.0.0/0");
    }

    @Test
    void roleReadsTheDatasetsAndWritesCheckpointsOnly() {
        var policy = PolicyDocument.parse((String) plan.resource("trainer-role-policy").getInputs().get("policy"));
        String datasets = (String) plan.resource("datasets-bucket").getOutputs().get("arn");
        String checkpoints = (String) plan.resource("checkpoints-bucket").getOutputs().get("arn");
        for (Statement s : policy.getStatements()) {
            assertThat(s.getActions()).noneMatch(Statement::isWildcardAction);
            if (s.getResources().contains("*")) {
                assertThat(s.getActions()).allMatch(StarOnlyActions::contains);
            }
            if (s.getActions().stream().anyMatch(a -> a.startsWith("s3:"))) {
                assertThat(s.getResources()).allMatch(r -> r.startsWith(datasets) || r.startsWith(checkpoints));
            }
        }
        assertThat(policy.getStatements()).filteredOn(s -> s.getResources().stream().anyMatch(r -> r.startsWith(datasets)))
                .flatExtracting(Statement::getActions).doesNotContain("s3:PutObject", "s3:DeleteObject");
        assertThat(policy.getStatements()).flatExtracting(Statement::getResources).contains(checkpoints + "/runs/*");
        assertThat(plan.resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).isEmpty();
    }

    @Test
    void dataVolumeIsEncryptedProtectedAndAttached() {
        var volume = plan.resource("trainer-data-sdh");
        assertThat(volume.isProtect()).isTrue();
        assertThat(volume.getInputs()).containsEntry("encrypted", true).containsEntry("size", 50L).containsEntry("type", "gp3");
        assertThat(plan.resource("trainer-data-sdh-attachment").getInputs()).containsEntry("deviceName", "/dev/sdh");
    }

    @Test
    void exportsWhatTheSeedExportsMinusThePublicDns() {
        assertThat(plan.getOutputs()).containsKeys("instanceId", "privateIp", "roleArn", "securityGroupId",
                "volumeKeyArn", "datasetBucket", "checkpointBucket").doesNotContainKey("instance_public_dns");
        assertThat(plan.getOutputs().keySet()).noneMatch(k -> k.toLowerCase().contains("public"));
        assertThat(plan.getOutputs().get("instanceId")).isEqualTo(plan.resource("trainer-instance").getId().orElseThrow());
    }

    @Test
    void instanceTypeComesFromStackConfig() {
        Plan p = PlanEngine.plan(App::stack, PlanOptions.builder()
                .project("secure-gpu-training").putConfig("secure-gpu-training:instanceType", "p4d.24xlarge").build());
        assertThat(p.resource("trainer-instance").getInputs()).containsEntry("instanceType", "p4d.24xlarge");
    }
}
