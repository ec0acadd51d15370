package io.github.mlinfra.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import io.github.mlinfra.aws.AutoNames;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan engine auto-names as pulumi-aws 6.83 does, and fails where the provider or AWS would. */
class AutoNamingTest {
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    @Test
    void aValidBucketNameIsLowercasedWithADashAndSevenHex() {
        Plan plan = PlanEngine.plan(ctx -> new BucketV2("Team-Ckpt", BucketV2Args.builder().build()));
        String bucket = (String) plan.resource("Team-Ckpt").getOutputs().get("bucket");
        assertThat(bucket).matches("team-ckpt-[0-9a-f]{7}");
    }

    @Test
    void aBucketNameTooLongFailsTheePlanInsteadOfBeingCut() {
        String logical = "b".repeat(56); // 56 + "-" + 7 = 64 > 63
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new BucketV2(logical, BucketV2Args.builder().build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("resource aws:s3/bucketV2:BucketV2 '" + logical + "'")
                .hasMessageContaining("is 64 characters, longer than the 63 pulumi-aws allows")
                .hasMessageContaining("provider/resources.go");
        // one shorter fits exactly
        Plan ok = PlanEngine.plan(ctx -> new BucketV2("b".repeat(55), BucketV2Args.builder().build()));
        assertThat((String) ok.resource("b".repeat(55)).getOutputs().get("bucket")).hasSize(63);
    }

    @Test
    void aBucketNameWithCharactersS3RefusesFailsThePlan() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new BucketV2("TeamCkpt_Prod", BucketV2Args.builder().build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("resource aws:s3/bucketV2:BucketV2 'TeamCkpt_Prod'")
                .hasMessageContaining("auto-named bucket 'teamckpt_prod-")
                .hasMessageContaining("bucketnamingrules.html");
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new BucketV2("ckpt-\uD83D\uDE80", BucketV2Args.builder().build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("is not a name AWS accepts for aws:s3/bucketV2:BucketV2");
    }

    @Test
    void anExplicitBucketNameIsKeptAsGiven() {
        Plan plan = PlanEngine.plan(ctx -> new BucketV2("x", BucketV2Args.builder().bucket("my-exact-bucket").build()));
        assertThat(plan.resource("x").getOutputs().get("bucket")).isNull(); // an input, not an output
        assertThat(plan.resource("x").getInputs()).containsEntry("bucket", "my-exact-bucket");
    }

    @Test
    void iamRoleNamesFollowTheRolesSixtyFourCharacterRule() {
        Plan plan = PlanEngine.plan(ctx -> new Role("Trainer.Role", RoleArgs.builder().assumeRolePolicy(TRUST).build()));
        assertThat((String) plan.resource("Trainer.Role").getOutputs().get("name")).matches("Trainer\\.Role-[0-9a-f]{7}");
        String logical = "r".repeat(57); // 57 + 8 = 65 > 64
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new Role(logical, RoleArgs.builder().assumeRolePolicy(TRUST).build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("longer than the 64 pulumi-aws allows for aws:iam/role:Role");
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new Role("trainer role", RoleArgs.builder().assumeRolePolicy(TRUST).build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("is not a name AWS accepts for aws:iam/role:Role");
    }

    @Test
    void theRulesAreData() {
        assertThat(AutoNames.rule("aws:s3/bucketV2:BucketV2").maxLength()).isEqualTo(63);
        assertThat(AutoNames.rule("aws:s3/bucketV2:BucketV2").lowercase()).isTrue();
        assertThat(AutoNames.rule("aws:iam/role:Role").maxLength()).isEqualTo(64);
        assertThat(AutoNames.rule("aws:sagemaker/notebookInstance:NotebookInstance")).isEqualTo(AutoNames.DEFAULT);
        assertThat(AutoNames.rule("aws:cloudwatch/logGroup:LogGroup").maxLength()).isEqualTo(255);
        assertThat(AutoNames.name("aws:cloudwatch/logGroup:LogGroup", "Any_Name", "abcdef0")).isEqualTo("Any_Name-abcdef0");
        assertThatThrownBy(() -> AutoNames.name("aws:cloudwatch/logGroup:LogGroup", "l".repeat(248), "abcdef0"))
                .hasMessageContaining("longer than the 255");
    }

    /** The provider's default is 255 characters; IAM accepts 128 for policies and instance profiles. */
    @Test
    void autoNamedIamPoliciesAndInstanceProfilesFollowIamsRule() {
        for (String type : List.of("aws:iam/policy:Policy", "aws:iam/instanceProfile:InstanceProfile")) {
            assertThat(AutoNames.name(type, "trainer-profile", "abcdef0")).isEqualTo("trainer-profile-abcdef0");
            assertThat(AutoNames.name(type, "p".repeat(120), "abcdef0")).hasSize(128);
            assertThatThrownBy(() -> AutoNames.name(type, "p".repeat(121), "abcdef0"))
                    .hasMessageContaining("is not a name AWS accepts for " + type);
            assertThatThrownBy(() -> AutoNames.name(type, "trainer profile", "abcdef0"))
                    .hasMessageContaining("is not a name AWS accepts for " + type);
        }
    }

    @Test
    void autoNamedSecurityGroupsLogGroupsAndTrailsFollowTheirServices() {
        String sg = "aws:ec2/securityGroup:SecurityGroup";
        assertThat(AutoNames.name(sg, "ml endpoints (443)", "abcdef0")).isEqualTo("ml endpoints (443)-abcdef0");
        assertThatThrownBy(() -> AutoNames.name(sg, "sg-trainer", "abcdef0")).hasMessageContaining("not starting with sg-");
        assertThatThrownBy(() -> AutoNames.name(sg, "Zugriff für Training", "abcdef0")).hasMessageContaining(sg);
        String lg = "aws:cloudwatch/logGroup:LogGroup";
        assertThatThrownBy(() -> AutoNames.name(lg, "flow logs", "abcdef0")).hasMessageContaining(lg);
        String trail = "aws:cloudtrail/trail:Trail";
        assertThat(AutoNames.name(trail, "audit.trail", "abcdef0")).isEqualTo("audit.trail-abcdef0");
        assertThatThrownBy(() -> AutoNames.name(trail, "audit--trail", "abcdef0")).hasMessageContaining(trail);
        assertThatThrownBy(() -> AutoNames.name(trail, "t".repeat(121), "abcdef0")).hasMessageContaining(trail);
    }
}
