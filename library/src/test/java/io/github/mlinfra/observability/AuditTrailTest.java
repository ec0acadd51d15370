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
        assertThat(trail.getInputs()).containsEntry("name", "audit").containsEntry("isMultiRegionTrail", true)
                .containsEntry("includeGlobalServiceEvents", true).containsEntry("enableLogFileValidation", true)
                .containsEntry("kmsKeyId", keyArn).containsEntry("s3BucketName", bucket)
                .containsEntry("cloudWatchLogsGroupArn", logGroupArn + ":*")
                .containsEntry("cloudWatchLogsRoleArn", plan.resource("audit-cloudwatch-role").getOutputs().get("arn"));
        assertThat(plan.getOutputs().get("trailArn")).isEqualTo("arn:aws:cloudtrail:us-east-1:123456789012:trail/audit");

        var key = PolicyDocument.parse((String) plan.resource("audit-key-key").getInputs().get("policy"));
        assertThat(key.statement("AllowCloudTrailEncrypt")).isPresent();
        assertThat(key.statement("AllowCloudWatchLogs")).isPresent();

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
        String source = "arn:aws:cloudtrail:us-east-1:123456789012:trail/audit";
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
}
