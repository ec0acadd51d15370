package io.github.mlinfra.aws;

import java.util.List;

/**
 * What a KMS key policy must allow for an AWS service to use the key, where the service's
 * documentation asks for it. A key policy that does not allow it makes the create fail (CloudTrail:
 * {@code InsufficientEncryptionPolicyException}; CloudWatch Logs: {@code AccessDeniedException} at
 * CreateLogGroup/AssociateKmsKey) or the volume unusable. Looked up 2026-11-30.
 *
 * <ul>
 * <li><b>CloudTrail</b> (<a href="https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html">Configure
 *     AWS KMS key policies for CloudTrail</a>): the key policy must let {@code cloudtrail.amazonaws.com}
 *     encrypt ({@code kms:GenerateDataKey*}) and describe the key ({@code kms:DescribeKey}).</li>
 * <li><b>CloudWatch Logs</b> (<a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html">Encrypt
 *     log data in CloudWatch Logs using AWS KMS</a>): the key policy must allow the regional service
 *     principal {@code logs.<region>.amazonaws.com}; the page's statement grants
 *     {@code kms:Encrypt*}, {@code kms:Decrypt*}, {@code kms:ReEncrypt*}, {@code kms:GenerateDataKey*},
 *     {@code kms:Describe*}. We require the four the service calls to write and read
 *     ({@link #LOGS_ACTIONS}); re-encryption is recommended, not required.</li>
 * <li><b>EBS</b> (<a href="https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption-requirements.html">Requirements
 *     for Amazon EBS encryption</a>): whoever creates the volume must be allowed
 *     {@code kms:CreateGrant}, {@code kms:Decrypt}, {@code kms:DescribeKey},
 *     {@code kms:GenerateDataKeyWithoutPlainText} and {@code kms:ReEncrypt} ({@link #EBS_ACTIONS});
 *     the key policy must grant them to an account principal or enable IAM policies (the account
 *     root).</li>
 * <li><b>SageMaker</b> (<a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_OutputDataConfig.html">OutputDataConfig</a>,
 *     <a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html">CreateEndpointConfig</a>):
 *     "The KMS key policy must grant permission to the IAM role that you specify"; the notebook's
 *     volume is an EBS volume, so the role (or the account root, enabling IAM policies) needs the
 *     EBS actions.</li>
 * </ul>
 * Conditions are not judged: a statement whose principal and actions fit counts as allowing.
 */
public final class ServiceKeyPolicies {
    /** The date these facts were looked up. */
    public static final String LOOKED_UP = "2026-11-30";
    /** CloudTrail's key policy page. */
    public static final String CLOUDTRAIL_SOURCE =
            "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html";
    /** CloudWatch Logs' key policy page. */
    public static final String LOGS_SOURCE = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html";
    /** EBS encryption requirements. */
    public static final String EBS_SOURCE = "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption-requirements.html";
    /** SageMaker: the key policy must grant the role. */
    public static final String SAGEMAKER_SOURCE = "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_OutputDataConfig.html";

    /** CloudTrail's service principal. */
    public static final String CLOUDTRAIL_PRINCIPAL = "cloudtrail.amazonaws.com";
    /** What CloudTrail must be allowed. */
    public static final List<String> CLOUDTRAIL_ACTIONS = List.of("kms:GenerateDataKey", "kms:DescribeKey");
    /** What CloudWatch Logs must be allowed. */
    public static final List<String> LOGS_ACTIONS = List.of("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey");
    /** What the creator of an encrypted EBS volume (or SageMaker's role) must be allowed. */
    public static final List<String> EBS_ACTIONS = List.of("kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey",
            "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom");

    private ServiceKeyPolicies() {}

    /**
     * CloudWatch Logs' regional service principal.
     *
     * @param region e.g. {@code us-east-1}
     * @return {@code logs.<region>.amazonaws.com}
     */
    public static String logsPrincipal(String region) {
        return "logs." + region + ".amazonaws.com";
    }
}
