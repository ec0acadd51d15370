package io.github.mlinfra.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanOptions;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagedKeyTest {

    @Test
    void defaultsAreSecureAndDocumented() {
        var args = ManagedKeyArgs.builder().build();
        assertThat(args.getRotationPeriodDays()).isEqualTo(365);
        assertThat(args.getDeletionWindowDays()).isEqualTo(30);
        assertThat(args.getAdministratorRoleArns()).isEmpty();
        assertThat(args.getWaivers()).isEmpty();
        assertThat(args.getDescription()).isEqualTo("mlinfra managed key");
    }

    @Test
    void keyHasRotationWindowPolicyAliasAndProtect() {
        Plan plan = PlanEngine.plan(ctx -> ctx.export("keyArn", new ManagedKey("ckpt", ManagedKeyArgs.builder()
                .addAdministratorRoleArns("arn:aws:iam::210987654321:role/KeyAdmins")
                .addAllServiceAccess(KeyServiceAccess.cloudTrail("trail-1"))
                .build()).keyArn()), PlanOptions.builder().accountId("210987654321").partition("aws-us-gov").region("us-gov-west-1").build());
        var key = plan.resource("ckpt-key");
        assertThat(key.getType()).isEqualTo("aws:kms/key:Key");
        assertThat(key.isProtect()).isTrue();
        assertThat(key.getInputs()).containsEntry("enableKeyRotation", true).containsEntry("rotationPeriodInDays", 365L)
                .containsEntry("deletionWindowInDays", 30L).containsEntry("bypassPolicyLockoutSafetyCheck", false);
        var policy = PolicyDocument.parse((String) key.getInputs().get("policy"));
        Statement root = policy.statement("EnableIamPolicies").orElseThrow();
        assertThat(root.getPrincipal().orElseThrow().getIdentifiers()).containsEntry("AWS", List.of("arn:aws-us-gov:iam::210987654321:root"));
        assertThat(policy.toJson()).doesNotContain("assumed-role").doesNotContain("ACCOUNT_ID");
        Statement admins = policy.statement("KeyAdministrators").orElseThrow();
        assertThat(admins.getActions()).contains("kms:ScheduleKeyDeletion").doesNotContain("kms:Decrypt", "kms:*");
        Statement trail = policy.statement("AllowCloudTrailEncrypt").orElseThrow();
        assertThat(trail.getConditions()).anySatisfy(c -> assertThat(c.getValues())
                .containsExactly("arn:aws-us-gov:cloudtrail:*:210987654321:trail/*"));
        assertThat(policy.statement("AllowCloudTrailDescribeKey").orElseThrow().getConditions()).singleElement()
                .satisfies(c -> assertThat(c.getValues()).containsExactly("arn:aws-us-gov:cloudtrail:us-gov-west-1:210987654321:trail/trail-1"));
        var alias = plan.resource("ckpt-alias");
        assertThat(alias.getInputs()).containsEntry("name", "alias/mlinfra/mlinfra/dev/ckpt").containsEntry("targetKeyId", key.getId().orElseThrow());
        assertThat(alias.getParent()).contains(plan.resource("ckpt").getUrn());
        assertThat(plan.getOutputs().get("keyArn")).isEqualTo(key.getOutputs().get("arn"));
    }

    @Test
    void waiversTurnControlsOffAndTravelWithThePlanAndTags() {
        Plan plan = PlanEngine.plan(ctx -> new ManagedKey("tmp", ManagedKeyArgs.builder()
                .deletionWindowDays(7)
                .waive(Control.KMS_DELETION_WINDOW, "Ephemeral CI key; recreated on every pipeline run anyway.")
                .waive(Control.KMS_ROTATION, "Key lives for one day only; rotation would never happen.")
                .build()));
        var key = plan.resource("tmp-key");
        assertThat(key.getInputs()).containsEntry("enableKeyRotation", false).doesNotContainKey("rotationPeriodInDays")
                .containsEntry("deletionWindowInDays", 7L);
        assertThat(key.getWaivers()).extracting(w -> w.getControl()).containsExactlyInAnyOrder(Control.KMS_DELETION_WINDOW, Control.KMS_ROTATION);
        @SuppressWarnings("unchecked")
        Map<String, String> tags = (Map<String, String>) key.getInputs().get("tags");
        // the tag holds the justification in AWS's tag alphabet (";" dropped); the plan keeps it in full
        assertThat(tags).containsEntry("mlinfra:waiver:MLI-KMS-01", "Key lives for one day only rotation would never happen.");
        assertThat(key.getWaivers()).anySatisfy(w -> assertThat(w.getJustification())
                .isEqualTo("Key lives for one day only; rotation would never happen."));
        assertThat(plan.resource("tmp").getOutputs().get("mlinfra:waivers")).asList().hasSize(2).contains(
                java.util.Map.of("control", "MLI-KMS-01", "justification", "Key lives for one day only; rotation would never happen."));
    }

    @Test
    void grantsScopeToTheKey() {
        Plan plan = PlanEngine.plan(ctx -> {
            var key = new ManagedKey("k", ManagedKeyArgs.builder().build());
            ctx.export("grant", PolicyDocument.toJson(key.grantEncryptDecrypt().statements()
                    .applyValue(s -> PolicyDocument.builder().addAllStatements(s).build())));
        });
        var doc = PolicyDocument.parse((String) plan.getOutputs().get("grant"));
        assertThat(doc.getStatements()).singleElement().satisfies(s -> {
            assertThat(s.getResources()).containsExactly((String) plan.resource("k-key").getOutputs().get("arn"));
            assertThat(s.getActions()).allSatisfy(a -> assertThat(Statement.isWildcardAction(a)).isFalse());
        });
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsRegistered() {
        assertThatThrownBy(() -> ManagedKeyArgs.builder().deletionWindowDays(5).build())
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("ManagedKeyArgs.deletionWindowDays: outside the allowed range; got 5; expected 7 to 30 days");
        assertThatThrownBy(() -> ManagedKeyArgs.builder().deletionWindowDays(10).build())
                .hasMessageStartingWith("ManagedKeyArgs.deletionWindowDays: shorter than 30 days without a waiver of MLI-KMS-02");
        assertThatThrownBy(() -> ManagedKeyArgs.builder().rotationPeriodDays(30).build())
                .hasMessage("ManagedKeyArgs.rotationPeriodDays: outside the allowed range; got 30; expected 90 to 2560 days");
        assertThatThrownBy(() -> ManagedKeyArgs.builder().rotationPeriodDays(2561).build())
                .hasMessageContaining("got 2561");
        assertThatThrownBy(() -> ManagedKeyArgs.builder()
                .addAdministratorRoleArns("arn:aws:sts::123456789012:assumed-role/deployer/s").build())
                .hasMessageStartingWith("ManagedKeyArgs.administratorRoleArns: an assumed-role session is not a valid policy principal");
        assertThatThrownBy(() -> ManagedKeyArgs.builder().alias("alias/aws/s3").build())
                .hasMessageStartingWith("ManagedKeyArgs.alias: malformed; got \"alias/aws/s3\"");
        assertThatThrownBy(() -> ManagedKeyArgs.builder()
                .waive(Control.S3_ACCESS_LOGGING, "Not a key control, so this must be refused.").build())
                .hasMessageStartingWith("ManagedKeyArgs.waivers: control MLI-S3-11 does not apply here");
        assertThatThrownBy(() -> ManagedKeyArgs.builder().waive(Control.KMS_ROTATION, "short").build())
                .hasMessageStartingWith("Waiver.justification: too short or filler to justify waiving MLI-KMS-01");
    }
}
