package io.github.mlinfra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanException;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Principal;
import io.github.mlinfra.policy.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessLogBucketTest {

    @Test
    void defaultsAreDocumented() {
        var args = AccessLogBucketArgs.builder().build();
        assertThat(args.getLogPrefix()).isEqualTo("s3-access/");
        assertThat(args.getLogRetentionDays()).isEqualTo(365);
        assertThat(args.getNoncurrentVersionExpirationDays()).isEqualTo(30);
        assertThat(args.getWaivers()).isEmpty();
    }

    @Test
    void sharedLogBucketReceivesLogsOfSeveralBuckets() {
        Plan plan = PlanEngine.plan(ctx -> {
            var logs = new AccessLogBucket("logs", AccessLogBucketArgs.builder().bucketName("acme-access-logs")
                    .logRetentionDays(400).build());
            new SecureCheckpointBucket("ckpt", SecureCheckpointBucketArgs.builder().accessLogBucket(logs).build());
            new SecureArtifactBucket("art", SecureArtifactBucketArgs.builder().accessLogBucket(logs).build());
        });
        assertThat(plan.resourcesOfType(AccessLogBucket.TYPE)).hasSize(1);
        assertThat(plan.resource("ckpt-access-logging").getInputs()).containsEntry("targetBucket", "acme-access-logs");
        assertThat(plan.resource("art-access-logging").getInputs()).containsEntry("targetPrefix", "s3-access/art/");
        assertThat(plan.resource("logs-lifecycle").input("rules.2.expiration.days")).contains(400L);
        assertThat(plan.resource("logs-bucket").getInputs()).containsEntry("objectLockEnabled", false);
        assertThat(plan.find("logs-access-logging")).isEmpty();
        assertThat(plan.find("logs-key")).isEmpty();
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> AccessLogBucketArgs.builder().logRetentionDays(0).build()).isInstanceOf(InvalidArgsException.class)
                .hasMessage("AccessLogBucketArgs.logRetentionDays: outside the allowed range; got 0; expected 1 to 36500 days");
        assertThatThrownBy(() -> AccessLogBucketArgs.builder().logPrefix("logs").build())
                .hasMessage("AccessLogBucketArgs.logPrefix: malformed; got \"logs\"; expected a literal key prefix ending with \"/\" such as \"s3-access/\"");
        assertThatThrownBy(() -> AccessLogBucketArgs.builder()
                .waive(Control.S3_KMS_ENCRYPTION, "Log targets cannot use SSE-KMS at all, so this is refused.").build())
                .hasMessageStartingWith("AccessLogBucketArgs.waivers: control MLI-S3-09 does not apply here");
    }

    @Test
    void additionalStatementsMayNotMakeTheBucketPublic() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new SecureArtifactBucket("pub", SecureArtifactBucketArgs.builder()
                .addAdditionalPolicyStatements((arn, account, partition, region) -> List.of(Statement.builder()
                        .sid("PublicRead").effect(Effect.Allow).principal(Principal.anyone())
                        .addActions("s3:GetObject").addResources(arn + "/*").build()))
                .build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("SecureArtifactBucketArgs.additionalPolicyStatements: an Allow to the anyone principal makes the"
                        + " bucket public (MLI-S3-02); got \"PublicRead\"; expected named principals only");
        Plan plan = PlanEngine.plan(ctx -> new SecureArtifactBucket("x", SecureArtifactBucketArgs.builder()
                .addAdditionalPolicyStatements((arn, account, partition, region) -> List.of(Statement.builder()
                        .sid("ReadFromAnalytics").effect(Effect.Allow)
                        .principal(Principal.aws("arn:" + partition + ":iam::210987654321:role/analytics"))
                        .addActions("s3:GetObject").addResources(arn + "/reports/*").build()))
                .build()));
        var doc = PolicyDocument.parse((String) plan.resource("x-policy").getInputs().get("policy"));
        assertThat(doc.statement("ReadFromAnalytics").orElseThrow().getResources()).singleElement()
                .satisfies(r -> assertThat(r).endsWith("/reports/*"));
    }
}
