package io.github.mlinfra.examples.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

class AppTest {

    @Test
    void planPinsTheKeyAndHardensTheBucket() {
        Plan plan = PlanEngine.plan(App::stack);
        var bucket = plan.resource("ml-artifacts-bucket");
        assertThat(bucket.isProtect()).isTrue();
        assertThat(bucket.hasTag("mlinfra:purpose", "artifacts")).isTrue();
        var key = plan.resource("ml-artifacts-key-key");
        assertThat(key.getInputs()).containsEntry("enableKeyRotation", true);
        String keyArn = (String) key.getOutputs().get("arn");
        assertThat(plan.resource("ml-artifacts-encryption").input("rules.0.bucketKeyEnabled")).contains(true);
        assertThat(plan.resource("ml-artifacts-ownership").input("rule.objectOwnership")).contains("BucketOwnerEnforced");
        var policy = PolicyDocument.parse((String) plan.resource("ml-artifacts-policy").getInputs().get("policy"));
        assertThat(policy.statement("DenyOtherKmsKeys").orElseThrow().getConditions()).singleElement()
                .satisfies(c -> assertThat(c.getValues()).contains(keyArn));
        assertThat(policy.statement("DenySseC")).isPresent();
        assertThat(policy.statement("DenyInsecureTransport")).isPresent();
        assertThat(policy.statement("DenyUnencryptedObjectUploads")).isEmpty();
        assertThat(plan.getOutputs()).containsEntry("bucketName", bucket.getOutputs().get("bucket")).containsEntry("kmsKeyArn", keyArn);
    }
}
