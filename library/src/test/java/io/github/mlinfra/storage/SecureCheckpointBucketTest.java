package io.github.mlinfra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.kms.KeyReference;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanException;
import io.github.mlinfra.plan.PlanOptions;
import io.github.mlinfra.policy.Condition;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecureCheckpointBucketTest {
    private static final String WHY = "Scratch checkpoints of a throwaway hyper-parameter sweep, deleted weekly.";

    private static Plan plan(SecureCheckpointBucketArgs args) {
        return PlanEngine.plan(ctx -> {
            var b = new SecureCheckpointBucket("ckpt", args);
            ctx.export("bucketName", b.bucketName());
            ctx.export("bucketArn", b.bucketArn());
            ctx.export("keyArn", b.keyArn());
        });
    }

    @Test
    void defaultsAreSecureAndDocumented() {
        var args = SecureCheckpointBucketArgs.builder().build();
        assertThat(args.getRetention()).isEqualTo(Retention.days(30));
        assertThat(args.getRetention().getMode()).isEqualTo(Retention.Mode.GOVERNANCE);
        assertThat(args.getNoncurrentVersionExpirationDays()).isEqualTo(90);
        assertThat(args.getAccessLogPrefix()).isEqualTo("s3-access/");
        assertThat(args.getKmsKey()).isEmpty();
        assertThat(args.getWaivers()).isEmpty();
        assertThat(SecureCheckpointBucketArgs.builder().retention(Retention.years(1)).build()
                .getNoncurrentVersionExpirationDays()).isEqualTo(365);
    }

    @Test
    void everyControlIsInThePlan() {
        Plan plan = plan(SecureCheckpointBucketArgs.builder().bucketName("acme-ckpt-prod").build());
        var bucket = plan.resource("ckpt-bucket");
        assertThat(bucket.getUrn()).isEqualTo("urn:pulumi:dev::mlinfra::mlinfra:storage:SecureCheckpointBucket$aws:s3/bucketV2:BucketV2::ckpt-bucket");
        assertThat(bucket.isProtect()).isTrue();
        assertThat(bucket.getInputs()).containsEntry("objectLockEnabled", true).containsEntry("forceDestroy", false)
                .containsEntry("bucket", "acme-ckpt-prod");
        assertThat(bucket.hasTag("mlinfra:purpose", "checkpoints")).isTrue();
        var lock = plan.resource("ckpt-object-lock");
        assertThat(lock.getType()).isEqualTo("aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2");
        assertThat(lock.getInputs()).containsEntry("objectLockEnabled", "Enabled").containsEntry("bucket", "acme-ckpt-prod");
        assertThat(lock.input("rule.defaultRetention.mode")).contains("GOVERNANCE");
        assertThat(lock.input("rule.defaultRetention.days")).contains(30L);
        assertThat(lock.input("rule.defaultRetention.years")).isEmpty();
        assertThat(plan.resource("ckpt-versioning").input("versioningConfiguration.status")).contains("Enabled");
        String keyArn = (String) plan.resource("ckpt-key-key").getOutputs().get("arn");
        assertThat(plan.resource("ckpt-key-key").isProtect()).isTrue();
        var sse = plan.resource("ckpt-encryption");
        assertThat(sse.input("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm")).contains("aws:kms");
        assertThat(sse.input("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId")).contains(keyArn);
        assertThat(sse.input("rules.0.bucketKeyEnabled")).contains(true);
        assertThat(plan.resource("ckpt-public-access-block").getInputs()).containsEntry("blockPublicAcls", true)
                .containsEntry("blockPublicPolicy", true).containsEntry("ignorePublicAcls", true)
                .containsEntry("restrictPublicBuckets", true);
        assertThat(plan.resource("ckpt-ownership").input("rule.objectOwnership")).contains("BucketOwnerEnforced");
        var lc = plan.resource("ckpt-lifecycle");
        assertThat(lc.input("rules.0.id")).contains("abort-incomplete-multipart-uploads");
        assertThat(lc.input("rules.0.abortIncompleteMultipartUpload.daysAfterInitiation")).contains(7L);
        assertThat(lc.input("rules.1.noncurrentVersionExpiration.noncurrentDays")).contains(90L);
        assertThat(lc.input("rules.1.status")).contains("Enabled");
        assertThat(plan.resource("ckpt-access-logging").getInputs()).containsEntry("targetPrefix", "s3-access/ckpt/")
                .containsEntry("targetBucket", plan.resource("ckpt-access-logs-bucket").getOutputs().get("bucket"));
        assertThat(plan.getOutputs()).containsEntry("bucketName", "acme-ckpt-prod")
                .containsEntry("bucketArn", "arn:aws:s3:::acme-ckpt-prod").containsEntry("keyArn", keyArn);

        PolicyDocument doc = PolicyDocument.parse((String) plan.resource("ckpt-policy").getInputs().get("policy"));
        assertThat(doc.getStatements()).extracting(x -> x.getSid().orElseThrow()).containsExactly("DenyInsecureTransport",
                "DenyOutdatedTls", "DenyOtherKmsKeys", "DenyKmsWithoutKeyId", "DenySseS3Override", "DenySseC");
        Statement pin = doc.statement("DenyOtherKmsKeys").orElseThrow();
        assertThat(pin.getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getOperator()).isEqualTo("ForAnyValue:StringNotEquals");
            assertThat(c.getValues()).contains(keyArn);
        });
        Statement tls = doc.statement("DenyInsecureTransport").orElseThrow();
        assertThat(tls.getEffect()).isEqualTo(Effect.Deny);
        assertThat(tls.getPrincipal().orElseThrow().isAnyone()).isTrue();
        assertThat(tls.getActions()).containsExactly("s3:*");
        assertThat(tls.getResources()).containsExactly("arn:aws:s3:::acme-ckpt-prod", "arn:aws:s3:::acme-ckpt-prod/*");
        assertThat(tls.getConditions()).containsExactly(Condition.of("Bool", "aws:SecureTransport", "false"));
        Statement min = doc.statement("DenyOutdatedTls").orElseThrow();
        assertThat(min.getEffect()).isEqualTo(Effect.Deny);
        assertThat(min.getResources()).containsExactly("arn:aws:s3:::acme-ckpt-prod", "arn:aws:s3:::acme-ckpt-prod/*");
        assertThat(min.getConditions()).containsExactly(Condition.of("NumericLessThan", "s3:TlsVersion", "1.2"));
    }

    @Test
    void policyMatchesGolden() throws Exception {
        Plan plan = plan(SecureCheckpointBucketArgs.builder().bucketName("acme-ckpt-prod").build());
        var mapper = new ObjectMapper();
        try (InputStream in = getClass().getResourceAsStream("/golden/secure-checkpoint-bucket-policy.json")) {
            assertThat(in).isNotNull();
            assertThat(mapper.readTree((String) plan.resource("ckpt-policy").getInputs().get("policy")))
                    .isEqualTo(mapper.readTree(in));
        }
    }

    @Test
    void policyDependsOnPublicAccessBlockAndLogBucketIsHardened() {
        Plan plan = plan(SecureCheckpointBucketArgs.builder().build());
        var logs = plan.resource("ckpt-access-logs-bucket");
        assertThat(logs.hasTag("mlinfra:purpose", "access-logs")).isTrue();
        assertThat(logs.getInputs()).containsEntry("objectLockEnabled", false);
        assertThat(logs.isProtect()).isTrue();
        assertThat(plan.resource("ckpt-access-logs-encryption").input("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"))
                .contains("AES256");
        assertThat(plan.resource("ckpt-access-logs-lifecycle").input("rules.2.expiration.days")).contains(365L);
        var doc = PolicyDocument.parse((String) plan.resource("ckpt-access-logs-policy").getInputs().get("policy"));
        String arn = (String) logs.getOutputs().get("arn");
        Statement delivery = doc.statement("AllowS3ServerAccessLogDelivery").orElseThrow();
        assertThat(delivery.getEffect()).isEqualTo(Effect.Allow);
        assertThat(delivery.getPrincipal().orElseThrow().getIdentifiers()).containsEntry("Service",
                java.util.List.of("logging.s3.amazonaws.com"));
        assertThat(delivery.getActions()).containsExactly("s3:PutObject");
        assertThat(delivery.getResources()).containsExactly(arn + "/s3-access/*");
        assertThat(delivery.getConditions()).containsExactly(Condition.of("StringEquals", "aws:SourceAccount", "123456789012"));
        assertThat(doc.statement("DenyInsecureTransport")).isPresent();
        assertThat(plan.resource("ckpt-access-logs").getParent()).contains(plan.resource("ckpt").getUrn());
    }

    @Test
    void complianceOnlyByExplicitOptIn() {
        Plan plan = plan(SecureCheckpointBucketArgs.builder().retention(Retention.complianceYears(1)).build());
        assertThat(plan.resource("ckpt-object-lock").input("rule.defaultRetention.mode")).contains("COMPLIANCE");
        assertThat(plan.resource("ckpt-object-lock").input("rule.defaultRetention.years")).contains(1L);
        assertThat(Retention.builder().days(3).complianceMode(true).build().getMode()).isEqualTo(Retention.Mode.COMPLIANCE);
        assertThatThrownBy(() -> Retention.builder().mode(Retention.Mode.COMPLIANCE).days(30).build())
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("Retention.mode: COMPLIANCE is irreversible (no one, root included, can delete a locked version"
                        + " or the bucket until the retention ends) and needs the explicit opt-in; got \"COMPLIANCE\"; expected"
                        + " GOVERNANCE, or Retention.complianceDays(n)/complianceYears(n)/builder().complianceMode(true)");
    }

    @Test
    void grantsAreScopedToPrefixAndKey() {
        Plan plan = PlanEngine.plan(ctx -> {
            var b = new SecureCheckpointBucket("ckpt", SecureCheckpointBucketArgs.builder().bucketName("acme-ckpt-prod").build());
            ctx.export("w", PolicyDocument.toJson(b.grantWriteCheckpoints("runs/fraud/").statements()
                    .applyValue(s -> PolicyDocument.builder().addAllStatements(s).build())));
            ctx.export("r", PolicyDocument.toJson(b.grantReadCheckpoints("runs/").statements()
                    .applyValue(s -> PolicyDocument.builder().addAllStatements(s).build())));
        });
        String keyArn = (String) plan.resource("ckpt-key-key").getOutputs().get("arn");
        var w = PolicyDocument.parse((String) plan.getOutputs().get("w"));
        assertThat(w.statement("WriteCheckpointsObjects").orElseThrow().getResources())
                .containsExactly("arn:aws:s3:::acme-ckpt-prod/runs/fraud/*");
        assertThat(w.statement("WriteCheckpointsObjects").orElseThrow().getActions()).contains("s3:PutObject")
                .doesNotContain("s3:DeleteObject", "s3:DeleteObjectVersion", "s3:BypassGovernanceRetention");
        Statement list = w.statement("WriteCheckpointsList").orElseThrow();
        assertThat(list.getActions()).containsExactly("s3:ListBucket");
        assertThat(list.getResources()).containsExactly("arn:aws:s3:::acme-ckpt-prod");
        assertThat(list.getConditions()).containsExactly(Condition.of("StringLike", "s3:prefix", "runs/fraud/*"));
        assertThat(w.statement("WriteCheckpointsKey").orElseThrow().getResources()).containsExactly(keyArn);
        assertThat(w.statement("WriteCheckpointsKey").orElseThrow().getActions())
                .containsExactly("kms:GenerateDataKey", "kms:Encrypt", "kms:Decrypt", "kms:DescribeKey");
        var r = PolicyDocument.parse((String) plan.getOutputs().get("r"));
        assertThat(r.statement("ReadCheckpointsObjects").orElseThrow().getActions()).containsExactly("s3:GetObject", "s3:GetObjectVersion");
        assertThat(r.statement("ReadCheckpointsKey").orElseThrow().getActions()).containsExactly("kms:Decrypt", "kms:DescribeKey");
    }

    @Test
    void everyWaiverIsRecordedWithItsJustification() {
        var b = SecureCheckpointBucketArgs.builder();
        for (Control c : SecureCheckpointBucketArgs.CONTROLS) {
            b.waive(c, WHY + " Control " + c.id() + ".");
        }
        Plan plan = plan(b.build());
        var bucket = plan.resource("ckpt-bucket");
        assertThat(bucket.getInputs()).containsEntry("objectLockEnabled", false);
        assertThat(bucket.isProtect()).isFalse();
        assertThat(plan.find("ckpt-object-lock")).isEmpty();
        assertThat(plan.find("ckpt-public-access-block")).isEmpty();
        assertThat(plan.find("ckpt-policy")).isEmpty();
        assertThat(plan.find("ckpt-lifecycle")).isEmpty();
        assertThat(plan.find("ckpt-access-logging")).isEmpty();
        assertThat(plan.find("ckpt-key")).isEmpty();
        assertThat(plan.resource("ckpt-encryption").input("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm")).contains("AES256");
        assertThat(plan.resource("ckpt-ownership").input("rule.objectOwnership")).contains("BucketOwnerPreferred");
        assertThat((String) plan.getOutputs().get("keyArn")).isNullOrEmpty();
        @SuppressWarnings("unchecked")
        Map<String, String> tags = (Map<String, String>) bucket.getInputs().get("tags");
        for (Control c : SecureCheckpointBucketArgs.CONTROLS) {
            assertThat(bucket.getWaivers()).anySatisfy(w -> {
                assertThat(w.getControl()).isEqualTo(c);
                assertThat(w.getJustification()).isEqualTo(WHY + " Control " + c.id() + ".");
            });
            assertThat(plan.resource("ckpt").getWaivers()).anySatisfy(w -> assertThat(w.getControl()).isEqualTo(c));
            assertThat(tags).containsEntry("mlinfra:waiver:" + c.id(), Waiver.tagValue(WHY + " Control " + c.id() + "."));
        }
        // waivers are read as a stack export records them: resources that take no tags record none
        // of their own (the rules report on the bucket, which carries the tags)
        assertThat(plan.resource("ckpt-ownership").getWaivers()).isEmpty();
        assertThat(plan.resource("ckpt-encryption").getWaivers()).isEmpty();
    }

    @Test
    void keyArnIsValidatedWhenItResolves() {
        String good = "arn:aws-us-gov:kms:us-gov-west-1:210987654321:key/mrk-1234abcd12ab34cd56ef1234567890ab";
        Plan plan = PlanEngine.plan(ctx -> ctx.export("k", new SecureCheckpointBucket("ckpt", SecureCheckpointBucketArgs.builder()
                .kmsKey(KeyReference.fromArn(Output.of(good))).build()).keyArn()), PlanOptions.builder().partition("aws-us-gov")
                .region("us-gov-west-1").accountId("210987654321").build());
        assertThat(plan.getOutputs()).containsEntry("k", good);
        assertThat(plan.find("ckpt-key")).isEmpty();
        assertThatThrownBy(() -> plan(SecureCheckpointBucketArgs.builder()
                .kmsKey(KeyReference.fromArn(Output.of("arn:aws:s3:::not-a-key"))).build()))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("SecureCheckpointBucketArgs.kmsKey: malformed; got \"arn:aws:s3:::not-a-key\"; expected a KMS key"
                        + " ARN \"arn:<partition>:kms:<region>:<account>:key/<key id>\" (not an alias)");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsRegistered() {
        assertThatThrownBy(() -> Retention.days(0)).isInstanceOf(InvalidArgsException.class)
                .hasMessage("Retention.days: outside the allowed range; got 0; expected 1 to 36500 days");
        assertThatThrownBy(() -> Retention.days(36501))
                .hasMessage("Retention.days: outside the allowed range; got 36501; expected 1 to 36500 days");
        assertThatThrownBy(() -> Retention.years(101))
                .hasMessage("Retention.years: outside the allowed range; got 101; expected 1 to 100 years");
        assertThatThrownBy(() -> Retention.years(-1))
                .hasMessage("Retention.years: outside the allowed range; got -1; expected 1 to 100 years");
        assertThatThrownBy(() -> Retention.builder().days(30).years(1).build())
                .hasMessage("Retention.years: days and years are exclusive; got \"days=30, years=1\"; expected either days or years");
        assertThatThrownBy(() -> Retention.builder().build())
                .hasMessage("Retention.days: no retention period given; got null; expected days (1 to 36500) or years (1 to 100)");
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().noncurrentVersionExpirationDays(0).build())
                .hasMessage("SecureCheckpointBucketArgs.noncurrentVersionExpirationDays: outside the allowed range; got 0; expected 1 to 36500 days");
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().noncurrentVersionExpirationDays(10).build())
                .hasMessage("SecureCheckpointBucketArgs.noncurrentVersionExpirationDays: shorter than the Object Lock retention"
                        + " (locked versions cannot expire before it ends); got 10; expected at least 30 days");
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder()
                .waive(Control.S3_VERSIONING, "Object Lock needs versioning, so this must be refused.").build())
                .hasMessage("SecureCheckpointBucketArgs.waivers: control MLI-S3-06 does not apply here; got \"MLI-S3-06\"; expected one of"
                        + " [MLI-S3-01, MLI-S3-03, MLI-S3-04, MLI-S3-05, MLI-S3-07, MLI-S3-08, MLI-S3-09, MLI-S3-10, MLI-S3-11, MLI-S3-14,"
                        + " MLI-S3-12, MLI-S3-13]");
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().kmsKey(KeyReference.fromArn(Output.of("x")))
                .waive(Control.S3_KMS_ENCRYPTION, "Public data set mirror, nothing confidential stored.").build())
                .hasMessage("SecureCheckpointBucketArgs.kmsKey: a KMS key is given but MLI-S3-09 (SSE-KMS) is waived; got \"a key\";"
                        + " expected no kmsKey, or no waiver of MLI-S3-09");
        // both problems in one exception: the exclusive pair, and the name too short
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().bucketName("a").bucketPrefix("b").build())
                .hasMessageStartingWith("SecureCheckpointBucketArgs.bucketPrefix: bucketName and bucketPrefix are exclusive; got \"b\"; expected either bucketName or bucketPrefix\n"
                        + "SecureCheckpointBucketArgs.bucketName: bucket name must be 3 to 63 characters (1); got \"a\"; ");
    }

    @Test
    void bucketNamingRules() {
        String exp = "; expected " + io.github.mlinfra.aws.Arns.BUCKET_NAME_EXPECTED;
        String a = "SecureCheckpointBucketArgs.bucketName: ";
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().bucketName("ab").build())
                .hasMessage(a + "bucket name must be 3 to 63 characters (2); got \"ab\"" + exp);
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().bucketName("a".repeat(64)).build())
                .hasMessageStartingWith(a + "bucket name must be 3 to 63 characters (64)");
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().bucketName("Ckpt").build())
                .hasMessage(a + "bucket name must be lowercase letters, digits, dots and hyphens, beginning and ending with a letter or digit; got \"Ckpt\"" + exp);
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().bucketName("ckpt_bucket").build())
                .hasMessage(a + "bucket name must be lowercase letters, digits, dots and hyphens, beginning and ending with a letter or digit; got \"ckpt_bucket\"" + exp);
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().bucketName("-ckpt").build())
                .hasMessage(a + "bucket name must be lowercase letters, digits, dots and hyphens, beginning and ending with a letter or digit; got \"-ckpt\"" + exp);
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().bucketName("ckpt-").build())
                .hasMessage(a + "bucket name must be lowercase letters, digits, dots and hyphens, beginning and ending with a letter or digit; got \"ckpt-\"" + exp);
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().bucketName("ckpt..prod").build())
                .hasMessage(a + "bucket name has two adjacent dots; got \"ckpt..prod\"" + exp);
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().bucketName("192.168.5.4").build())
                .hasMessage(a + "bucket name is formatted as an IP address; got \"192.168.5.4\"" + exp);
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().bucketName("xn--ckpt").build())
                .hasMessage(a + "bucket name starts with the reserved prefix xn--; got \"xn--ckpt\"" + exp);
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().bucketName("ckpt-s3alias").build())
                .hasMessage(a + "bucket name ends with the reserved suffix -s3alias; got \"ckpt-s3alias\"" + exp);
        assertThat(SecureCheckpointBucketArgs.builder().bucketName("acme.ckpt-01").build().getBucketName()).contains("acme.ckpt-01");
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().bucketPrefix("p".repeat(38)).build())
                .hasMessage("SecureCheckpointBucketArgs.bucketPrefix: a bucket prefix has 1 to 37 characters (38 given); got \""
                        + "p".repeat(38) + "\"; expected 1 to 37 lowercase letters, digits, dots and hyphens, starting with a letter or"
                        + " digit, no \"..\", no xn--/sthree- prefix");
        assertThat(SecureCheckpointBucketArgs.builder().bucketPrefix("p".repeat(37)).build().getBucketPrefix()).isPresent();
    }

    @Test
    void badGrantPrefixesAreRefused() {
        var holder = new Object() {
            SecureCheckpointBucket b;
        };
        PlanEngine.plan(ctx -> holder.b = new SecureCheckpointBucket("ckpt", SecureCheckpointBucketArgs.builder().build()));
        assertThatThrownBy(() -> holder.b.grantWriteCheckpoints("runs/*/")).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("SecureCheckpointBucket.grantWriteCheckpoints.prefix: a prefix is literal, and IAM wildcards would widen the grant; got \"runs/*/\"");
        assertThatThrownBy(() -> holder.b.grantReadCheckpoints("run?/"))
                .hasMessageStartingWith("SecureCheckpointBucket.grantReadCheckpoints.prefix: a prefix is literal");
        assertThatThrownBy(() -> holder.b.grantReadCheckpoints("/runs/"))
                .hasMessageStartingWith("SecureCheckpointBucket.grantReadCheckpoints.prefix: S3 keys do not start with \"/\"");
        assertThatThrownBy(() -> holder.b.grantReadCheckpoints("runs"))
                .hasMessageStartingWith("SecureCheckpointBucket.grantReadCheckpoints.prefix: a prefix must end with \"/\"");
    }
}
