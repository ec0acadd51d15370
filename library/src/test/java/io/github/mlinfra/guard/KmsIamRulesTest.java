package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import java.util.List;
import org.junit.jupiter.api.Test;

class KmsIamRulesTest {
    static final String KEY_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Admin\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::%s:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\","
            + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}}]}";
    static final String SCOPED = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::data/*\"},{\"Sid\":\"Token\",\"Effect\":\"Allow\","
            + "\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"}]}";

    @Test
    void compliantKeyAndRoleHaveNoKmsOrIamFindings() {
        PostureReport r = GuardTesting.check(ctx -> {
            new Key("key", KeyArgs.builder().enableKeyRotation(true).deletionWindowInDays(30)
                    .policy(String.format(KEY_POLICY, "123456789012")).build(),
                    com.pulumi.resources.CustomResourceOptions.builder().protect(true).build());
            var role = new Role("role", RoleArgs.builder().assumeRolePolicy(TRUST).build());
            new RolePolicy("role-inline", RolePolicyArgs.builder().role(role.name()).policy(SCOPED).build());
            var p = new Policy("custom", PolicyArgs.builder().policy(SCOPED).build());
            new RolePolicyAttachment("attach", RolePolicyAttachmentArgs.builder().role(role.name()).policyArn(p.arn()).build());
        });
        assertThat(GuardTesting.rulesFiredWithPrefix(r, "MLI-KMS")).isEmpty();
        assertThat(GuardTesting.rulesFiredWithPrefix(r, "MLI-IAM")).isEmpty();
    }

    @Test
    void kms_01_02_03_defaultsAreFlagged() {
        PostureReport r = GuardTesting.check(ctx -> new Key("key", KeyArgs.builder().deletionWindowInDays(10).build()));
        assertThat(r.findingsOf("MLI-KMS-01")).singleElement().extracting(Finding::getMessage).isEqualTo("enableKeyRotation is not true");
        assertThat(r.findingsOf("MLI-KMS-02")).singleElement().extracting(Finding::getMessage).asString().contains("10, expected 30");
        assertThat(r.findingsOf("MLI-KMS-03")).singleElement().extracting(Finding::getMessage).asString().contains("no explicit key policy");
    }

    @Test
    void kms_03_placeholderNoAdminAndLockoutBypass() {
        PostureReport r = GuardTesting.check(ctx -> {
            new Key("placeholder", KeyArgs.builder().policy(String.format(KEY_POLICY, "ACCOUNT_ID")).build());
            new Key("bypass", KeyArgs.builder().bypassPolicyLockoutSafetyCheck(true)
                    .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                            + "{\"Service\":\"logs.amazonaws.com\"},\"Action\":\"kms:Encrypt\",\"Resource\":\"*\"}]}").build());
        });
        assertThat(r.findingsOf("MLI-KMS-03")).filteredOn(f -> f.getResourceName().equals("placeholder"))
                .extracting(Finding::getMessage).anyMatch(m -> m.contains("placeholder 'ACCOUNT_ID'"));
        assertThat(r.findingsOf("MLI-KMS-03")).filteredOn(f -> f.getResourceName().equals("bypass"))
                .extracting(Finding::getMessage)
                .contains("bypassPolicyLockoutSafetyCheck is true")
                .anyMatch(m -> m.contains("no statement allows the account root"));
    }

    @Test
    void kms_04_unprotectedKey() {
        PostureReport r = GuardTesting.check(ctx -> new Key("key", KeyArgs.builder().enableKeyRotation(true).build()));
        assertThat(r.findingsOf("MLI-KMS-04")).singleElement().extracting(Finding::getMessage).asString().contains("not protected");
    }

    @Test
    void iam_04_serviceTrustWithoutSourceAccount() {
        PostureReport r = GuardTesting.check(ctx -> {
            new Role("role", RoleArgs.builder().assumeRolePolicy(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                            + "\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}").build());
            // CloudTrail's CloudWatch Logs role cannot carry the keys (ConfusedDeputyKeys): not a finding
            new Role("ctrole", RoleArgs.builder().assumeRolePolicy(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                            + "\"cloudtrail.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}").build());
            // EC2 assumes instance-profile roles without aws:SourceAccount: not a finding
            new Role("ec2role", RoleArgs.builder().assumeRolePolicy(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                            + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}").build());
        });
        assertThat(r.findingsOf("MLI-IAM-04")).singleElement().satisfies(f -> {
            assertThat(f.getResourceName()).isEqualTo("role");
            assertThat(f.getMessage()).contains("[sagemaker.amazonaws.com]").contains("aws:SourceAccount");
        });
    }

    @Test
    void iam_01_and_06_attachments() {
        PostureReport r = GuardTesting.check(ctx -> {
            var key = new Key("key", KeyArgs.builder().build());
            var role = new Role("role", RoleArgs.builder().assumeRolePolicy(TRUST)
                    .managedPolicyArns("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess").build());
            new RolePolicyAttachment("managed", RolePolicyAttachmentArgs.builder().role(role.name())
                    .policyArn("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess").build());
            new RolePolicyAttachment("kms", RolePolicyAttachmentArgs.builder().role(role.name()).policyArn(key.arn()).build());
        });
        assertThat(r.findingsOf("MLI-IAM-01")).extracting(Finding::getResourceName).containsExactlyInAnyOrder("managed", "role");
        assertThat(r.findingsOf("MLI-IAM-06")).singleElement().satisfies(f -> {
            assertThat(f.getResourceName()).isEqualTo("kms");
            assertThat(f.getMessage()).contains("arn:aws:kms:");
        });
    }

    @Test
    void iam_02_03_wildcards() {
        PostureReport r = GuardTesting.check(ctx -> {
            var role = new Role("role", RoleArgs.builder().assumeRolePolicy(TRUST).build());
            new RolePolicy("wild", RolePolicyArgs.builder().role(role.name()).policy("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Sid\":\"All\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}").build());
        });
        assertThat(r.findingsOf("MLI-IAM-02")).singleElement().satisfies(f -> {
            assertThat(f.getMessage()).contains("wildcard action s3:*");
            assertThat(f.getKey()).isEqualTo("MLI-IAM-02[Action::s3:*]");
        });
        assertThat(r.findingsOf("MLI-IAM-03")).singleElement().extracting(Finding::getMessage).asString().contains("Resource \"*\"");
    }

    @Test
    void iam_05_placeholdersInAnyPolicy() {
        PostureReport r = GuardTesting.check(ctx -> {
            new Role("role", RoleArgs.builder().assumeRolePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                    + "\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::<account-id>:root\"},\"Action\":\"sts:AssumeRole\"}]}").build());
            new Policy("p", PolicyArgs.builder().policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b-XXXXXXXXXXXX/*\"}]}").build());
        });
        assertThat(r.findingsOf("MLI-IAM-05")).extracting(Finding::getMessage)
                .containsExactlyInAnyOrder("assumeRolePolicy holds the placeholder account id '<account-id>'",
                        "policy holds the placeholder account id 'XXXXXXXXXXXX'");
        assertThat(List.of(r.findingsOf("MLI-IAM-05").get(0).getSeverity().name())).containsExactly("CRITICAL");
    }
}
