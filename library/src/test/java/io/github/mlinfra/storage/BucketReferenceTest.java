package io.github.mlinfra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanException;
import org.junit.jupiter.api.Test;

class BucketReferenceTest {

    @Test
    void ourBucketsAreReferencesAndAnExistingBucketIsOneByName() {
        Plan plan = PlanEngine.plan(ctx -> {
            var logs = new AccessLogBucket("logs", AccessLogBucketArgs.builder().build());
            new SecureArtifactBucket("ours", SecureArtifactBucketArgs.builder().accessLogBucket(logs).build());
            new SecureArtifactBucket("theirs", SecureArtifactBucketArgs.builder()
                    .accessLogBucket(BucketReference.fromName("central-s3-logs")).build());
            new SecureArtifactBucket("by-arn", SecureArtifactBucketArgs.builder()
                    .accessLogBucket(BucketReference.fromArn(Output.of("arn:aws-us-gov:s3:::gov-logs"))).build());
        });
        String logsBucket = (String) plan.resource("logs-bucket").getOutputs().get("bucket");
        assertThat(plan.resource("ours-access-logging").getInputs()).containsEntry("targetBucket", logsBucket);
        assertThat(plan.resource("theirs-access-logging").getInputs()).containsEntry("targetBucket", "central-s3-logs");
        assertThat(plan.resource("by-arn-access-logging").getInputs()).containsEntry("targetBucket", "gov-logs");
        assertThat(plan.find("ours-access-logs")).isEmpty();
        assertThat(plan.find("theirs-access-logs")).isEmpty();
    }

    @Test
    void aPlainNameOrArnIsCheckedWhenTheReferenceIsMade() {
        assertThatThrownBy(() -> BucketReference.fromName("Central_Logs"))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("BucketReference.name: bucket name must be lowercase letters, digits, dots and hyphens,"
                        + " beginning and ending with a letter or digit; got \"Central_Logs\"; expected an S3 bucket name");
        assertThatThrownBy(() -> BucketReference.fromArn("arn:aws:s3:::central-logs/s3-access/"))
                .hasMessage("BucketReference.arn: not a bucket ARN; got \"arn:aws:s3:::central-logs/s3-access/\"; expected an"
                        + " S3 bucket ARN \"arn:<partition>:s3:::<bucket name>\" (no object key)");
        assertThatThrownBy(() -> BucketReference.fromArn("arn:aws:kms:us-east-1:123456789012:key/x"))
                .hasMessageStartingWith("BucketReference.arn: not a bucket ARN");
    }

    @Test
    void anOutputNameIsCheckedWhenItResolves() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new SecureArtifactBucket("a", SecureArtifactBucketArgs.builder()
                .accessLogBucket(BucketReference.fromName(Output.of("192.168.5.4"))).build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("BucketReference.name: bucket name is formatted as an IP address; got \"192.168.5.4\"");
    }
}
