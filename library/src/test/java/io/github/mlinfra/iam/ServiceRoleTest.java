package io.github.mlinfra.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.kms.ManagedKey;
import io.github.mlinfra.kms.ManagedKeyArgs;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import org.junit.jupiter.api.Test;

class ServiceRoleTest {

    @Test
    void roleHasTrustWithSourceAccountAndInlinePolicyFromGrants() {
        Plan plan = PlanEngine.plan(ctx -> {
            var key = new ManagedKey("k", ManagedKeyArgs.builder().build());
            new ServiceRole("nb", ServiceRoleArgs.builder()
                    .service("sagemaker.amazonaws.com")
                    .addGrants(key.grantEncryptDecrypt(), Grant.onAnyResource("EcrLogin", "ecr:GetAuthorizationToken"))
                    .build());
        });
        var role = plan.resource("nb-role");
        assertThat(role.getInputs()).containsEntry("maxSessionDuration", 3600L);
        var trust = PolicyDocument.parse((String) role.getInputs().get("assumeRolePolicy"));
        assertThat(trust.getStatements()).singleElement().satisfies(s -> {
            assertThat(s.getActions()).containsExactly("sts:AssumeRole");
            assertThat(s.getConditions()).singleElement().satisfies(c -> {
                assertThat(c.getKey()).isEqualTo("aws:SourceAccount");
                assertThat(c.getValues()).containsExactly("123456789012");
            });
        });
        var policy = PolicyDocument.parse((String) plan.resource("nb-policy").getInputs().get("policy"));
        assertThat(policy.getStatements()).hasSize(2);
        for (Statement s : policy.getStatements()) {
            assertThat(s.getActions()).noneMatch(Statement::isWildcardAction);
            if (s.getResources().contains("*")) {
                assertThat(s.getActions()).allMatch(StarOnlyActions::contains);
            }
        }
        assertThat(plan.resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).isEmpty();
        assertThat(plan.resource("nb-policy").getInputs()).containsEntry("role", role.getId().orElseThrow());
    }

    @Test
    void twoGrantsOfTheSameKindGetUniqueSids() {
        Plan plan = PlanEngine.plan(ctx -> {
            var a = new ManagedKey("a", ManagedKeyArgs.builder().build());
            var b = new ManagedKey("b", ManagedKeyArgs.builder().build());
            new ServiceRole("two", ServiceRoleArgs.builder().service("sagemaker.amazonaws.com")
                    .addGrants(a.grantEncryptDecrypt(), b.grantEncryptDecrypt()).build());
        });
        var policy = PolicyDocument.parse((String) plan.resource("two-policy").getInputs().get("policy"));
        assertThat(policy.getStatements()).extracting(s -> s.getSid().orElseThrow()).containsExactly("UseKey", "UseKey2");
        assertThat(policy.getStatements().get(1).getResources()).containsExactly((String) plan.resource("b-key").getOutputs().get("arn"));
    }

    @Test
    void managedPoliciesNeedAWaiverAndMustBePolicyArns() {
        assertThatThrownBy(() -> ServiceRoleArgs.builder().service("sagemaker.amazonaws.com")
                .addManagedPolicyArns("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess").build())
                .hasMessageStartingWith("ServiceRoleArgs.managedPolicyArns: managed policies without a waiver of MLI-IAM-01");
        assertThatThrownBy(() -> ServiceRoleArgs.builder().service("sagemaker.amazonaws.com")
                .addManagedPolicyArns("arn:aws:kms:us-east-1:123456789012:key/abc").build())
                .hasMessageStartingWith("ServiceRoleArgs.managedPolicyArns: malformed; got \"arn:aws:kms:");
        Plan plan = PlanEngine.plan(ctx -> new ServiceRole("legacy", ServiceRoleArgs.builder()
                .service("ec2.amazonaws.com")
                .addManagedPolicyArns("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")
                .waive(Control.IAM_NO_MANAGED_POLICIES, "Migration period: the fleet still relies on the SSM core policy.")
                .build()));
        assertThat(plan.resource("legacy-managed-0").getInputs())
                .containsEntry("policyArn", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
        assertThat(plan.resource("legacy-role").getWaivers()).extracting(w -> w.getControl()).containsExactly(Control.IAM_NO_MANAGED_POLICIES);
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> ServiceRoleArgs.builder().service("sagemaker.amazonaws.com").roleName("r".repeat(65)).build())
                .hasMessageStartingWith("ServiceRoleArgs.roleName: longer than 64 characters (65)");
        assertThatThrownBy(() -> ServiceRoleArgs.builder().build())
                .hasMessageStartingWith("ServiceRoleArgs.service: required attribute not set");
        assertThatThrownBy(() -> ServiceRoleArgs.builder().service("sagemaker").build())
                .hasMessageStartingWith("ServiceRoleArgs.service: malformed; got \"sagemaker\"");
        assertThatThrownBy(() -> ServiceRoleArgs.builder().service("ec2.amazonaws.com").maxSessionDurationSeconds(60).build())
                .hasMessage("ServiceRoleArgs.maxSessionDurationSeconds: outside the allowed range; got 60; expected 3600 to 43200 seconds");
        assertThatThrownBy(() -> Grant.onAnyResource("S3", "s3:GetObject"))
                .hasMessageStartingWith("Grant.actions: not an action AWS accepts only on Resource \"*\"; got \"s3:GetObject\"");
    }

    @Test
    void trustFollowsTheConfusedDeputyTable() {
        Plan plan = PlanEngine.plan(ctx -> {
            new ServiceRole("ct", ServiceRoleArgs.builder().service("cloudtrail.amazonaws.com").build());
            new ServiceRole("fl", ServiceRoleArgs.builder().service("vpc-flow-logs.amazonaws.com").build());
            new ServiceRole("nbk", ServiceRoleArgs.builder().service("sagemaker.amazonaws.com")
                    .serviceFeature(io.github.mlinfra.aws.ConfusedDeputyKeys.SAGEMAKER_NOTEBOOK_INSTANCE).build());
        });
        // CloudTrail's CloudWatch Logs role: AWS says the keys are not supported, so no condition
        var ct = PolicyDocument.parse((String) plan.resource("ct-role").getInputs().get("assumeRolePolicy"));
        assertThat(ct.getStatements()).singleElement().satisfies(s -> assertThat(s.getConditions()).isEmpty());
        assertThat(plan.resource("ct-role").getWaivers()).isEmpty();
        var fl = PolicyDocument.parse((String) plan.resource("fl-role").getInputs().get("assumeRolePolicy"));
        assertThat(fl.getStatements()).singleElement().satisfies(s -> assertThat(s.getConditions())
                .extracting(c -> c.getKey()).containsExactly("aws:SourceAccount"));
        // notebook instances are not on SageMaker's confused-deputy page: no condition, a built-in waiver says why
        var nb = PolicyDocument.parse((String) plan.resource("nbk-role").getInputs().get("assumeRolePolicy"));
        assertThat(nb.getStatements()).singleElement().satisfies(s -> assertThat(s.getConditions()).isEmpty());
        assertThat(plan.resource("nbk-role").getWaivers()).singleElement().satisfies(w -> {
            assertThat(w.getControl()).isEqualTo(Control.IAM_CONFUSED_DEPUTY);
            assertThat(w.getJustification()).contains("security-confused-deputy-prevention");
        });
        assertThatThrownBy(() -> ServiceRoleArgs.builder().service("cloudtrail.amazonaws.com")
                .serviceFeature("notebook-instance").build())
                .hasMessageStartingWith("ServiceRoleArgs.serviceFeature: not a feature the confused-deputy table knows");
    }
}
