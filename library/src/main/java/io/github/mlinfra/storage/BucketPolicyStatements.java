package io.github.mlinfra.storage;

import io.github.mlinfra.policy.Statement;
import java.util.List;

/**
 * Extra bucket-policy statements, built once the bucket ARN and the deploying account are known
 * (service delivery such as CloudTrail, cross-account readers). Statements that {@code Allow}
 * the anyone principal {@code "*"} are refused (MLI-S3-02).
 *
 * <pre>{@code
 * SecureArtifactBucketArgs.builder()
 *     .addAdditionalPolicyStatements((bucketArn, account, partition, region) -> List.of(
 *         Statement.builder().sid("ReadFromAnalytics").effect(Effect.Allow)
 *             .principal(Principal.aws("arn:" + partition + ":iam::210987654321:role/analytics"))
 *             .addActions("s3:GetObject").addResources(bucketArn + "/reports/*").build()))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface BucketPolicyStatements {
    /**
     * The statements for this bucket.
     *
     * @param bucketArn the bucket ARN
     * @param accountId the deploying account id
     * @param partition the partition, e.g. {@code aws}
     * @param region the region, e.g. {@code us-east-1}
     * @return the statements (sids unique within the policy)
     */
    List<Statement> statements(String bucketArn, String accountId, String partition, String region);
}
