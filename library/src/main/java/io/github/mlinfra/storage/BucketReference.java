package io.github.mlinfra.storage;

import com.pulumi.core.Output;
import io.github.mlinfra.aws.Arns;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3 bucket that components refer to (today: the bucket receiving server access logs):
 * either a bucket of this program ({@link AccessLogBucket}, {@link SecureArtifactBucket},
 * {@link SecureCheckpointBucket} are {@code BucketReference}s) or an existing bucket imported by
 * name or ARN, in the spirit of the AWS CDK's {@code IBucket} and {@code Bucket.fromBucketName}.
 *
 * <pre>{@code
 * var logs = new AccessLogBucket("logs", AccessLogBucketArgs.builder().build());
 * SecureArtifactBucketArgs.builder().accessLogBucket(logs).build();                        // our bucket
 * SecureArtifactBucketArgs.builder().accessLogBucket(BucketReference.fromName("central-s3-logs")).build(); // existing
 * }</pre>
 *
 * <p>An imported bucket is not managed here: its encryption, policy and retention are its
 * owner's (for access logs, its policy must let {@code logging.s3.amazonaws.com} write). A plain
 * name is checked against S3's naming rules when the reference is made
 * ({@link Arns#checkBucketName(String, String)}); an {@code Output} name when it resolves.
 */
public interface BucketReference {
    /**
     * The bucket name.
     *
     * @return the name
     */
    Output<String> bucketName();

    /**
     * An existing bucket, by name, checked now.
     *
     * @param name the bucket name
     * @return the reference
     * @throws io.github.mlinfra.InvalidArgsException when S3 would refuse the name
     */
    static BucketReference fromName(String name) {
        Arns.checkBucketName("BucketReference.name", name);
        return of(Output.of(name));
    }

    /**
     * An existing bucket, by a name known at deployment time (another stack's output, say);
     * checked against S3's naming rules when it resolves.
     *
     * @param name the bucket name
     * @return the reference
     */
    static BucketReference fromName(Output<String> name) {
        Objects.requireNonNull(name, "name");
        return of(name.applyValue(n -> Arns.checkBucketName("BucketReference.name", n)));
    }

    /**
     * An existing bucket, by its ARN {@code arn:<partition>:s3:::<name>}, checked now.
     *
     * @param arn the bucket ARN
     * @return the reference
     * @throws io.github.mlinfra.InvalidArgsException when the text is not a bucket ARN
     */
    static BucketReference fromArn(String arn) {
        return fromName(nameOf(arn));
    }

    /**
     * An existing bucket, by an ARN known at deployment time; checked when it resolves.
     *
     * @param arn the bucket ARN
     * @return the reference
     */
    static BucketReference fromArn(Output<String> arn) {
        Objects.requireNonNull(arn, "arn");
        return of(arn.applyValue(a -> Arns.checkBucketName("BucketReference.arn", nameOf(a))));
    }

    private static BucketReference of(Output<String> name) {
        return () -> name;
    }

    private static String nameOf(String arn) {
        Matcher m = Pattern.compile("arn:" + Arns.PARTITION + ":s3:::([^/*]+)").matcher(arn == null ? "" : arn);
        if (!m.matches()) {
            io.github.mlinfra.internal.Check.fail("BucketReference.arn", "not a bucket ARN", arn,
                    "an S3 bucket ARN \"arn:<partition>:s3:::<bucket name>\" (no object key)");
        }
        return m.group(1);
    }
}
