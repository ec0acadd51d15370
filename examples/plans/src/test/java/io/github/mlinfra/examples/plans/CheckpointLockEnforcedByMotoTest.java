package io.github.mlinfra.examples.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The checkpoint bucket's configuration, applied through moto's S3 API exactly as the plan of
 * the secure-model-checkpointing example describes it, makes a locked object version
 * undeletable, and an overwrite keeps the old version.
 */
class CheckpointLockEnforcedByMotoTest {
    static final String EXAMPLE = "secure-model-checkpointing";
    private static MotoServer moto;
    private static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(MotoServer.find().isPresent(),
                "SKIPPED: moto_server not found on PATH or in ~/.pyenv/shims (pip install \"moto[server]\"); "
                        + "Object Lock was not checked against an independent implementation");
        moto = MotoServer.start();
        s3 = S3Client.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private static PlannedResource bySameBucket(Plan plan, String type, PlannedResource bucket) {
        return plan.resourcesOfType(type).stream()
                .filter(r -> bucket.getId().orElseThrow().equals(r.getInputs().get("bucket")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " for " + bucket.getName()));
    }

    @Test
    void lockedVersionsCannotBeDeletedAndOverwritesKeepHistory() {
        Plan plan = Examples.plans().get(EXAMPLE);
        assertThat(plan).as("example %s is planned", EXAMPLE).isNotNull();
        PlannedResource bucket = plan.resourcesOfType("aws:s3/bucketV2:BucketV2").stream()
                .filter(b -> b.hasTag("mlinfra:purpose", "checkpoints")).findFirst().orElseThrow();
        PlannedResource lock = bySameBucket(plan, "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2", bucket);
        PlannedResource versioning = bySameBucket(plan, "aws:s3/bucketVersioningV2:BucketVersioningV2", bucket);
        PlannedResource sse = bySameBucket(plan, "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", bucket);

        String name = (String) bucket.getOutputs().get("bucket");
        s3.createBucket(b -> b.bucket(name).objectLockEnabledForBucket((Boolean) bucket.getInputs().get("objectLockEnabled")));
        s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v.status(
                (String) versioning.input("versioningConfiguration.status").orElseThrow())));
        String mode = (String) lock.input("rule.defaultRetention.mode").orElseThrow();
        Long days = (Long) lock.input("rule.defaultRetention.days").orElse(null);
        Long years = (Long) lock.input("rule.defaultRetention.years").orElse(null);
        s3.putObjectLockConfiguration(b -> b.bucket(name).objectLockConfiguration(c -> c
                .objectLockEnabled((String) lock.getInputs().getOrDefault("objectLockEnabled", "Enabled"))
                .rule(r -> r.defaultRetention(d -> d.mode(mode)
                        .days(days == null ? null : days.intValue())
                        .years(years == null ? null : years.intValue())))));
        s3.putBucketEncryption(b -> b.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .bucketKeyEnabled((Boolean) sse.input("rules.0.bucketKeyEnabled").orElseThrow())
                .applyServerSideEncryptionByDefault(d -> d
                        .sseAlgorithm((String) sse.input("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm").orElseThrow())
                        .kmsMasterKeyID((String) sse.input("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId").orElseThrow())))));

        String key = "runs/run-1/epoch-1.pt";
        String v1 = s3.putObject(b -> b.bucket(name).key(key), RequestBody.fromString("weights-1")).versionId();
        String v2 = s3.putObject(b -> b.bucket(name).key(key), RequestBody.fromString("weights-2")).versionId();
        assertThat(v1).isNotEqualTo(v2);
        var versions = s3.listObjectVersions(b -> b.bucket(name).prefix(key)).versions();
        assertThat(versions).hasSize(2);
        var head = s3.headObject(b -> b.bucket(name).key(key).versionId(v1));
        assertThat(head.objectLockModeAsString()).isEqualTo(mode);
        assertThat(head.objectLockRetainUntilDate()).isNotNull();
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket(name).key(key).versionId(v1)))
                .isInstanceOf(S3Exception.class)
                .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
        s3.deleteObject(b -> b.bucket(name).key(key));
        assertThat(s3.listObjectVersions(b -> b.bucket(name).prefix(key)).versions()).hasSize(2);
    }

    @Test
    void withoutTheLockTheSameDeleteSucceeds() {
        String name = "control-unlocked-bucket";
        s3.createBucket(b -> b.bucket(name));
        s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v.status("Enabled")));
        String v1 = s3.putObject(b -> b.bucket(name).key("k"), RequestBody.fromString("x")).versionId();
        s3.deleteObject(b -> b.bucket(name).key("k").versionId(v1));
        assertThat(s3.listObjectVersions(b -> b.bucket(name)).versions()).isEqualTo(List.of());
    }
}
