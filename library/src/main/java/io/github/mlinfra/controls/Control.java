package io.github.mlinfra.controls;

import io.github.mlinfra.aws.Ec2InstanceTypes;
import io.github.mlinfra.aws.EndpointPolicySupport;
import io.github.mlinfra.aws.InstanceStorage;
import io.github.mlinfra.aws.NameRules;
import io.github.mlinfra.aws.NotebookPlatforms;
import io.github.mlinfra.aws.SageMakerImages;
import io.github.mlinfra.aws.SageMakerInstanceTypes;
import io.github.mlinfra.aws.SecurityGroupRules;
import io.github.mlinfra.aws.ServiceKeyPolicies;
import io.github.mlinfra.aws.ServiceLimits;
import io.github.mlinfra.aws.TagRules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The registry of control ids. Components name these ids when a control is waived (see
 * {@link Waiver}); guard rules implement them and report findings under them. Ids are stable:
 * {@code MLI-<AREA>-<NN>}, never reused for another meaning.
 *
 * <p>Each control lists the external controls it maps to, written as {@code FSBP S3.5} (an AWS
 * Security Hub control of the Foundational Security Best Practices standard), {@code SecurityHub
 * EC2.13} (a Security Hub control of other standards only, or whose FSBP membership is not
 * recorded), or a cdk-nag rule id as cdk-nag reports it ({@code AwsSolutions-S10},
 * {@code HIPAA.Security-S3DefaultEncryptionKMS}, {@code NIST.800.53.R5-S3BucketVersioningEnabled}).
 * {@code CoverageTest} checks each against the data files of {@code io.github.mlinfra.guard.Coverage}.
 */
public enum Control {
    // --- S3 -------------------------------------------------------------------------------
    /** All four S3 Block Public Access settings are on for the bucket. */
    S3_BLOCK_PUBLIC_ACCESS("MLI-S3-01", Severity.HIGH, "S3 Block Public Access is on (all four settings)",
            "FSBP S3.8", "AwsSolutions-S2", "HIPAA.Security-S3BucketLevelPublicAccessProhibited", "NIST.800.53.R5-S3BucketLevelPublicAccessProhibited"),
    /**
     * No bucket policy grants access to anyone ({@code "*"}, {@code NotPrincipal}) without a
     * condition that restricts the caller, and no canned ACL is public (the {@code ExternalAccess}
     * evaluator; IAM Access Analyzer reports it as an external-access finding with isPublic).
     */
    S3_NO_PUBLIC_POLICY("MLI-S3-02", Severity.CRITICAL, "Bucket policy grants no public read or write",
            "FSBP S3.2", "FSBP S3.3", "SecurityHub CloudTrail.6", "HIPAA.Security-S3BucketPublicReadProhibited", "NIST.800.53.R5-S3BucketPublicReadProhibited",
            "HIPAA.Security-S3BucketPublicWriteProhibited", "NIST.800.53.R5-S3BucketPublicWriteProhibited",
            "AccessAnalyzer ExternalAccess (public)"),
    /** The bucket policy denies requests not made over TLS, on the bucket and its objects. */
    S3_TLS_ONLY("MLI-S3-03", Severity.HIGH, "Bucket policy denies non-TLS requests",
            "FSBP S3.5", "AwsSolutions-S10", "HIPAA.Security-S3BucketSSLRequestsOnly", "NIST.800.53.R5-S3BucketSSLRequestsOnly"),
    /** The bucket policy denies requests made with TLS older than 1.2. */
    S3_MIN_TLS("MLI-S3-04", Severity.MEDIUM, "Bucket policy denies TLS older than 1.2"),
    /** ACLs are disabled through object ownership {@code BucketOwnerEnforced}. */
    S3_ACLS_DISABLED("MLI-S3-05", Severity.MEDIUM, "ACLs are disabled (BucketOwnerEnforced)",
            "FSBP S3.12"),
    /** Versioning is enabled. */
    S3_VERSIONING("MLI-S3-06", Severity.MEDIUM, "Versioning is enabled",
            "SecurityHub S3.14", "HIPAA.Security-S3BucketVersioningEnabled", "NIST.800.53.R5-S3BucketVersioningEnabled"),
    /** A bucket with purpose {@code checkpoints} has Object Lock with a default retention. */
    S3_OBJECT_LOCK("MLI-S3-07", Severity.HIGH, "Checkpoint buckets have Object Lock with a default retention",
            "NIST.800.53.R4-S3BucketDefaultLockEnabled"),
    /** A lifecycle configuration expires noncurrent versions and aborts incomplete uploads. */
    S3_LIFECYCLE("MLI-S3-08", Severity.LOW, "Lifecycle expires noncurrent versions and aborts incomplete uploads",
            "FSBP S3.13", "FSBP S3.10"),
    /** Default encryption is SSE-KMS with a customer-managed key. */
    S3_KMS_ENCRYPTION("MLI-S3-09", Severity.MEDIUM, "Default encryption is SSE-KMS with a customer-managed key",
            "SecurityHub S3.17", "HIPAA.Security-S3DefaultEncryptionKMS", "NIST.800.53.R5-S3DefaultEncryptionKMS"),
    /** The S3 bucket key is enabled with SSE-KMS (one KMS request per bucket key, not per object). */
    S3_BUCKET_KEY("MLI-S3-10", Severity.LOW, "S3 bucket key is enabled"),
    /** Server access logging is on. */
    S3_ACCESS_LOGGING("MLI-S3-11", Severity.MEDIUM, "Server access logging is on",
            "FSBP S3.9", "AwsSolutions-S1", "SecurityHub CloudTrail.7", "HIPAA.Security-S3BucketLoggingEnabled", "NIST.800.53.R5-S3BucketLoggingEnabled"),
    /** The bucket policy denies uploads that name another KMS key, in a statement of its own. */
    S3_PIN_KMS_KEY("MLI-S3-12", Severity.MEDIUM, "Uploads naming another KMS key are denied"),
    /** The bucket policy denies uploads encrypted with customer-provided keys (SSE-C). */
    S3_DENY_SSE_C("MLI-S3-13", Severity.LOW, "SSE-C uploads are denied"),
    /** The bucket is protected from deletion ({@code protect}, no {@code forceDestroy}). */
    S3_DELETION_PROTECTION("MLI-S3-14", Severity.HIGH, "Bucket is protected from deletion"),
    /**
     * No bucket policy grants access to another account (or organization, or IP range) that is not
     * the stack's own or on the guard's trusted list.
     */
    S3_NO_CROSS_ACCOUNT_POLICY("MLI-S3-15", Severity.HIGH, "Bucket policy grants no access to untrusted accounts",
            "FSBP S3.6", "AccessAnalyzer ExternalAccess"),

    // --- KMS ------------------------------------------------------------------------------
    /** Automatic key rotation is on. */
    KMS_ROTATION("MLI-KMS-01", Severity.MEDIUM, "KMS key rotation is on",
            "SecurityHub KMS.4", "AwsSolutions-KMS5", "NIST.800.53.R5-KMSBackingKeyRotationEnabled"),
    /** The deletion window is the maximum, 30 days. */
    KMS_DELETION_WINDOW("MLI-KMS-02", Severity.LOW, "KMS key deletion window is 30 days"),
    /** The key policy keeps the account root or an admin role and does not bypass the lockout check. */
    KMS_KEY_POLICY("MLI-KMS-03", Severity.HIGH, "KMS key policy is explicit, keeps an administrator and the lockout check"),
    /** The key is protected from deletion by the engine ({@code protect}). */
    KMS_DELETION_PROTECTION("MLI-KMS-04", Severity.HIGH, "KMS key is protected from deletion",
            "FSBP KMS.3"),
    /** The key policy grants no public access (anyone, without a condition that restricts the caller). */
    KMS_NO_PUBLIC_POLICY("MLI-KMS-05", Severity.CRITICAL, "KMS key policy grants no public access",
            "SecurityHub KMS.5", "AccessAnalyzer ExternalAccess (public)"),
    /** The key policy grants nothing to an account that is not the stack's own or trusted. */
    KMS_NO_CROSS_ACCOUNT_POLICY("MLI-KMS-06", Severity.HIGH, "KMS key policy grants no access to untrusted accounts",
            "AccessAnalyzer ExternalAccess"),

    // --- IAM ------------------------------------------------------------------------------
    /** No AWS-managed policy is attached to a role. */
    IAM_NO_MANAGED_POLICIES("MLI-IAM-01", Severity.MEDIUM, "No AWS-managed policies on roles",
            "AwsSolutions-IAM4", "SecurityHub IAM.27"),
    /** No {@code Allow} statement has a wildcard action. */
    IAM_NO_WILDCARD_ACTIONS("MLI-IAM-02", Severity.HIGH, "No wildcard actions in Allow statements",
            "FSBP IAM.1", "FSBP IAM.21", "AwsSolutions-IAM5", "HIPAA.Security-IAMPolicyNoStatementsWithAdminAccess", "NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess",
            "HIPAA.Security-IAMPolicyNoStatementsWithFullAccess", "NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess"),
    /** No {@code Allow} statement has {@code Resource: "*"} outside the documented allowlist. */
    IAM_NO_WILDCARD_RESOURCES("MLI-IAM-03", Severity.MEDIUM, "No wildcard resources outside the allowlist",
            "FSBP KMS.1", "FSBP KMS.2", "AwsSolutions-IAM5"),
    /** Service trust policies carry confused-deputy conditions ({@code aws:SourceAccount}). */
    IAM_CONFUSED_DEPUTY("MLI-IAM-04", Severity.MEDIUM, "Service trust policies carry aws:SourceAccount"),
    /** No policy holds a placeholder account id such as {@code ACCOUNT_ID}. */
    IAM_NO_PLACEHOLDERS("MLI-IAM-05", Severity.CRITICAL, "No placeholder account ids in policies"),
    /** A policy attachment names an IAM policy ARN, not some other ARN (a KMS key, say). */
    IAM_ATTACHMENT_IS_POLICY("MLI-IAM-06", Severity.CRITICAL, "Policy attachments name IAM policies"),
    /** No role trust policy lets anyone assume the role. */
    IAM_TRUST_NO_PUBLIC("MLI-IAM-07", Severity.CRITICAL, "Role trust policy lets no one at large assume the role",
            "AccessAnalyzer ExternalAccess (public)"),
    /** No role trust policy lets an untrusted account (or federated identity) assume the role. */
    IAM_TRUST_NO_CROSS_ACCOUNT("MLI-IAM-08", Severity.HIGH, "Role trust policy trusts no untrusted account",
            "AccessAnalyzer ExternalAccess"),
    /** No SNS topic, SQS queue or ECR repository policy grants public access. */
    IAM_RESOURCE_POLICY_NO_PUBLIC("MLI-IAM-09", Severity.CRITICAL,
            "Topic, queue and repository policies grant no public access",
            "SecurityHub SNS.4", "SecurityHub SQS.3", "AccessAnalyzer ExternalAccess (public)"),
    /** No SNS topic, SQS queue or ECR repository policy grants access to an untrusted account. */
    IAM_RESOURCE_POLICY_NO_CROSS_ACCOUNT("MLI-IAM-10", Severity.HIGH,
            "Topic, queue and repository policies grant no access to untrusted accounts",
            "AccessAnalyzer ExternalAccess"),
    /**
     * No IAM user gets a policy of its own (inline, attached, or named in a policy attachment's
     * users): users get permissions through groups, so access is reviewed per group.
     */
    IAM_USER_NO_POLICIES("MLI-IAM-11", Severity.LOW, "IAM users get policies only through groups",
            "FSBP IAM.2", "HIPAA.Security-IAMUserNoPolicies", "NIST.800.53.R5-IAMUserNoPolicies"),

    // --- EC2 ------------------------------------------------------------------------------
    /** Every EBS volume is encrypted, with a customer-managed key. */
    EC2_EBS_ENCRYPTION("MLI-EC2-01", Severity.HIGH, "EBS volumes are encrypted with a customer-managed key",
            "FSBP EC2.3", "AwsSolutions-EC26"),
    /** IMDSv2 is required with a hop limit of 1. */
    EC2_IMDSV2("MLI-EC2-02", Severity.HIGH, "IMDSv2 is required (hop limit 1)",
            "FSBP EC2.8", "HIPAA.Security-EC2IMDSv2Enabled", "NIST.800.53.R5-EC2IMDSv2Enabled"),
    /** The instance has no public IP address. */
    EC2_NO_PUBLIC_IP("MLI-EC2-03", Severity.HIGH, "No public IP address",
            "FSBP EC2.9", "HIPAA.Security-EC2InstanceNoPublicIp", "NIST.800.53.R5-EC2InstanceNoPublicIp"),
    /** No security group allows ingress from {@code 0.0.0.0/0} or {@code ::/0}. */
    EC2_NO_OPEN_INGRESS("MLI-EC2-04", Severity.CRITICAL, "No ingress from 0.0.0.0/0 or ::/0",
            "FSBP EC2.18", "FSBP EC2.19", "SecurityHub EC2.13", "SecurityHub EC2.14", "SecurityHub EC2.53", "SecurityHub EC2.54",
            "AwsSolutions-EC23",
            "HIPAA.Security-EC2RestrictedSSH", "NIST.800.53.R5-EC2RestrictedSSH", "HIPAA.Security-EC2RestrictedCommonPorts", "NIST.800.53.R5-EC2RestrictedCommonPorts"),
    /** Detailed monitoring is on. */
    EC2_DETAILED_MONITORING("MLI-EC2-05", Severity.LOW, "Detailed monitoring is on",
            "AwsSolutions-EC28", "HIPAA.Security-EC2InstanceDetailedMonitoringEnabled"),
    /** Termination protection is on. */
    EC2_TERMINATION_PROTECTION("MLI-EC2-06", Severity.MEDIUM, "Termination protection is on",
            "AwsSolutions-EC29"),
    /** The instance type is a GPU or accelerator type. */
    EC2_GPU_INSTANCE_TYPE("MLI-EC2-07", Severity.LOW, "Trainer instance type is a GPU/accelerator type"),
    /** The instance runs on dedicated tenancy. */
    EC2_DEDICATED_TENANCY("MLI-EC2-08", Severity.LOW, "Trainer runs on dedicated tenancy"),
    /** Security groups are passed by id and the instance profile by name (no EC2-Classic forms). */
    EC2_VPC_REFERENCES("MLI-EC2-09", Severity.HIGH, "Security groups by id, instance profile by name"),
    /** No security group allows all egress to the internet. */
    EC2_RESTRICTED_EGRESS("MLI-EC2-10", Severity.MEDIUM, "Egress is restricted (no all-traffic to 0.0.0.0/0)"),
    /** The instance is EBS-optimized. */
    EC2_EBS_OPTIMIZED("MLI-EC2-11", Severity.LOW, "Instance is EBS-optimized",
            "HIPAA.Security-EC2EBSOptimizedInstance", "NIST.800.53.R5-EC2EBSOptimizedInstance"),

    // --- SageMaker ------------------------------------------------------------------------
    /** The notebook has no direct internet access. */
    SM_NO_DIRECT_INTERNET("MLI-SM-01", Severity.HIGH, "Notebook has no direct internet access",
            "FSBP SageMaker.1", "AwsSolutions-SM3", "HIPAA.Security-SageMakerNotebookNoDirectInternetAccess", "NIST.800.53.R5-SageMakerNotebookNoDirectInternetAccess"),
    /** The notebook runs in a VPC subnet with security groups. */
    SM_NOTEBOOK_IN_VPC("MLI-SM-02", Severity.HIGH, "Notebook runs in a VPC",
            "FSBP SageMaker.2", "AwsSolutions-SM1"),
    /** Root access on the notebook is disabled. */
    SM_NO_ROOT_ACCESS("MLI-SM-03", Severity.MEDIUM, "Notebook root access is disabled",
            "FSBP SageMaker.3"),
    /** The notebook volume is encrypted with a customer-managed KMS key. */
    SM_NOTEBOOK_KMS("MLI-SM-04", Severity.MEDIUM, "Notebook volume uses a customer-managed KMS key",
            "AwsSolutions-SM2", "SecurityHub SageMaker.21", "HIPAA.Security-SageMakerNotebookInstanceKMSKeyConfigured", "NIST.800.53.R5-SageMakerNotebookInstanceKMSKeyConfigured"),
    /** The notebook requires IMDSv2. */
    SM_NOTEBOOK_IMDSV2("MLI-SM-05", Severity.MEDIUM, "Notebook requires IMDSv2"),
    /** Lifecycle configuration scripts are base64-encoded shell scripts. */
    SM_LIFECYCLE_SCRIPT("MLI-SM-06", Severity.HIGH, "Lifecycle scripts are base64-encoded shell scripts"),
    /** Training and processing steps run with network isolation. */
    SM_NETWORK_ISOLATION("MLI-SM-07", Severity.HIGH, "Training and processing run with network isolation"),
    /** Training and processing outputs and volumes are encrypted with a KMS key. */
    SM_JOB_ENCRYPTION("MLI-SM-08", Severity.HIGH, "Job outputs and volumes use a KMS key"),
    /** Inter-container traffic of distributed training is encrypted. */
    SM_INTER_CONTAINER_ENCRYPTION("MLI-SM-09", Severity.MEDIUM, "Inter-container traffic is encrypted"),
    /** Training and processing jobs run in the VPC. */
    SM_JOB_IN_VPC("MLI-SM-10", Severity.MEDIUM, "Training and processing jobs run in a VPC"),
    /** Training and processing jobs have a maximum runtime. */
    SM_MAX_RUNTIME("MLI-SM-11", Severity.LOW, "Jobs have a maximum runtime"),
    /** The notebook runs a supported platform identifier. */
    SM_SUPPORTED_PLATFORM("MLI-SM-12", Severity.LOW, "Notebook runs a supported platform",
            "SecurityHub SageMaker.8"),

    // --- CloudTrail -----------------------------------------------------------------------
    /** The trail is multi-region and includes global service events. */
    CT_MULTI_REGION("MLI-CT-01", Severity.HIGH, "Trail is multi-region",
            "FSBP CloudTrail.1"),
    /** The trail is encrypted with a KMS key. */
    CT_ENCRYPTION("MLI-CT-02", Severity.MEDIUM, "Trail logs are KMS-encrypted",
            "FSBP CloudTrail.2", "HIPAA.Security-CloudTrailEncryptionEnabled", "NIST.800.53.R5-CloudTrailEncryptionEnabled"),
    /** Log file validation is on. */
    CT_LOG_VALIDATION("MLI-CT-03", Severity.MEDIUM, "Trail log file validation is on",
            "FSBP CloudTrail.4", "HIPAA.Security-CloudTrailLogFileValidationEnabled", "NIST.800.53.R5-CloudTrailLogFileValidationEnabled"),
    /** The trail delivers to CloudWatch Logs. */
    CT_CLOUDWATCH("MLI-CT-04", Severity.LOW, "Trail delivers to CloudWatch Logs",
            "FSBP CloudTrail.5", "HIPAA.Security-CloudTrailCloudWatchLogsEnabled", "NIST.800.53.R5-CloudTrailCloudWatchLogsEnabled"),

    // --- VPC ------------------------------------------------------------------------------
    /** The VPC has flow logs. */
    VPC_FLOW_LOGS("MLI-VPC-01", Severity.MEDIUM, "VPC flow logs are on",
            "FSBP EC2.6", "AwsSolutions-VPC7", "HIPAA.Security-VPCFlowLogsEnabled", "NIST.800.53.R5-VPCFlowLogsEnabled"),
    /** The default security group has no rules. */
    VPC_DEFAULT_SG_CLOSED("MLI-VPC-02", Severity.MEDIUM, "Default security group is closed",
            "FSBP EC2.2", "HIPAA.Security-VPCDefaultSecurityGroupClosed", "NIST.800.53.R5-VPCDefaultSecurityGroupClosed"),
    /** The VPC has no internet gateway. */
    VPC_NO_INTERNET_GATEWAY("MLI-VPC-03", Severity.MEDIUM, "VPC has no internet gateway",
            "HIPAA.Security-VPCNoUnrestrictedRouteToIGW", "NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW"),
    /**
     * A VPC endpoint has a policy that limits who may use it: no statement allows every principal
     * ({@code "*"}) without a condition, and an endpoint without a policy (AWS's default, full access)
     * is a finding.
     */
    VPC_ENDPOINT_POLICY("MLI-VPC-04", Severity.MEDIUM, "VPC endpoints have a policy restricting their use"),
    /**
     * No VPC endpoint policy lets any principal of any account use the endpoint (the default
     * full-access policy does): a credential from another account could move data out through it.
     */
    VPC_ENDPOINT_NO_PUBLIC_POLICY("MLI-VPC-05", Severity.CRITICAL, "VPC endpoint policy admits no principal at large"),
    /** No VPC endpoint policy admits principals of an untrusted account. */
    VPC_ENDPOINT_NO_CROSS_ACCOUNT_POLICY("MLI-VPC-06", Severity.HIGH, "VPC endpoint policy admits no untrusted account"),
    /**
     * Subnets assign no public IPv4 address ({@code mapPublicIpOnLaunch}) and no IPv6 address
     * ({@code assignIpv6AddressOnCreation}) to the interfaces launched in them.
     */
    VPC_SUBNET_NO_PUBLIC_IP("MLI-VPC-07", Severity.MEDIUM, "Subnets do not assign public IP addresses at launch",
            "FSBP EC2.15", "HIPAA.Security-VPCSubnetAutoAssignPublicIpDisabled", "NIST.800.53.R5-VPCSubnetAutoAssignPublicIpDisabled"),
    /**
     * Each VPC has interface endpoints for the ECR API, the ECR Docker registry and Systems Manager
     * (Security Hub evaluates these per VPC, whatever runs in it).
     */
    VPC_WORKLOAD_ENDPOINTS("MLI-VPC-08", Severity.MEDIUM, "VPCs have interface endpoints for ECR and Systems Manager",
            "SecurityHub EC2.55", "SecurityHub EC2.56", "SecurityHub EC2.57"),
    /**
     * Each VPC has interface endpoints for the EC2 API, Incident Manager and Incident Manager Contacts
     * (per VPC too; a VPC whose workloads call none of them records a waiver saying so).
     */
    VPC_OPERATIONS_ENDPOINTS("MLI-VPC-09", Severity.LOW, "VPCs have interface endpoints for EC2 and Incident Manager",
            "FSBP EC2.10", "SecurityHub EC2.58", "SecurityHub EC2.60"),
    /**
     * CloudWatch log groups are KMS-encrypted and have a retention period of at least 365 days
     * (Security Hub CloudWatch.16's default minimum; "never expire" is not accepted here).
     */
    LOGS_ENCRYPTED_RETAINED("MLI-LOG-01", Severity.LOW, "Log groups are KMS-encrypted and kept at least 365 days",
            "SecurityHub CloudWatch.16", "HIPAA.Security-CloudWatchLogGroupEncrypted", "NIST.800.53.R5-CloudWatchLogGroupEncrypted", "HIPAA.Security-CloudWatchLogGroupRetentionPeriod", "NIST.800.53.R5-CloudWatchLogGroupRetentionPeriod"),

    /**
     * EC2 instances, volumes, VPCs, subnets, route tables, security groups, gateways, network ACLs,
     * network interfaces, Elastic IPs, flow logs, launch templates, IAM roles and users, and
     * CloudTrail trails carry at least one tag of their own (system tags, {@code aws:*}, do not count).
     */
    RESOURCES_TAGGED("MLI-TAG-01", Severity.LOW, "Resources carry at least one tag of their own",
            "SecurityHub EC2.35", "SecurityHub EC2.37", "SecurityHub EC2.38", "SecurityHub EC2.39", "SecurityHub EC2.40",
            "SecurityHub EC2.41", "SecurityHub EC2.42", "SecurityHub EC2.43", "SecurityHub EC2.44", "SecurityHub EC2.45",
            "SecurityHub EC2.46", "SecurityHub EC2.48", "SecurityHub EC2.175", "SecurityHub IAM.24", "SecurityHub IAM.25",
            "SecurityHub CloudTrail.9"),

    // --- Secrets in plain text ----------------------------------------------------------------
    // Checkov: CKV_AWS_46 (EC2 user data) and its secrets framework's CKV_SECRET_* by kind; cdk-nag:
    // none. Each finding names its kind and checkov id (see guard.rules.SecretScanner).
    /** No credential in EC2 user data, of an instance or a launch template (base64 or not). */
    SEC_EC2_USER_DATA("MLI-SEC-01", Severity.HIGH, "No credentials in EC2 user data or launch templates"),
    /** No credential in a notebook lifecycle script ({@code onCreate}, {@code onStart}, base64-decoded). */
    SEC_LIFECYCLE_SCRIPT("MLI-SEC-02", Severity.HIGH, "No credentials in notebook lifecycle scripts"),
    /** No credential in an {@code Environment} map of a SageMaker pipeline definition's steps. */
    SEC_PIPELINE_ENV("MLI-SEC-03", Severity.HIGH, "No credentials in SageMaker pipeline step environments"),
    /** No credential in a resource's tags. */
    SEC_TAGS("MLI-SEC-04", Severity.HIGH, "No credentials in tags"),
    /** No credential in a plain-text (not secret) stack output. */
    SEC_OUTPUTS("MLI-SEC-05", Severity.HIGH, "No credentials in plain-text stack outputs"),

    // --- The guard's own records ------------------------------------------------------------
    /** Every {@code mlinfra:waiver:<id>} tag names a control of this registry. */
    WAIVER_TAG_KNOWN("MLI-GRD-01", Severity.LOW, "Waiver tags name a known control"),

    // --- Preflight: what AWS or the provider would refuse (severity ERROR, never waivable) ---
    /** Tag keys and values use AWS's alphabet and lengths, no {@code aws:} prefix, at most 50 tags. */
    PRE_TAGS("MLI-PRE-01", Severity.ERROR, "Tags are accepted by the service",
            List.of(TagRules.Service.S3.source(), TagRules.Service.EC2.source(), TagRules.Service.CLOUDTRAIL.source())),
    /** S3 bucket names follow the general purpose bucket naming rules. */
    PRE_S3_BUCKET_NAME("MLI-PRE-02", Severity.ERROR, "S3 bucket names are valid",
            List.of(ServiceLimits.S3_BUCKET_NAME_SOURCE)),
    /** IAM role, policy and instance-profile names and paths are valid. */
    PRE_IAM_NAMES("MLI-PRE-03", Severity.ERROR, "IAM names and paths are valid",
            List.of(ServiceLimits.IAM_NAME_SOURCE)),
    /** KMS alias names are valid and not under the reserved {@code alias/aws/}. */
    PRE_KMS_ALIAS("MLI-PRE-04", Severity.ERROR, "KMS alias names are valid",
            List.of(NameRules.Rule.KMS_ALIAS.source())),
    /** CloudWatch log group names are valid. */
    PRE_LOG_GROUP_NAME("MLI-PRE-05", Severity.ERROR, "Log group names are valid",
            List.of(NameRules.Rule.LOG_GROUP.source())),
    /** CloudTrail trail names are valid. */
    PRE_TRAIL_NAME("MLI-PRE-06", Severity.ERROR, "CloudTrail trail names are valid",
            List.of(NameRules.Rule.CLOUDTRAIL_TRAIL.source())),
    /** SageMaker notebook, lifecycle configuration, pipeline and model package group names are valid. */
    PRE_SAGEMAKER_NAMES("MLI-PRE-07", Severity.ERROR, "SageMaker names are valid",
            List.of(NameRules.Rule.SAGEMAKER_NOTEBOOK.source(), NameRules.Rule.SAGEMAKER_LIFECYCLE_CONFIG.source(),
                    NameRules.Rule.SAGEMAKER_PIPELINE.source(), NameRules.Rule.SAGEMAKER_MODEL_PACKAGE_GROUP.source())),
    /** Security group names and descriptions use the VPC character set and length. */
    PRE_SG_NAME("MLI-PRE-08", Severity.ERROR, "Security group names and descriptions are valid",
            List.of(ServiceLimits.SECURITY_GROUP_NAME_SOURCE)),
    /** Sids in IAM identity policies are alphanumeric. */
    PRE_IAM_SID("MLI-PRE-09", Severity.ERROR, "IAM identity policy Sids are alphanumeric",
            List.of(ServiceLimits.IAM_SID_SOURCE)),
    /** CloudWatch Logs retention is one of the values the API accepts. */
    PRE_LOG_RETENTION("MLI-PRE-10", Severity.ERROR, "Log retention is an accepted number of days",
            List.of(ServiceLimits.LOG_RETENTION_SOURCE)),
    /** The KMS deletion window is 7 to 30 days. */
    PRE_KMS_WINDOW("MLI-PRE-11", Severity.ERROR, "KMS deletion window is 7 to 30 days",
            List.of(ServiceLimits.KMS_WINDOW_SOURCE)),
    /** A notebook's platform identifier, when set, is one the provider accepts. */
    PRE_NOTEBOOK_PLATFORM("MLI-PRE-12", Severity.ERROR, "Notebook platform identifier is accepted by the provider",
            List.of(NotebookPlatforms.PROVIDER_SOURCE)),
    /** The flow log aggregation interval is 60 or 600 seconds. */
    PRE_FLOW_LOG_INTERVAL("MLI-PRE-13", Severity.ERROR, "Flow log aggregation interval is 60 or 600 seconds",
            List.of(ServiceLimits.FLOW_LOG_INTERVAL_SOURCE)),
    /** EC2 user data is at most 16 KB before base64 encoding. */
    PRE_USER_DATA_SIZE("MLI-PRE-14", Severity.ERROR, "EC2 user data is at most 16 KB",
            List.of(ServiceLimits.USER_DATA_SOURCE)),
    /** Each notebook lifecycle script is at most 16,384 characters of base64. */
    PRE_LIFECYCLE_SCRIPT_SIZE("MLI-PRE-15", Severity.ERROR, "Notebook lifecycle scripts fit the API limit",
            List.of(ServiceLimits.LIFECYCLE_SCRIPT_SOURCE)),
    /** A SageMaker pipeline definition is at most 1,048,576 characters. */
    PRE_PIPELINE_DEFINITION_SIZE("MLI-PRE-16", Severity.ERROR, "Pipeline definition fits the API limit",
            List.of(ServiceLimits.PIPELINE_DEFINITION_SOURCE)),
    /** IAM policies fit their quotas, counted without whitespace. */
    PRE_IAM_POLICY_SIZE("MLI-PRE-17", Severity.ERROR, "IAM policies fit their size quotas",
            List.of(ServiceLimits.IAM_QUOTAS_SOURCE)),
    /** An S3 bucket policy is at most 20 KB. */
    PRE_BUCKET_POLICY_SIZE("MLI-PRE-18", Severity.ERROR, "S3 bucket policy is at most 20 KB",
            List.of(ServiceLimits.BUCKET_POLICY_SOURCE)),
    /** A KMS key policy is at most 32 KB. */
    PRE_KEY_POLICY_SIZE("MLI-PRE-19", Severity.ERROR, "KMS key policy is at most 32 KB",
            List.of(ServiceLimits.KEY_POLICY_SOURCE)),
    /** A VPC endpoint policy is at most 20,480 characters. */
    PRE_ENDPOINT_POLICY_SIZE("MLI-PRE-20", Severity.ERROR, "VPC endpoint policy is at most 20,480 characters",
            List.of(EndpointPolicySupport.SOURCE)),
    /** A security group has no more inbound or outbound rules than the account's quota (default 60). */
    PRE_SG_RULE_COUNT("MLI-PRE-21", Severity.ERROR, "Security groups fit the rules-per-group quota",
            List.of(ServiceLimits.SG_RULES_SOURCE)),
    /** A CloudTrail trail depends on the bucket policy that lets CloudTrail write to its bucket. */
    PRE_TRAIL_AFTER_BUCKET_POLICY("MLI-PRE-22", Severity.ERROR, "CloudTrail trail is created after its bucket policy",
            List.of(ServiceLimits.TRAIL_BUCKET_POLICY_SOURCE)),
    /** No VolumeKmsKeyId with an instance type that has local storage. */
    PRE_NO_VOLUME_KEY_WITH_LOCAL_STORAGE("MLI-PRE-23", Severity.ERROR,
            "No volume KMS key with local-storage instance types",
            List.of(InstanceStorage.SOURCE)),
    /** A security group does not hold the same permission twice. */
    PRE_SG_NO_DUPLICATE_PERMISSION("MLI-PRE-24", Severity.ERROR, "Security groups hold each permission once",
            List.of(SecurityGroupRules.SOURCE)),
    /** EBS volume types, sizes and IOPS are within what EC2 accepts. */
    PRE_EBS_VOLUME("MLI-PRE-25", Severity.ERROR, "EBS volume type, size and IOPS are accepted",
            List.of(ServiceLimits.EBS_SOURCE)),
    /** SageMaker notebook, training and processing instance types are ones the API accepts. */
    PRE_SAGEMAKER_INSTANCE_TYPE("MLI-PRE-26", Severity.ERROR, "SageMaker instance types are accepted by the API",
            List.of(SageMakerInstanceTypes.NOTEBOOK_SOURCE, SageMakerInstanceTypes.TRAINING_SOURCE,
                    SageMakerInstanceTypes.PROCESSING_SOURCE)),
    /** EC2 instance types are well formed and of an existing family. */
    PRE_EC2_INSTANCE_TYPE("MLI-PRE-27", Severity.ERROR, "EC2 instance types are of an existing family",
            List.of(Ec2InstanceTypes.SOURCE, Ec2InstanceTypes.NAMING_SOURCE)),
    /** A CloudTrail trail's key policy lets CloudTrail describe and use the key. */
    PRE_TRAIL_KEY_POLICY("MLI-PRE-28", Severity.ERROR, "CloudTrail may describe and use the trail's key",
            List.of(ServiceKeyPolicies.CLOUDTRAIL_SOURCE)),
    /** Keys of log groups, EBS volumes and notebook volumes allow what those services document. */
    PRE_SERVICE_KEY_POLICY("MLI-PRE-29", Severity.ERROR, "Log group, EBS and SageMaker keys allow the service",
            List.of(ServiceKeyPolicies.LOGS_SOURCE, ServiceKeyPolicies.EBS_SOURCE, ServiceKeyPolicies.SAGEMAKER_SOURCE)),
    /** A pipeline's ECR images are in the pipeline's region. */
    PRE_ECR_IMAGE_REGION("MLI-PRE-30", Severity.ERROR, "SageMaker images are in the stack's region",
            List.of(SageMakerImages.REGION_SOURCE)),
    /** A workload's subnets, security groups and VPC belong to one VPC. */
    PRE_ONE_VPC("MLI-PRE-31", Severity.ERROR, "A workload's subnets and security groups are of one VPC",
            List.of(SecurityGroupRules.VPC_SOURCE, SageMakerInstanceTypes.NOTEBOOK_SOURCE));

    /** The id prefix of preflight controls. */
    public static final String PREFLIGHT_PREFIX = "MLI-PRE-";

    private final String id;
    private final Severity severity;
    private final String title;
    private final List<String> maps;
    private final List<String> sources;

    Control(String id, Severity severity, String title, String... maps) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.maps = List.of(maps);
        this.sources = List.of();
    }

    Control(String id, Severity severity, String title, List<String> sources) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.maps = List.of();
        this.sources = List.copyOf(sources);
    }

    /**
     * The pages (AWS documentation or provider source) that set the limit this control checks.
     *
     * @return the source URLs; empty for posture controls, which follow the mapped benchmarks
     */
    public List<String> sources() {
        return sources;
    }

    /**
     * Whether this is a preflight control ({@code MLI-PRE-*}): a finding means AWS or the provider
     * would refuse the deployment. Components can never waive one; a user can suppress a finding
     * with a reason.
     *
     * @return true for a preflight control
     */
    public boolean isPreflight() {
        return id.startsWith(PREFLIGHT_PREFIX);
    }

    /**
     * The stable id.
     *
     * @return e.g. {@code MLI-S3-03}
     */
    public String id() {
        return id;
    }

    /**
     * The default severity of a finding under this control.
     *
     * @return the severity
     */
    public Severity severity() {
        return severity;
    }

    /**
     * A one-line title.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The external controls this control maps to.
     *
     * @return e.g. {@code ["FSBP S3.5", "AwsSolutions-S10"]}; empty when none matches
     */
    public List<String> externalControls() {
        return maps;
    }

    /**
     * Looks a control up by its id.
     *
     * @param id e.g. {@code MLI-S3-03}
     * @return the control, or empty when no control has that id
     */
    public static Optional<Control> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
