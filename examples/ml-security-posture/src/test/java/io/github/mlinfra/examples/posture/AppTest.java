package io.github.mlinfra.examples.posture;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlinfra.iam.StarOnlyActions;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AppTest {
    private static Plan plan;

    @BeforeAll
    static void planOnce() {
        plan = PlanEngine.plan(App::stack);
    }

    private static String id(String name) {
        return plan.resource(name).getId().orElseThrow();
    }

    @Test
    void exportsTheNotebookNameOnly() {
        assertThat(plan.getOutputs()).containsOnlyKeys("notebook_instance_name")
                .containsEntry("notebook_instance_name", "mlinfra-mlinfra-dev-posture-notebook"); // from project and stack
    }

    @Test
    void notebookIsPrivateEncryptedAndHardened() {
        String keyArn = (String) plan.resource("posture-key-key").getOutputs().get("arn");
        assertThat(plan.resource("posture-notebook-notebook").getInputs())
                .containsEntry("directInternetAccess", "Disabled")
                .containsEntry("rootAccess", "Disabled")
                .containsEntry("subnetId", id("posture-net-private-0"))
                .containsEntry("securityGroups", List.of(id("posture-notebook-sg")))
                .containsEntry("kmsKeyId", keyArn)
                .containsEntry("instanceMetadataServiceConfiguration", Map.of("minimumInstanceMetadataServiceVersion", "2"))
                .containsEntry("platformIdentifier", "notebook-al2-v3")
                .containsEntry("lifecycleConfigName", plan.resource("posture-notebook-lifecycle").getInputs().get("name"));
        assertThat(plan.resource("posture-notebook-lifecycle").getInputs()).containsEntry("onStart", "[secret]");
        assertThat(plan.toJson()).doesNotContain("terminals_enabled");
    }

    @Test
    void roleHasNoManagedPolicyAndNoWildcardAction() {
        assertThat(plan.resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).isEmpty();
        for (var rp : plan.resourcesOfType("aws:iam/rolePolicy:RolePolicy")) {
            for (Statement s : PolicyDocument.parse((String) rp.getInputs().get("policy")).getStatements()) {
                assertThat(s.getActions()).noneMatch(Statement::isWildcardAction);
                if (s.getResources().contains("*")) {
                    assertThat(s.getActions()).allMatch(StarOnlyActions::contains);
                }
            }
        }
        var policy = PolicyDocument.parse((String) plan.resource("posture-notebook-role-policy").getInputs().get("policy"));
        assertThat(policy.getStatements()).extracting(s -> s.getSid().orElse(""))
                .contains("UseNotebookKey", "NotebookLogs", "DescribeOwnNotebook");
        assertThat(policy.toJson()).contains("datasets/").contains("experiments/");
    }

    @Test
    void networkIsPrivateWithFlowLogsAndAClosedDefaultGroup() {
        assertThat(plan.resourcesOfType("aws:ec2/internetGateway:InternetGateway")).isEmpty();
        assertThat(plan.resourcesOfType("aws:ec2/subnet:Subnet")).hasSize(2);
        assertThat(plan.resource("posture-net-default-sg").getInputs())
                .containsEntry("ingress", List.of()).containsEntry("egress", List.of());
        assertThat(plan.resource("posture-net-flow-log").getInputs()).containsEntry("vpcId", id("posture-net-vpc"))
                .containsEntry("trafficType", "ALL")
                .containsEntry("logDestination", plan.resource("posture-net-flow-log-group").getOutputs().get("arn"));
        assertThat(plan.resourcesOfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"))
                .noneMatch(r -> "0.0.0.0/0".equals(r.getInputs().get("cidrIpv4")));
    }

    @Test
    void auditTrailIsMultiRegionValidatedAndEncrypted() {
        var trails = plan.resourcesOfType("aws:cloudtrail/trail:Trail");
        assertThat(trails).singleElement().satisfies(t -> assertThat(t.getInputs())
                .containsEntry("isMultiRegionTrail", true)
                .containsEntry("includeGlobalServiceEvents", true)
                .containsEntry("enableLogFileValidation", true)
                .containsKey("kmsKeyId")
                .containsKey("cloudWatchLogsGroupArn"));
        assertThat(trails.get(0).getParent()).contains(plan.resource("posture-audit").getUrn());
    }

    @Test
    void guardFindsNothingOpenOnTheNetworkOrTheNotebook() {
        var report = io.github.mlinfra.guard.Guard.defaults().check(plan);
        assertThat(report.openFindings()).filteredOn(f -> f.getUrn().contains("mlinfra:network:PrivateNetwork")
                || f.getUrn().contains("mlinfra:sagemaker:HardenedNotebook")).isEmpty();
    }
}
