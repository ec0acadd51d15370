package io.github.mlinfra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.kms.KeyReference;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanException;
import io.github.mlinfra.policy.Condition;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecureArtifactBucketTest {

    private static PolicyDocument policy(Plan plan, String name) {
        return PolicyDocument.parse((String) plan.resource(name).getInputs().get("policy"));
    }

    @Test
    void defaultsAreSecureAndDocumented() {
        var args = SecureArtifactBucketArgs.builder().build();
        assertThat(args.getNoncurrentVersionExpirationDays()).isEqualTo(90);
        assertThat(args.isRequireEncryptionHeaders()).isFalse();
        assertThat(args.getObjectLock()).isEmpty();
        assertThat(args.getKmsKey()).isEmpty();
        assertThat(args.getAccessLogBucket()).isEmpty();
        assertThat(args.getAccessLogPrefix()).isEqualTo("s3-access/");
        assertThat(args.getWaivers()).isEmpty();
    }

    @Test
    void everyControlIsInThePlan() {
        Plan plan = PlanEngine.plan(ctx -> {
            var b = new SecureArtifactBucket("art", SecureArtifactBucketArgs.builder().bucketName("acme-ml-artifacts").build());
            ctx.export("bucketName", b.bucketName());
            ctx.export("keyArn", b.keyArn());
        });
        var bucket = plan.resource("art-bucket");
        assertThat(bucket.getType()).isEqualTo("aws:s3/bucketV2:BucketV2");
        assertThat(bucket.isProtect()).isTrue();
        assertThat(bucket.getInputs()).containsEntry("bucket", "acme-ml-artifacts").containsEntry("forceDestroy", false)
                .containsEntry("objectLockEnabled", false);
        assertThat(bucket.hasTag("mlinfra:purpose", "artifacts")).isTrue();
        assertThat(plan.find("art-object-lock")).isEmpty();
        String keyArn = (String) plan.resource("art-key-key").getOutputs().get("arn");
        assertThat(plan.resource("art-key-key").isProtect()).isTrue();
        assertThat(plan.resource("art-key").getParent()).contains(plan.resource("art").getUrn());
        assertThat(plan.getOutputs()).containsEntry("bucketName", "acme-ml-artifacts").containsEntry("keyArn", keyArn);

        assertThat(plan.resource("art-versioning").input("versioningConfiguration.status")).contains("Enabled");
        var sse = plan.resource("art-encryption");
        assertThat(sse.input("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm")).contains("aws:kms");
        assertThat(sse.input("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId")).contains(keyArn);
        assertThat(sse.input("rules.0.bucketKeyEnabled")).contains(true);
        assertThat(plan.resource("art-public-access-block").getInputs()).containsEntry("blockPublicAcls", true)
                .containsEntry("blockPublicPolicy", true).containsEntry("ignorePublicAcls", true)
                .containsEntry("restrictPublicBuckets", true);
        assertThat(plan.resource("art-ownership").input("rule.objectOwnership")).contains("BucketOwnerEnforced");
        var lc = plan.resource("art-lifecycle");
        assertThat(lc.input("rules.0.abortIncompleteMultipartUpload.daysAfterInitiation")).contains(7L);
        assertThat(lc.input("rules.1.noncurrentVersionExpiration.noncurrentDays")).contains(90L);
        var logging = plan.resource("art-access-logging");
        assertThat(logging.getInputs()).containsEntry("targetBucket", plan.resource("art-access-logs-bucket").getOutputs().get("bucket"))
                .containsEntry("targetPrefix", "s3-access/art/");
        assertThat(plan.resource("art-access-logs-encryption").input("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"))
                .contains("AES256");

        PolicyDocument doc = policy(plan, "art-policy");
        String arn = "arn:aws:s3:::acme-ml-artifacts";
        assertThat(doc.getStatements()).extracting(s -> s.getSid().orElseThrow()).containsExactly("DenyInsecureTransport",
                "DenyOutdatedTls", "DenyOtherKmsKeys", "DenyKmsWithoutKeyId", "DenySseS3Override", "DenySseC");
        Statement tls = doc.statement("DenyInsecureTransport").orElseThrow();
        assertThat(tls.getEffect()).isEqualTo(Effect.Deny);
        assertThat(tls.getPrincipal().orElseThrow().isAnyone()).isTrue();
        assertThat(tls.getActions()).containsExactly("s3:*");
        assertThat(tls.getResources()).containsExactly(arn, arn + "/*");
        assertThat(tls.getConditions()).containsExactly(Condition.of("Bool", "aws:SecureTransport", "false"));
        assertThat(doc.statement("DenyOutdatedTls").orElseThrow().getConditions())
                .containsExactly(Condition.of("NumericLessThan", "s3:TlsVersion", "1.2"));
        Statement pin = doc.statement("DenyOtherKmsKeys").orElseThrow();
        assertThat(pin.getEffect()).isEqualTo(Effect.Deny);
        assertThat(pin.getActions()).containsExactly("s3:PutObject");
        assertThat(pin.getResources()).containsExactly(arn + "/*");
        assertThat(pin.getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getKey()).isEqualTo("s3:x-amz-server-side-encryption-aws-kms-key-id");
            assertThat(c.getOperator()).isEqualTo("ForAnyValue:StringNotEquals");
            assertThat(c.getValues()).containsExactly(keyArn, keyArn.substring(keyArn.indexOf("key/") + 4));
        });
        assertThat(doc.statement("DenyKmsWithoutKeyId").orElseThrow().getConditions()).containsExactlyInAnyOrder(
                Condition.of("StringEquals", "s3:x-amz-server-side-encryption", "aws:kms", "aws:kms:dsse"),
                Condition.of("Null", "s3:x-amz-server-side-encryption-aws-kms-key-id", "true"));
        assertThat(doc.statement("DenySseS3Override").orElseThrow().getConditions())
                .containsExactly(Condition.of("StringEquals", "s3:x-amz-server-side-encryption", "AES256"));
        assertThat(doc.statement("DenySseC").orElseThrow().getConditions())
                .containsExactly(Condition.of("Null", "s3:x-amz-server-side-encryption-customer-algorithm", "false"));
        assertThat(doc.statement("DenyUnencryptedObjectUploads")).isEmpty();
    }

    @Test
    void headerRequirementIsAnOption() {
        Plan plan = PlanEngine.plan(ctx -> new SecureArtifactBucket("art", SecureArtifactBucketArgs.builder()
                .requireEncryptionHeaders(true).build()));
        assertThat(policy(plan, "art-policy").statement("DenyUnencryptedObjectUploads").orElseThrow().getConditions())
                .containsExactly(Condition.of("Null", "s3:x-amz-server-side-encryption", "true"));
    }

    @Test
    void existingKeyIsUsedAndValidated() {
        String given = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        Plan plan = PlanEngine.plan(ctx -> ctx.export("k", new SecureArtifactBucket("art", SecureArtifactBucketArgs.builder()
                .kmsKey(KeyReference.fromArn(Output.of(given))).accessLogBucket(BucketReference.fromName(Output.of("central-logs"))).build()).keyArn()));
        assertThat(plan.find("art-key")).isEmpty();
        assertThat(plan.find("art-access-logs")).isEmpty();
        assertThat(plan.resource("art-access-logging").getInputs()).containsEntry("targetBucket", "central-logs");
        assertThat(plan.resource("art-encryption").input("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId")).contains(given);
        assertThat(plan.getOutputs()).containsEntry("k", given);

        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new SecureArtifactBucket("art", SecureArtifactBucketArgs.builder()
                .kmsKey(KeyReference.fromArn(Output.of("arn:aws:kms:us-east-1:123456789012:alias/mine"))).build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("SecureArtifactBucketArgs.kmsKey: malformed; got \"arn:aws:kms:us-east-1:123456789012:alias/mine\";"
                        + " expected a KMS key ARN \"arn:<partition>:kms:<region>:<account>:key/<key id>\" (not an alias)");
    }

    @Test
    void grantsAreScopedToPrefixAndKey() {
        Plan plan = PlanEngine.plan(ctx -> {
            var b = new SecureArtifactBucket("art", SecureArtifactBucketArgs.builder().bucketName("acme-ml-artifacts").build());
            ctx.export("read", PolicyDocument.toJson(b.grantReadArtifacts("datasets/").statements()
                    .applyValue(s -> PolicyDocument.builder().addAllStatements(s).build())));
            ctx.export("write", PolicyDocument.toJson(b.grantWriteArtifacts("").statements()
                    .applyValue(s -> PolicyDocument.builder().addAllStatements(s).build())));
        });
        String keyArn = (String) plan.resource("art-key-key").getOutputs().get("arn");
        var read = PolicyDocument.parse((String) plan.getOutputs().get("read"));
        assertThat(read.statement("ReadArtifactsObjects").orElseThrow().getResources())
                .containsExactly("arn:aws:s3:::acme-ml-artifacts/datasets/*");
        assertThat(read.statement("ReadArtifactsObjects").orElseThrow().getActions()).containsExactly("s3:GetObject", "s3:GetObjectVersion");
        assertThat(read.statement("ReadArtifactsList").orElseThrow().getConditions())
                .containsExactly(Condition.of("StringLike", "s3:prefix", "datasets/*"));
        assertThat(read.statement("ReadArtifactsKey").orElseThrow().getResources()).containsExactly(keyArn);
        assertThat(read.statement("ReadArtifactsKey").orElseThrow().getActions()).containsExactly("kms:Decrypt", "kms:DescribeKey");
        var write = PolicyDocument.parse((String) plan.getOutputs().get("write"));
        assertThat(write.statement("WriteArtifactsObjects").orElseThrow().getResources()).containsExactly("arn:aws:s3:::acme-ml-artifacts/*");
        assertThat(write.statement("WriteArtifactsObjects").orElseThrow().getActions()).doesNotContain("s3:DeleteObject");
        assertThat(write.statement("WriteArtifactsList").orElseThrow().getConditions()).isEmpty();
        assertThat(write.statement("WriteArtifactsKey").orElseThrow().getActions()).contains("kms:GenerateDataKey");
    }

    @Test
    void waiversTurnControlsOffAndAreRecorded() {
        String why = "Scratch bucket for a one-day experiment; CloudTrail data events cover access.";
        Plan plan = PlanEngine.plan(ctx -> new SecureArtifactBucket("tmp", SecureArtifactBucketArgs.builder()
                .waive(Control.S3_ACCESS_LOGGING, why)
                .waive(Control.S3_DELETION_PROTECTION, "Ephemeral CI bucket, destroyed at the end of every pipeline run.")
                .waive(Control.S3_BUCKET_KEY, "Low object count; per-object KMS requests are affordable and auditable.")
                .waive(Control.S3_MIN_TLS, "A legacy on-premises uploader only speaks TLS 1.0 until its Q3 upgrade.")
                .build()));
        var bucket = plan.resource("tmp-bucket");
        assertThat(bucket.isProtect()).isFalse();
        assertThat(plan.resource("tmp-key-key").isProtect()).isFalse();
        assertThat(plan.find("tmp-access-logging")).isEmpty();
        assertThat(plan.find("tmp-access-logs")).isEmpty();
        assertThat(plan.resource("tmp-encryption").input("rules.0.bucketKeyEnabled")).contains(false);
        assertThat(policy(plan, "tmp-policy").statement("DenyOutdatedTls")).isEmpty();
        assertThat(bucket.getWaivers()).extracting(w -> w.getControl()).containsExactlyInAnyOrder(Control.S3_ACCESS_LOGGING,
                Control.S3_DELETION_PROTECTION, Control.S3_BUCKET_KEY, Control.S3_MIN_TLS);
        assertThat(bucket.getWaivers()).anySatisfy(w -> assertThat(w.getJustification()).isEqualTo(why));
        assertThat(plan.resource("tmp").getWaivers()).hasSize(4);
        // a bucket policy takes no tags, so it records no waiver of its own (as in a stack export)
        assertThat(plan.resource("tmp-policy").getWaivers()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, String> tags = (Map<String, String>) bucket.getInputs().get("tags");
        assertThat(tags).containsEntry("mlinfra:waiver:MLI-S3-11", Waiver.tagValue(why));
    }

    @Test
    void sseS3WaiverDropsKeyAndPinning() {
        Plan plan = PlanEngine.plan(ctx -> ctx.export("k", new SecureArtifactBucket("pub", SecureArtifactBucketArgs.builder()
                .waive(Control.S3_KMS_ENCRYPTION, "Objects are public model cards mirrored from a public repository.")
                .build()).keyArn()));
        assertThat(plan.find("pub-key")).isEmpty();
        assertThat(plan.resource("pub-encryption").input("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm")).contains("AES256");
        assertThat(policy(plan, "pub-policy").statement("DenyOtherKmsKeys")).isEmpty();
        assertThat(policy(plan, "pub-policy").statement("DenySseC")).isPresent();
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> SecureArtifactBucketArgs.builder().bucketName("Bad_Name").build())
                .isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("SecureArtifactBucketArgs.bucketName: bucket name must be lowercase letters, digits, dots and hyphens, beginning and ending with a letter or digit; got \"Bad_Name\"");
        assertThatThrownBy(() -> SecureArtifactBucketArgs.builder().noncurrentVersionExpirationDays(0).build())
                .hasMessage("SecureArtifactBucketArgs.noncurrentVersionExpirationDays: outside the allowed range; got 0; expected 1 to 36500 days");
        assertThatThrownBy(() -> SecureArtifactBucketArgs.builder()
                .waive(Control.S3_OBJECT_LOCK, "Artifacts are not locked, so this waiver makes no sense.").build())
                .hasMessageStartingWith("SecureArtifactBucketArgs.waivers: control MLI-S3-07 does not apply here");
        var bucket = new Object() {
            SecureArtifactBucket b;
        };
        PlanEngine.plan(ctx -> bucket.b = new SecureArtifactBucket("g", SecureArtifactBucketArgs.builder().build()));
        assertThatThrownBy(() -> bucket.b.grantReadArtifacts("runs/*"))
                .hasMessage("SecureArtifactBucket.grantReadArtifacts.prefix: a prefix is literal, and IAM wildcards would widen the grant;"
                        + " got \"runs/*\"; expected \"\" (the whole bucket) or a literal key prefix ending with \"/\" such as"
                        + " \"runs/fraud-model/\" (no * or ?, no leading /)");
        assertThatThrownBy(() -> bucket.b.grantWriteArtifacts("runs"))
                .hasMessageStartingWith("SecureArtifactBucket.grantWriteArtifacts.prefix: a prefix must end with \"/\"");
    }

    @Test
    void objectLockOnRequest() {
        Plan plan = PlanEngine.plan(ctx -> new SecureArtifactBucket("locked", SecureArtifactBucketArgs.builder()
                .objectLock(Retention.years(1)).build()));
        assertThat(plan.resource("locked-bucket").getInputs()).containsEntry("objectLockEnabled", true);
        assertThat(plan.resource("locked-object-lock").input("rule.defaultRetention.years")).contains(1L);
        assertThat(plan.resource("locked-lifecycle").input("rules.1.noncurrentVersionExpiration.noncurrentDays")).contains(365L);
        assertThat(List.of()).isEmpty();
    }
}
