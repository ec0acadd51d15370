package io.github.mlinfra.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.policy.Condition;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    @Test
    void defaultsAreSecureAndDocumented() {
        var args = AuditTrailArgs.builder().build();
        assertThat(args.getLogRetentionDays()).isEqualTo(365);
        assertThat(args.getTrailName()).isEmpty();
        assertThat(args.getS3KeyPrefix()).isEmpty();
        assertThat(args.getWaivers()).isEmpty();
    }

    @Test
    void everyControlIsInThePlan() {
        Plan plan = PlanEngine.plan(ctx -> ctx.export("trailArn", new AuditTrail("audit", AuditTrailArgs.builder().build()).trailArn()));
        var trail = plan.resource("audit-trail");
        String keyArn = (String) plan.resource("audit-key-key").getOutputs().get("arn");
        String logGroupArn = (String) plan.resource("audit-log-group").getOutputs().get("arn");
        String bucket = (String) plan.resource("audit-logs-bucket").getOutputs().get("bucket");
        assertThat(trail.getType()).isEqualTo("aws:cloudtrail/trail:Trail");
        assertThat(trail.getInputs()).containsEntry("name", "mlinfra-mlinfra-dev-audit").containsEntry("isMultiRegionTrail", true)
                .containsEntry("includeGlobalServiceEvents", true).containsEntry("enableLogFileValidation", true)
                .containsEntry("kmsKeyId", keyArn).containsEntry("s3BucketName", bucket)
                .containsEntry("cloudWatchLogsGroupArn", logGroupArn + ":*")
                .containsEntry("cloudWatchLogsRoleArn", plan.resource("audit-cloudwatch-role").getOutputs().get("arn"));
        assertThat(plan.getOutputs().get("trailArn")).isEqualTo("arn:aws:cloudtrail:us-east-1:123456789012:trail/mlinfra-mlinfra-dev-audit");

        var key = PolicyDocument.parse((String) plan.resource("audit-key-key").getInputs().get("policy"));
        String trailArn = "arn:aws:cloudtrail:us-east-1:123456789012:trail/mlinfra-mlinfra-dev-audit";
        // DescribeKey carries no encryption context: its own statement, conditioned on the trail
        assertThat(key.statement("AllowCloudTrailDescribeKey").orElseThrow()).satisfies(st -> {
            assertThat(st.getActions()).containsExactly("kms:DescribeKey");
            assertThat(st.getConditions()).containsExactly(Condition.of("StringEquals", "aws:SourceArn", trailArn));
        });
        assertThat(key.statement("AllowCloudTrailEncrypt").orElseThrow()).satisfies(st -> {
            assertThat(st.getActions()).containsExactly("kms:GenerateDataKey");
            assertThat(st.getConditions()).containsExactlyInAnyOrder(
                    Condition.of("StringEquals", "aws:SourceArn", trailArn),
                    Condition.of("StringLike", "kms:EncryptionContext:aws:cloudtrail:arn", "arn:aws:cloudtrail:*:123456789012:trail/*"));
        });
        assertThat(key.statement("AllowCloudWatchLogs")).isPresent();
        assertThat(plan.resource("audit-log-group").getInputs()).containsEntry("name", "/mlinfra/cloudtrail/mlinfra-mlinfra-dev-audit");

        var lg = plan.resource("audit-log-group");
        assertThat(lg.getInputs()).containsEntry("retentionInDays", 365L).containsEntry("kmsKeyId", keyArn);
        assertThat(lg.isProtect()).isTrue();

        var role = plan.resource("audit-cloudwatch-role");
        var trust = PolicyDocument.parse((String) role.getInputs().get("assumeRolePolicy"));
        assertThat(trust.getStatements().get(0).getPrincipal().orElseThrow().getIdentifiers())
                .containsEntry("Service", List.of("cloudtrail.amazonaws.com"));
        var inline = PolicyDocument.parse((String) plan.resource("audit-cloudwatch-policy").getInputs().get("policy"));
        assertThat(inline.getStatements()).singleElement().satisfies(s -> {
            assertThat(s.getActions()).containsExactly("logs:CreateLogStream", "logs:PutLogEvents");
            assertThat(s.getResources()).containsExactly(logGroupArn + ":*");
        });

        var b = plan.resource("audit-logs-bucket");
        assertThat(b.isProtect()).isTrue();
        assertThat(b.hasTag("mlinfra:purpose", "audit-logs")).isTrue();
        assertThat(plan.resource("audit-logs-encryption").input("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId")).contains(keyArn);
        var policy = PolicyDocument.parse((String) plan.resource("audit-logs-policy").getInputs().get("policy"));
        String arn = "arn:aws:s3:::" + bucket;
        String source = "arn:aws:cloudtrail:us-east-1:123456789012:trail/mlinfra-mlinfra-dev-audit";
        Statement acl = policy.statement("AWSCloudTrailAclCheck").orElseThrow();
        assertThat(acl.getEffect()).isEqualTo(Effect.Allow);
        assertThat(acl.getActions()).containsExactly("s3:GetBucketAcl");
        assertThat(acl.getResources()).containsExactly(arn);
        assertThat(acl.getConditions()).containsExactly(Condition.of("StringEquals", "aws:SourceArn", source));
        Statement write = policy.statement("AWSCloudTrailWrite").orElseThrow();
        assertThat(write.getActions()).containsExactly("s3:PutObject");
        assertThat(write.getResources()).containsExactly(arn + "/AWSLogs/123456789012/*");
        assertThat(write.getConditions()).containsExactlyInAnyOrder(
                Condition.of("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control"),
                Condition.of("StringEquals", "aws:SourceArn", source),
                Condition.of("StringEquals", "aws:SourceAccount", "123456789012"));
        assertThat(policy.statement("DenyInsecureTransport")).isPresent();
        assertThat(policy.statement("DenySseC")).isPresent();
        // CloudTrail's CloudWatch Logs role: confused-deputy keys are not supported, so none is required
        var roleTrust = PolicyDocument.parse((String) plan.resource("audit-cloudwatch-role").getInputs().get("assumeRolePolicy"));
        assertThat(roleTrust.getStatements()).singleElement().satisfies(s -> {
            assertThat(s.getPrincipal().orElseThrow().getIdentifiers()).containsEntry("Service", java.util.List.of("cloudtrail.amazonaws.com"));
            assertThat(s.getConditions()).isEmpty();
        });
        assertThat(policy.statement("DenyOtherKmsKeys")).isEmpty();
        assertThat(plan.resource("audit-logs").getWaivers()).extracting(x -> x.getControl()).containsExactly(Control.S3_PIN_KMS_KEY);
    }

    @Test
    void waiversTurnControlsOff() {
        String why = "Single-region sandbox account; the organisation trail covers every other region.";
        Plan plan = PlanEngine.plan(ctx -> new AuditTrail("sbx", AuditTrailArgs.builder()
                .trailName("sandbox-trail")
                .s3KeyPrefix("cloudtrail")
                .waive(Control.CT_MULTI_REGION, why)
                .waive(Control.CT_CLOUDWATCH, "Sandbox events are searched with Athena over S3, not CloudWatch Logs.")
                .build()));
        var trail = plan.resource("sbx-trail");
        assertThat(trail.getInputs()).containsEntry("isMultiRegionTrail", false).containsEntry("name", "sandbox-trail")
                .containsEntry("s3KeyPrefix", "cloudtrail").doesNotContainKey("cloudWatchLogsGroupArn");
        assertThat(plan.find("sbx-log-group")).isEmpty();
        assertThat(trail.getWaivers()).anySatisfy(w -> {
            assertThat(w.getControl()).isEqualTo(Control.CT_MULTI_REGION);
            assertThat(w.getJustification()).isEqualTo(why);
        });
        assertThat(trail.hasTag("mlinfra:waiver:MLI-CT-01", Waiver.tagValue(why))).isTrue();
        var policy = PolicyDocument.parse((String) plan.resource("sbx-logs-policy").getInputs().get("policy"));
        assertThat(policy.statement("AWSCloudTrailWrite").orElseThrow().getResources()).singleElement()
                .satisfies(r -> assertThat(r).endsWith("/cloudtrail/AWSLogs/123456789012/*"));
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> AuditTrailArgs.builder().logRetentionDays(100).build()).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("AuditTrailArgs.logRetentionDays: not a retention CloudWatch Logs accepts; got 100; expected one of [1, 3,");
        assertThatThrownBy(() -> AuditTrailArgs.builder().trailName("a").build())
                .hasMessageStartingWith("AuditTrailArgs.trailName: malformed trail name; got \"a\"");
        assertThatThrownBy(() -> AuditTrailArgs.builder().s3KeyPrefix("/logs/").build())
                .hasMessageStartingWith("AuditTrailArgs.s3KeyPrefix: malformed; got \"/logs/\"");
        assertThatThrownBy(() -> AuditTrailArgs.builder()
                .waive(Control.S3_ACCESS_LOGGING, "Not a control of the trail component, so refuse it.").build())
                .hasMessageStartingWith("AuditTrailArgs.waivers: control MLI-S3-11 does not apply here");
    }

    @Test
    void keyPolicyMatchesGolden() throws Exception {
        Plan plan = PlanEngine.plan(ctx -> new AuditTrail("audit", AuditTrailArgs.builder().build()));
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var in = getClass().getResourceAsStream("/golden/audit-trail-key-policy.json")) {
            assertThat(in).isNotNull();
            assertThat(mapper.readTree((String) plan.resource("audit-key-key").getInputs().get("policy")))
                    .isEqualTo(mapper.readTree(in));
        }
    }

    @Test
    void trailNameIsDerivedFromProjectAndStackWithinCloudTrailRules() {
        assertThat(AuditTrail.defaultTrailName("mlinfra", "dev", "audit")).isEqualTo("mlinfra-mlinfra-dev-audit");
        assertThat(AuditTrail.defaultTrailName("ml", "prod", "audit")).isNotEqualTo(AuditTrail.defaultTrailName("ml", "dev", "audit"));
        // stack names may hold _ and . ; the rewrite loses information, so a hash keeps the names apart
        assertThat(AuditTrail.defaultTrailName("my_proj", "team.a__b", "x")).matches("mlinfra-my-proj-team-a-b-x-[0-9a-f]{8}")
                .isNotEqualTo(AuditTrail.defaultTrailName("my.proj", "team.a__b", "x"));
        String long1 = AuditTrail.defaultTrailName("p".repeat(100), "s".repeat(40), "audit");
        String long2 = AuditTrail.defaultTrailName("p".repeat(100), "s".repeat(40), "audit2");
        assertThat(long1).hasSize(128).matches(".*-[0-9a-f]{8}").isNotEqualTo(long2);
        for (String n : java.util.List.of(long1, long2, AuditTrail.defaultTrailName("a", "b", "c"),
                AuditTrail.defaultTrailName("", "", "x"))) {
            assertThat(n).matches("[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]").doesNotContain("--", "..", "__", "-_", "_-");
            AuditTrailArgs.builder().trailName(n).build();   // the user-facing validator accepts it
            assertThat(AuditTrail.logGroupName(n)).matches("[.\\-_/#A-Za-z0-9]{1,512}");
        }
        Plan prod = PlanEngine.plan(ctx -> new AuditTrail("audit", AuditTrailArgs.builder().build()),
                io.github.mlinfra.plan.PlanOptions.builder().stack("prod").build());
        assertThat(prod.resource("audit-trail").getInputs()).containsEntry("name", "mlinfra-mlinfra-prod-audit");
    }
}
