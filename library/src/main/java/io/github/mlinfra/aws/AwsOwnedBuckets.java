package io.github.mlinfra.aws;

import java.util.List;

/**
 * S3 buckets owned by AWS that workloads in a private VPC read through the S3 gateway endpoint, so
 * an endpoint policy that keeps requests to the stack's own buckets must still allow them. From
 * AWS's published data-perimeter examples
 * (<a href="https://github.com/aws-samples/data-perimeter-policy-examples/blob/main/service_owned_resources.md">service_owned_resources.md</a>
 * and {@code vpc_endpoint_policies/s3_endpoint_policy.json}, looked up 2026-11-30); {@code <region>}
 * stands for the stack's region.
 *
 * <p>The ECR layer bucket is read through presigned URLs signed by an ECR account, and the Amazon
 * Linux repositories are read without credentials, so the statement that allows these buckets has
 * no principal condition; it allows only {@code s3:GetObject} on objects of these buckets.
 */
public final class AwsOwnedBuckets {
    /** Object ARNs, {@code <region>} to be replaced. */
    public static final List<String> OBJECT_ARNS = List.of(
            // Amazon ECR image layers (every image pull from a private VPC)
            "arn:aws:s3:::prod-<region>-starport-layer-bucket/*",
            // Amazon Linux 2023 and Amazon Linux 2 package repositories (dnf / yum)
            "arn:aws:s3:::al2023-repos-<region>-de612dc2/*",
            "arn:aws:s3:::amazonlinux-2-repos-<region>/*",
            "arn:aws:s3:::amazonlinux.<region>.amazonaws.com/*",
            "arn:aws:s3:::packages.<region>.amazonaws.com/*",
            "arn:aws:s3:::repo.<region>.amazonaws.com/*",
            // Systems Manager agent, documents and patching
            "arn:aws:s3:::aws-ssm-<region>/*",
            "arn:aws:s3:::amazon-ssm-<region>/*",
            "arn:aws:s3:::amazon-ssm-packages-<region>/*",
            "arn:aws:s3:::<region>-birdwatcher-prod/*",
            "arn:aws:s3:::aws-ssm-document-attachments-<region>/*",
            "arn:aws:s3:::patch-baseline-snapshot-<region>/*",
            // the CloudWatch agent package
            "arn:aws:s3:::amazoncloudwatch-agent-<region>/*",
            "arn:aws:s3:::amazoncloudwatch-agent/*");

    private static final List<java.util.regex.Pattern> PATTERNS = OBJECT_ARNS.stream()
            .map(a -> java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(a)
                    .replace("arn:aws:", "arn:\\E[a-z-]+\\Q:").replace("<region>", "\\E[a-z0-9-]+\\Q")))
            .toList();

    private AwsOwnedBuckets() {}

    /**
     * Whether an ARN is exactly one of {@link #OBJECT_ARNS} for some partition and region.
     *
     * @param arn an ARN
     * @return true for an AWS-owned bucket's objects
     */
    public static boolean isAwsOwnedObjectArn(String arn) {
        return PATTERNS.stream().anyMatch(p -> p.matcher(arn).matches());
    }

    /**
     * The object ARNs for a region and partition.
     *
     * @param partition e.g. {@code aws}
     * @param region e.g. {@code eu-west-1}
     * @return the ARNs
     */
    public static List<String> objectArns(String partition, String region) {
        return OBJECT_ARNS.stream().map(a -> a.replace("arn:aws:", "arn:" + partition + ":").replace("<region>", region))
                .toList();
    }
}
