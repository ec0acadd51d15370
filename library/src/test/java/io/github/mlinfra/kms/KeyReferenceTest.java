package io.github.mlinfra.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanException;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.storage.SecureCheckpointBucket;
import io.github.mlinfra.storage.SecureCheckpointBucketArgs;
import org.junit.jupiter.api.Test;

class KeyReferenceTest {
    static final String ISO_KEY = "arn:aws-iso:kms:us-iso-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void aManagedKeyIsItsOwnReference() {
        Plan plan = PlanEngine.plan(ctx -> {
            var key = new ManagedKey("shared", ManagedKeyArgs.builder().build());
            assertThat(KeyReference.of(key)).isSameAs(key);
            var bucket = new SecureCheckpointBucket("ckpt", SecureCheckpointBucketArgs.builder().kmsKey(key).build());
            ctx.export("bucketKey", bucket.keyArn());
            ctx.export("key", key.keyArn());
        });
        assertThat(plan.getOutputs().get("bucketKey")).isEqualTo(plan.getOutputs().get("key"));
        assertThat(plan.find("ckpt-key")).isEmpty();
        assertThat(plan.resourcesOfType("aws:kms/key:Key")).hasSize(1);
    }

    @Test
    void aPlainArnIsCheckedWhenTheReferenceIsMade() {
        assertThat(KeyReference.fromArn(ISO_KEY)).isNotNull();
        assertThatThrownBy(() -> KeyReference.fromArn("arn:aws:kms:us-east-1:123456789012:alias/shared"))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("KeyReference.arn: malformed; got \"arn:aws:kms:us-east-1:123456789012:alias/shared\"; expected a KMS"
                        + " key ARN \"arn:<partition>:kms:<region>:<account>:key/<key id>\" (not an alias)");
    }

    @Test
    void anOutputArnIsCheckedWhenItResolvesByTheComponentThatUsesIt() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new SecureCheckpointBucket("ckpt", SecureCheckpointBucketArgs.builder()
                .kmsKey(KeyReference.fromArn(Output.of("arn:aws:kms:us-east-1:123456789012:alias/shared"))).build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("SecureCheckpointBucketArgs.kmsKey: malformed; got \"arn:aws:kms:us-east-1:123456789012:alias/shared\"");
    }

    @Test
    void anImportedKeyGrantsOnItsArnOnly() {
        Plan plan = PlanEngine.plan(ctx -> ctx.export("grant", PolicyDocument.toJson(KeyReference.fromArn(ISO_KEY)
                .grantDecrypt().statements().applyValue(l -> PolicyDocument.builder().addAllStatements(l).build()))));
        var doc = PolicyDocument.parse((String) plan.getOutputs().get("grant"));
        var st = doc.statement("DecryptWithKey").orElseThrow();
        assertThat(st.getResources()).containsExactly(ISO_KEY);
        assertThat(st.getActions()).containsExactly("kms:Decrypt", "kms:DescribeKey");
    }
}
