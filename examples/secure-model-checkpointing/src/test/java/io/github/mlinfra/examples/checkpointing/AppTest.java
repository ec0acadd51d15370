package io.github.mlinfra.examples.checkpointing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanOptions;
import io.github.mlinfra.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

class AppTest {

    @Test
    void planHasTheLockedEncryptedPrivateBucket() {
        Plan plan = PlanEngine.plan(App::stack, PlanOptions.builder().project("secure-model-checkpointing")
                .putConfig("secure-model-checkpointing:retentionDays", "14").build());
        var bucket = plan.resource("model-checkpoints-bucket");
        assertThat(bucket.isProtect()).isTrue();
        assertThat(bucket.getInputs()).containsEntry("objectLockEnabled", true).containsEntry("forceDestroy", false);
        assertThat(bucket.hasTag("mlinfra:purpose", "checkpoints")).isTrue();
        var lock = plan.resource("model-checkpoints-object-lock");
        assertThat(lock.input("rule.defaultRetention.mode")).contains("GOVERNANCE");
        assertThat(lock.input("rule.defaultRetention.days")).contains(14L);
        assertThat(plan.resource("model-checkpoints-versioning").input("versioningConfiguration.status")).contains("Enabled");
        String keyArn = (String) plan.resource("model-checkpoints-key-key").getOutputs().get("arn");
        assertThat(plan.resource("model-checkpoints-encryption").input("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId"))
                .contains(keyArn);
        assertThat(plan.resource("model-checkpoints-public-access-block").getInputs()).containsEntry("restrictPublicBuckets", true);
        var policy = PolicyDocument.parse((String) plan.resource("model-checkpoints-policy").getInputs().get("policy"));
        assertThat(policy.statement("DenyInsecureTransport")).isPresent();
        assertThat(policy.statement("DenyOutdatedTls")).isPresent();
        assertThat(plan.find("model-checkpoints-access-logging")).isPresent();
        assertThat(plan.getOutputs()).containsEntry("checkpointBucketName", bucket.getOutputs().get("bucket"))
                .containsEntry("checkpointBucketArn", bucket.getOutputs().get("arn"))
                .containsEntry("checkpointKeyArn", keyArn)
                .doesNotContainKey("model_checkpoint_bucket_endpoint");
    }
}
