package io.github.mlinfra.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.kms.KeyReference;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanException;
import io.github.mlinfra.policy.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleGrantsTest {
    static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void grantsReachAnExistingRoleByNameUnderADerivedPolicyName() {
        Plan plan = PlanEngine.plan(ctx -> new RoleGrants("platform-data", RoleGrantsArgs.builder()
                .role(RoleReference.fromName("ml-platform-execution"))
                .addGrants(KeyReference.fromArn(KEY).grantDecrypt(), Grant.sageMakerJobLogs(Grant.SageMakerJob.TRAINING))
                .build()));
        var policy = plan.resource("platform-data-policy");
        assertThat(policy.getType()).isEqualTo("aws:iam/rolePolicy:RolePolicy");
        assertThat(policy.getInputs()).containsEntry("role", "ml-platform-execution")
                .containsEntry("name", "mlinfra-" + plan.getProject() + "-" + plan.getStack() + "-platform-data");
        var doc = PolicyDocument.parse((String) policy.getInputs().get("policy"));
        assertThat(doc.statement("DecryptWithKey").orElseThrow().getResources()).containsExactly(KEY);
        assertThat(doc.statement("WriteJobLogs").orElseThrow().getResources()).containsExactly(
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/TrainingJobs",
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/TrainingJobs:log-stream:*");
        assertThat(plan.resourcesOfType("aws:iam/role:Role")).isEmpty();
    }

    @Test
    void aRoleArnWithAPathGivesTheRoleName() {
        Plan plan = PlanEngine.plan(ctx -> new RoleGrants("g", RoleGrantsArgs.builder()
                .role(RoleReference.fromArn(Output.of("arn:aws:iam::123456789012:role/service/ml-exec")))
                .addGrants(KeyReference.fromArn(KEY).grantDecrypt())
                .policyName("team-data-access")
                .build()));
        assertThat(plan.resource("g-policy").getInputs()).containsEntry("role", "ml-exec").containsEntry("name", "team-data-access");
    }

    @Test
    void aServiceRoleTakesLaterGrantsToo() {
        Plan plan = PlanEngine.plan(ctx -> {
            var role = new ServiceRole("exec", ServiceRoleArgs.builder().service("sagemaker.amazonaws.com")
                    .addGrants(KeyReference.fromArn(KEY).grantEncryptDecrypt()).build());
            new RoleGrants("exec-more", RoleGrantsArgs.builder().role(role)
                    .addGrants(Grant.ecrPull(List.of("arn:aws:ecr:us-east-1:123456789012:repository/trainer"))).build());
        });
        String roleName = (String) plan.resource("exec-role").getOutputs().get("name");
        assertThat(plan.resource("exec-more-policy").getInputs()).containsEntry("role", roleName);
        var doc = PolicyDocument.parse((String) plan.resource("exec-more-policy").getInputs().get("policy"));
        assertThat(doc.statement("PullImages").orElseThrow().getResources())
                .containsExactly("arn:aws:ecr:us-east-1:123456789012:repository/trainer");
        assertThat(doc.statement("EcrLogin").orElseThrow().getResources()).containsExactly("*");
    }

    /** PutRolePolicy replaces a policy of the same name: a second one on the same role is refused. */
    @Test
    void aSecondPolicyOfTheSameNameOnTheSameRoleIsRefused() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> {
            var a = new com.pulumi.resources.ComponentResource("test:index:TeamA", "a");
            var b = new com.pulumi.resources.ComponentResource("test:index:TeamB", "b");
            for (var parent : List.of(a, b)) {
                new RoleGrants("data", RoleGrantsArgs.builder().role(RoleReference.fromName("shared"))
                        .addGrants(KeyReference.fromArn(KEY).grantDecrypt()).build(),
                        ComponentResourceOptions.builder().parent(parent).build());
            }
        })).isInstanceOf(PlanException.class)
                .hasMessageContaining("RoleGrantsArgs.policyName: the stack already puts an inline policy of this name on role"
                        + " shared, and PutRolePolicy would silently replace one with the other; got \"mlinfra-");
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> {
            var role = new ServiceRole("exec", ServiceRoleArgs.builder().service("sagemaker.amazonaws.com")
                    .addGrants(KeyReference.fromArn(KEY).grantDecrypt()).build());
            new RoleGrants("more", RoleGrantsArgs.builder().role(role).policyName("exec-least-privilege")
                    .addGrants(KeyReference.fromArn(KEY).grantDecrypt()).build());
        })).isInstanceOf(PlanException.class).hasMessageContaining("\"exec-least-privilege\"");
        // The same name on two different roles, and the same program planned twice, are fine.
        for (int i = 0; i < 2; i++) {
            Plan plan = PlanEngine.plan(ctx -> {
                for (String role : List.of("one", "two")) {
                    new RoleGrants("data-" + role, RoleGrantsArgs.builder().role(RoleReference.fromName(role))
                            .policyName("data").addGrants(KeyReference.fromArn(KEY).grantDecrypt()).build());
                }
            });
            assertThat(plan.resourcesOfType("aws:iam/rolePolicy:RolePolicy")).hasSize(2);
        }
    }

    @Test
    void badInputIsRefusedAtBuild() {
        assertThatThrownBy(() -> RoleGrantsArgs.builder().role(RoleReference.fromName("r")).build())
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("RoleGrantsArgs.grants: no grant; got \"nothing\"; expected at least one grant");
        assertThatThrownBy(() -> RoleGrantsArgs.builder().role(RoleReference.fromName("r"))
                .addGrants(KeyReference.fromArn(KEY).grantDecrypt()).policyName("p".repeat(129)).build())
                .hasMessageStartingWith("RoleGrantsArgs.policyName: longer than 128 characters (129)");
        assertThatThrownBy(() -> RoleGrantsArgs.builder().role(RoleReference.fromName("r"))
                .addGrants(KeyReference.fromArn(KEY).grantDecrypt()).policyName("data access").build())
                .hasMessageStartingWith("RoleGrantsArgs.policyName: does not match");
        assertThat(RoleGrantsArgs.builder().role(RoleReference.fromName("r")).addGrants(KeyReference.fromArn(KEY).grantDecrypt())
                .policyName("p".repeat(128)).build().getPolicyName()).contains("p".repeat(128));
        assertThatThrownBy(() -> RoleReference.fromName("ml exec"))
                .hasMessageStartingWith("RoleReference.name: malformed; got \"ml exec\"");
        assertThatThrownBy(() -> RoleReference.fromArn("arn:aws:sts::123456789012:assumed-role/deployer/s"))
                .hasMessageStartingWith("RoleReference.arn: an assumed-role session is not a valid policy principal");
    }

    @Test
    void readyMadeGrantsRefuseWhatTheyCannotScope() {
        assertThatThrownBy(Grant::sageMakerJobLogs)
                .hasMessage("Grant.sageMakerJobLogs: no job kind; got \"nothing\"; expected TRAINING, PROCESSING or both");
        assertThatThrownBy(() -> Grant.ecrPull(List.of()))
                .hasMessageStartingWith("Grant.ecrPull: no repository; got []; expected at least one an ECR repository ARN");
        assertThatThrownBy(() -> Grant.ecrPull(List.of("arn:aws:ecr:us-east-1:123456789012:repository/*")))
                .hasMessageStartingWith("Grant.ecrPull: malformed; got \"arn:aws:ecr:us-east-1:123456789012:repository/*\"");
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new RoleGrants("g", RoleGrantsArgs.builder()
                .role(RoleReference.fromName("r")).addGrants(Grant.ecrPull(Output.of(List.of("123456789012.dkr.ecr.us-east-1.amazonaws.com/x"))))
                .build()))).isInstanceOf(PlanException.class).hasMessageContaining("Grant.ecrPull: malformed");
    }

    @Test
    void aGrantRenderedOnItsOwnUsesTheDefaultProvidersAccount() {
        Plan plan = PlanEngine.plan(ctx -> ctx.export("p", PolicyDocument.toJson(Grant.sageMakerJobLogs(Grant.SageMakerJob.PROCESSING)
                .statements().applyValue(l -> PolicyDocument.builder().addAllStatements(l).build()))));
        var doc = PolicyDocument.parse((String) plan.getOutputs().get("p"));
        assertThat(doc.statement("WriteJobLogs").orElseThrow().getResources()).containsExactly(
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/ProcessingJobs",
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/ProcessingJobs:log-stream:*");
    }
}
