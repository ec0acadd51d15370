package io.github.mlinfra.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import io.github.mlinfra.controls.Control;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HardenedNotebookTest {
    static final String SCRIPT = "#!/bin/bash\nset -euo pipefail\nexport HF_TOKEN=hf_pl41nT3xtM4rker\n";

    private static String id(PlannedResource r) {
        return r.getId().orElseThrow();
    }

    private static Plan defaultPlan() {
        return PlanEngine.plan(ctx -> {
            var net = new PrivateNetwork("ml", PrivateNetworkArgs.builder().build());
            var nb = new HardenedNotebook("research", HardenedNotebookArgs.builder()
                    .placement(Placement.in(net))
                    .onStartScript(SCRIPT)
                    .addGrants(Grant.of(Statement.builder().sid("ReadDatasets").effect(Effect.Allow)
                            .addActions("s3:GetObject").addResources("arn:aws:s3:::datasets-bucket/curated/*").build()))
                    .build());
            ctx.export("notebookName", nb.notebookName());
            ctx.export("notebookArn", nb.notebookArn());
            ctx.export("roleArn", nb.roleArn());
            ctx.export("securityGroupId", nb.securityGroupId());
            ctx.export("keyArn", nb.keyArn());
        });
    }

    @Test
    void notebookHasEveryControlInItsInputs() {
        Plan plan = defaultPlan();
        var nb = plan.resource("research-notebook");
        assertThat(nb.getType()).isEqualTo("aws:sagemaker/notebookInstance:NotebookInstance");
        assertThat(nb.getParent()).contains(plan.resource("research").getUrn());
        assertThat(plan.resource("research").getType()).isEqualTo(HardenedNotebook.TYPE);
        assertThat(nb.isProtect()).isTrue();
        assertThat(nb.getInputs())
                .containsEntry("name", "mlinfra-mlinfra-dev-research") // derived from project and stack
                .containsEntry("directInternetAccess", "Disabled")                         // MLI-SM-01
                .containsEntry("subnetId", id(plan.resource("ml-private-0")))              // MLI-SM-02
                .containsEntry("securityGroups", List.of(id(plan.resource("research-sg"))))
                .containsEntry("rootAccess", "Disabled")                                   // MLI-SM-03
                .containsEntry("kmsKeyId", plan.resource("research-key-key").getOutputs().get("arn")) // MLI-SM-04
                .containsEntry("instanceMetadataServiceConfiguration",
                        Map.of("minimumInstanceMetadataServiceVersion", "2"))               // MLI-SM-05
                .doesNotContainKey("platformIdentifier")     // MLI-SM-12: AWS's default, notebook-al2023-v1
                .containsEntry("instanceType", "ml.t3.medium")
                .containsEntry("volumeSize", 5L)
                .containsEntry("roleArn", plan.resource("research-role-role").getOutputs().get("arn"))
                .containsEntry("lifecycleConfigName", plan.resource("research-lifecycle").getInputs().get("name"));
        assertThat(plan.resource("research-lifecycle").getInputs()).as("lifecycle config named from project and stack")
                .containsEntry("name", "mlinfra-mlinfra-dev-research");
        assertThat(plan.resource("research-key-key").isProtect()).isTrue();
        assertThat(plan.getOutputs()).containsEntry("notebookName", "mlinfra-mlinfra-dev-research")
                .containsEntry("securityGroupId", id(plan.resource("research-sg")))
                .containsEntry("keyArn", plan.resource("research-key-key").getOutputs().get("arn"))
                .containsEntry("notebookArn", nb.getOutputs().get("arn"));
    }

    @Test
    void lifecycleScriptIsASecretAndNeverInThePlan() {
        Plan plan = defaultPlan();
        var lc = plan.resource("research-lifecycle");
        assertThat(lc.getType()).isEqualTo("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration");
        assertThat(lc.getInputs()).containsEntry("onStart", "[secret]").doesNotContainKey("onCreate");
        String json = plan.toJson();
        assertThat(json).doesNotContain("hf_pl41nT3xtM4rker")
                .doesNotContain(Base64.getEncoder().encodeToString(SCRIPT.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(HardenedNotebookArgs.base64(SCRIPT)).isEqualTo("IyEvYmluL2Jhc2gKc2V0IC1ldW8gcGlwZWZhaWwKZXhwb3J0IEhGX1RPS0VOPWhmX3BsNDFuVDN4dE00cmtlcgo=");
    }

    @Test
    void securityGroupHasNoIngressAndOnlyHttpsEgressToEndpointsAndS3() {
        Plan plan = defaultPlan();
        var sg = plan.resource("research-sg");
        assertThat(sg.getInputs()).containsEntry("vpcId", id(plan.resource("ml-vpc"))).doesNotContainKeys("ingress", "egress");
        var rules = plan.resourcesOfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").stream()
                .filter(r -> id(sg).equals(r.getInputs().get("securityGroupId"))).toList();
        assertThat(rules).extracting(PlannedResource::getName)
                .containsExactlyInAnyOrder("research-https-endpoints", "research-https-s3");
        assertThat(plan.resource("research-https-endpoints").getInputs())
                .containsEntry("referencedSecurityGroupId", id(plan.resource("ml-endpoint-sg")))
                .containsEntry("fromPort", 443L).containsEntry("toPort", 443L);
        assertThat(plan.resource("research-https-s3").getInputs()).containsKey("prefixListId")
                .doesNotContainKeys("cidrIpv4", "cidrIpv6");
        assertThat(plan.resource("research-https-s3").getParent()).contains(plan.resource("research").getUrn());
        assertThat(plan.resourcesOfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"))
                .noneMatch(r -> id(sg).equals(r.getInputs().get("securityGroupId")));
    }

    @Test
    void roleIsLeastPrivilege() {
        Plan plan = defaultPlan();
        var trust = PolicyDocument.parse((String) plan.resource("research-role-role").getInputs().get("assumeRolePolicy"));
        assertThat(trust.getStatements()).singleElement().satisfies(s -> assertThat(s.getPrincipal().orElseThrow()
                .getIdentifiers()).containsEntry("Service", List.of("sagemaker.amazonaws.com")));
        assertThat(plan.resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).isEmpty();
        var policy = PolicyDocument.parse((String) plan.resource("research-role-policy").getInputs().get("policy"));
        for (Statement s : policy.getStatements()) {
            assertThat(s.getActions()).noneMatch(Statement::isWildcardAction);
            if (s.getResources().contains("*")) {
                assertThat(s.getActions()).allMatch(StarOnlyActions::contains);
            }
        }
        assertThat(policy.getStatements()).extracting(s -> s.getSid().orElseThrow())
                .containsExactly("UseNotebookKey", "NotebookLogs", "DescribeOwnNotebook", "ReadDatasets");
        assertThat(policy.statement("UseNotebookKey").orElseThrow().getResources())
                .containsExactly((String) plan.resource("research-key-key").getOutputs().get("arn"));
        var logs = policy.statement("NotebookLogs").orElseThrow();
        assertThat(logs.getActions()).containsExactlyInAnyOrder("logs:CreateLogGroup", "logs:CreateLogStream",
                "logs:PutLogEvents", "logs:DescribeLogStreams");
        assertThat(logs.getResources()).containsExactly("arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/NotebookInstances:*");
        var describe = policy.statement("DescribeOwnNotebook").orElseThrow();
        assertThat(describe.getActions()).containsExactly("sagemaker:DescribeNotebookInstance");
        assertThat(describe.getResources()).containsExactly("arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/mlinfra-mlinfra-dev-research");
        assertThat(policy.toJson()).doesNotContain("AmazonSageMakerFullAccess").doesNotContain("ACCOUNT_ID");
    }

    @Test
    void waiversAndAUserKeyChangeOnlyWhatTheySay() {
        Plan plan = PlanEngine.plan(ctx -> new HardenedNotebook("lab", HardenedNotebookArgs.builder()
                .placement(HardenedNotebookArgsTest.existingVpc().build())
                .kmsKey(KeyReference.fromArn(Output.of("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")))
                .roleName("lab-notebook-execution")
                .waive(Control.SM_NO_ROOT_ACCESS, "Lab image builds need sudo for conda; the lab account is isolated.")
                .build()));
        var nb = plan.resource("lab-notebook");
        assertThat(nb.getInputs()).containsEntry("rootAccess", "Enabled").containsEntry("directInternetAccess", "Disabled")
                .containsEntry("kmsKeyId", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                .containsEntry("subnetId", "subnet-0a1b2c3d4e5f60718").doesNotContainKey("lifecycleConfigName");
        assertThat(nb.getWaivers()).extracting(w -> w.getControl()).containsExactly(Control.SM_NO_ROOT_ACCESS);
        assertThat(nb.hasTag("mlinfra:waiver:MLI-SM-03", "Lab image builds need sudo for conda the lab account is isolated.")).isTrue();
        assertThat(plan.find("lab-key")).isEmpty();
        assertThat(plan.resource("lab-role-role").getInputs()).containsEntry("name", "lab-notebook-execution");
        assertThat(plan.resourcesOfType("aws:kms/key:Key")).isEmpty();
        assertThat(plan.find("lab-lifecycle")).isEmpty();
        var policy = PolicyDocument.parse((String) plan.resource("lab-role-policy").getInputs().get("policy"));
        assertThat(policy.statement("UseNotebookKey").orElseThrow().getResources())
                .containsExactly("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    @Test
    void aWaivedRetiredPlatformIsSentAsGivenAndTheGuardRecordsTheWaiver() {
        Plan plan = PlanEngine.plan(ctx -> new HardenedNotebook("legacy", HardenedNotebookArgsTest.base()
                .platformIdentifier("notebook-al2-v3")
                .waive(Control.SM_SUPPORTED_PLATFORM, "Describes the existing lab notebook until its Q3 migration completes.")
                .build()));
        assertThat(plan.resource("legacy-notebook").getInputs()).containsEntry("platformIdentifier", "notebook-al2-v3");
        var report = io.github.mlinfra.guard.Guard.defaults().check(plan);
        assertThat(report.findingsOf("MLI-SM-12")).singleElement().satisfies(f -> assertThat(f.isSuppressed()).isTrue());
        assertThat(io.github.mlinfra.guard.Guard.defaults().check(defaultPlan()).findingsOf("MLI-SM-12")).isEmpty();
    }

    @Test
    void badWiredValuesFailThePlanWhenTheyResolve() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new HardenedNotebook("nb", HardenedNotebookArgsTest.base()
                .placement(HardenedNotebookArgsTest.existingVpc().subnetIds(Output.of(List.of(""))).build()).build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("Placement.subnetIds: must not be empty; got \"\"; expected a subnet id \"subnet-\" and 8 or 17 lowercase hex digits");
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new HardenedNotebook("nb", HardenedNotebookArgsTest.base()
                .kmsKey(KeyReference.fromArn(Output.of("alias/aws/sagemaker"))).build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("HardenedNotebookArgs.kmsKey: malformed; got \"alias/aws/sagemaker\"");
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new HardenedNotebook("nb", HardenedNotebookArgsTest.base()
                .kmsKey(KeyReference.fromArn(Output.of("arn:aws:kms:us-east-1:123456789012:alias/aws/sagemaker"))).build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("HardenedNotebookArgs.kmsKey: malformed; got \"arn:aws:kms:us-east-1:123456789012:alias/aws/sagemaker\"");
        // Regression: the notebook refused keys of the aws-iso partitions that the buckets accepted.
        String isoKey = "arn:aws-iso:kms:us-iso-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        Plan iso = PlanEngine.plan(ctx -> new HardenedNotebook("nb", HardenedNotebookArgsTest.base()
                .kmsKey(KeyReference.fromArn(Output.of(isoKey))).build()));
        assertThat(iso.resource("nb-notebook").getInputs()).containsEntry("kmsKeyId", isoKey);
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new HardenedNotebook("bad_name", HardenedNotebookArgsTest.base().build())))
                .hasMessageContaining("HardenedNotebook.name: malformed; got \"bad_name\"");
    }

    @Test
    void rolePolicyMatchesGoldenAndChildUrnsArePinned() throws Exception {
        Plan plan = defaultPlan();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var in = getClass().getResourceAsStream("/golden/hardened-notebook-role-policy.json")) {
            assertThat(in).isNotNull();
            assertThat(mapper.readTree((String) plan.resource("research-role-policy").getInputs().get("policy")))
                    .isEqualTo(mapper.readTree(in));
        }
        String base = "urn:pulumi:dev::mlinfra::mlinfra:sagemaker:HardenedNotebook";
        assertThat(plan.resource("research").getUrn()).isEqualTo(base + "::research");
        assertThat(plan.resource("research-notebook").getUrn())
                .isEqualTo(base + "$aws:sagemaker/notebookInstance:NotebookInstance::research-notebook");
        assertThat(plan.resource("research-lifecycle").getUrn()).isEqualTo(base
                + "$aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration::research-lifecycle");
        assertThat(plan.resource("research-sg").getUrn()).isEqualTo(base + "$aws:ec2/securityGroup:SecurityGroup::research-sg");
        assertThat(plan.resource("research-https-s3").getUrn())
                .isEqualTo(base + "$aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule::research-https-s3");
        assertThat(plan.resource("research-role-role").getUrn())
                .isEqualTo(base + "$mlinfra:iam:ServiceRole$aws:iam/role:Role::research-role-role");
        assertThat(plan.resource("research-key-key").getUrn())
                .isEqualTo(base + "$mlinfra:kms:ManagedKey$aws:kms/key:Key::research-key-key");
    }
}
