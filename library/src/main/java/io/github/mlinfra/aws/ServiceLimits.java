package io.github.mlinfra.aws;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names, values and sizes AWS refuses outside documented limits, read by the preflight rules
 * ({@code MLI-PRE-*}). Each fact cites the page that sets it; all looked up on 2026-11-30.
 *
 * <p>Re-verified 2026-11-30 against the pages' text: the bucket policy 20 KB, the key policy 32 KB
 * and the user data 16 KB sentences (three sources corrected to the pages that carry them), the
 * flow log intervals 60/600 (CreateFlowLogs), the IAM quotas page, the bucket naming rules. The
 * other API reference pages (CreateRole, ScheduleKeyDeletion, PutRetentionPolicy,
 * CreateSecurityGroup, CreateVolume, NotebookInstanceLifecycleHook, CreatePipeline) were not found
 * in the search index that day and stay as cited, with their constraints cross-checked against the
 * AWS service models in {@code BotocoreCrossCheckTest} where the models carry them.
 */
public final class ServiceLimits {
    private ServiceLimits() {}

    /** When these facts were looked up. */
    public static final String LOOKED_UP = "2026-11-30";

    // --- S3 ----------------------------------------------------------------------------------
    /** General purpose bucket naming rules. */
    public static final String S3_BUCKET_NAME_SOURCE =
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html";
    /** 3 to 63 lowercase letters, digits, dots and hyphens, beginning and ending with a letter or digit. */
    public static final Pattern S3_BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    /** Prefixes AWS reserves for bucket names. */
    public static final List<String> S3_RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    /** Suffixes AWS reserves for bucket names. */
    public static final List<String> S3_RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");
    private static final Pattern IP_SHAPED = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    /**
     * What is wrong with a general purpose bucket name.
     *
     * @param name the name
     * @return the problem, or empty when AWS accepts it
     */
    public static Optional<String> bucketNameProblem(String name) {
        if (name.length() < 3 || name.length() > 63) {
            return Optional.of("bucket name must be 3 to 63 characters (" + name.length() + ")");
        }
        if (!S3_BUCKET_NAME.matcher(name).matches()) {
            return Optional.of("bucket name must be lowercase letters, digits, dots and hyphens, beginning and ending "
                    + "with a letter or digit");
        }
        if (name.contains("..")) {
            return Optional.of("bucket name has two adjacent dots");
        }
        if (IP_SHAPED.matcher(name).matches()) {
            return Optional.of("bucket name is formatted as an IP address");
        }
        for (String p : S3_RESERVED_PREFIXES) {
            if (name.startsWith(p)) {
                return Optional.of("bucket name starts with the reserved prefix " + p);
            }
        }
        for (String x : S3_RESERVED_SUFFIXES) {
            if (name.endsWith(x)) {
                return Optional.of("bucket name ends with the reserved suffix " + x);
            }
        }
        return Optional.empty();
    }

    /**
     * "Bucket policies are limited to 20 KB in size." (Bucket policies and user policies; the
     * sentence is on this page, not on the bucket-policies page cited before 2026-11-30.)
     */
    public static final String BUCKET_POLICY_SOURCE =
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-iam-policies.html";
    /** The bucket policy size limit, bytes. */
    public static final int BUCKET_POLICY_BYTES = 20 * 1024;

    // --- IAM ---------------------------------------------------------------------------------
    /** CreateRole / CreatePolicy / CreateInstanceProfile name and path patterns. */
    public static final String IAM_NAME_SOURCE = "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html";
    /** Role names: {@code [\w+=,.@-]+}, 1 to 64 characters. */
    public static final Pattern IAM_ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    /**
     * Managed policy, inline policy and instance-profile names: {@code [\w+=,.@-]+}, 1 to 128
     * characters (API_CreatePolicy, API_PutRolePolicy, API_CreateInstanceProfile).
     */
    public static final Pattern IAM_NAME_128 = Pattern.compile("[\\w+=,.@-]{1,128}");
    /** Paths: {@code /} or {@code /.../} of printable ASCII, at most 512 characters. */
    public static final Pattern IAM_PATH = Pattern.compile("/|/[\\u0021-\\u007E]{1,510}/");
    /** "In IAM, the Sid value is limited to ASCII uppercase letters (A-Z), lowercase letters (a-z), and numbers (0-9)." */
    public static final String IAM_SID_SOURCE =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html";
    /** An IAM identity policy Sid. */
    public static final Pattern IAM_SID = Pattern.compile("[A-Za-z0-9]*");
    /** IAM character quotas (whitespace not counted). */
    public static final String IAM_QUOTAS_SOURCE =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html";
    /** Role inline policies, all together, characters without whitespace. */
    public static final int IAM_ROLE_INLINE_TOTAL = 10_240;
    /** One managed policy, characters without whitespace. */
    public static final int IAM_MANAGED_POLICY = 6_144;
    /** A role trust policy, characters without whitespace: the default of an adjustable quota (up to 4,096). */
    public static final int IAM_TRUST_POLICY_DEFAULT = 2_048;

    /**
     * The length IAM counts for a policy: characters without whitespace.
     *
     * @param json the policy text
     * @return the count
     */
    public static int iamLength(String json) {
        return json.replaceAll("\\s", "").length();
    }

    // --- KMS ---------------------------------------------------------------------------------
    /** ScheduleKeyDeletion: PendingWindowInDays 7 to 30. */
    public static final String KMS_WINDOW_SOURCE = "https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html";
    /** Shortest deletion window, days. */
    public static final int KMS_WINDOW_MIN = 7;
    /** Longest deletion window, days. */
    public static final int KMS_WINDOW_MAX = 30;
    /**
     * Key policy format: "Up to 32 kilobytes (32,768 bytes)" (Create a key policy; the resource
     * quotas page cited before 2026-11-30 no longer lists the key policy size).
     */
    public static final String KEY_POLICY_SOURCE = "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html";
    /** The key policy size limit, bytes. */
    public static final int KEY_POLICY_BYTES = 32 * 1024;

    // --- CloudWatch Logs -----------------------------------------------------------------------
    /** PutRetentionPolicy: retentionInDays is one of a fixed set. */
    public static final String LOG_RETENTION_SOURCE =
            "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html";
    /**
     * The retention values the API accepts; the provider also takes 0, meaning "never expire"
     * (no retention policy is sent).
     */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    // --- CloudTrail ----------------------------------------------------------------------------
    /**
     * CreateTrail fails with InsufficientS3BucketPolicyException when the bucket policy does not
     * yet let CloudTrail write: the trail must be created after the policy.
     */
    public static final String TRAIL_BUCKET_POLICY_SOURCE =
            "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html";

    // --- EC2 / VPC -----------------------------------------------------------------------------
    /** CreateSecurityGroup: name and description, up to 255 characters of a fixed set in a VPC. */
    public static final String SECURITY_GROUP_NAME_SOURCE =
            "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html";
    /** {@code "a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*"}, 1 to 255 characters. */
    public static final Pattern SECURITY_GROUP_TEXT = Pattern.compile("[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]{1,255}");
    /** Names cannot start with this prefix. */
    public static final String SECURITY_GROUP_RESERVED_PREFIX = "sg-";
    /** Inbound or outbound rules per security group: an adjustable quota. */
    public static final String SG_RULES_SOURCE =
            "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups";
    /** The default of the rules-per-group quota, for each direction. */
    public static final int SG_RULES_DEFAULT = 60;
    /** CreateFlowLogs: MaxAggregationInterval is 60 or 600 seconds. */
    public static final String FLOW_LOG_INTERVAL_SOURCE = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateFlowLogs.html";
    /** The accepted aggregation intervals, seconds. */
    public static final List<Integer> FLOW_LOG_INTERVALS = List.of(60, 600);
    /**
     * "User data is limited to 16 KB, in raw form, before it is base64-encoded." (Work with instance
     * user data, Considerations; the sentence is on this page.)
     */
    public static final String USER_DATA_SOURCE =
            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html";
    /** The user data limit, bytes before base64. */
    public static final int USER_DATA_BYTES = 16 * 1024;

    /**
     * EBS volume types and their size (GiB) and IOPS ranges, from the newest EC2 API reference
     * (ModifyVolume/CreateVolume: gp3 up to 65,536 GiB since 2025; gp3 IOPS up to 80,000 since the
     * same change, older pages say 16,000; we take the wider range so no valid volume is refused).
     */
    public static final String EBS_SOURCE = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html";

    /** One EBS volume type: size and IOPS ranges ({@code iopsMax} 0 when IOPS cannot be set). */
    public record EbsType(int minGiB, int maxGiB, int iopsMin, int iopsMax) {}

    /** The EBS volume types CreateVolume accepts. */
    public static final java.util.Map<String, EbsType> EBS_TYPES = java.util.Map.of(
            "standard", new EbsType(1, 1_024, 0, 0),
            "gp2", new EbsType(1, 16_384, 0, 0),
            "gp3", new EbsType(1, 65_536, 3_000, 80_000),
            "io1", new EbsType(4, 16_384, 100, 64_000),
            "io2", new EbsType(4, 65_536, 100, 256_000),
            "st1", new EbsType(125, 16_384, 0, 0),
            "sc1", new EbsType(125, 16_384, 0, 0));

    /**
     * What is wrong with an EBS volume's type, size and IOPS.
     *
     * @param type the volume type; null when unset (the default, gp2 or gp3, is accepted)
     * @param sizeGiB the size; null when unset
     * @param iops the IOPS; null when unset
     * @return the problem, or empty
     */
    public static Optional<String> ebsProblem(String type, Long sizeGiB, Long iops) {
        if (type == null) {
            return Optional.empty();
        }
        EbsType t = EBS_TYPES.get(type);
        if (t == null) {
            return Optional.of("volume type " + type + " is not one of " + new java.util.TreeSet<>(EBS_TYPES.keySet()));
        }
        if (sizeGiB != null && (sizeGiB < t.minGiB() || sizeGiB > t.maxGiB())) {
            return Optional.of(type + " size " + sizeGiB + " GiB is outside " + t.minGiB() + " to " + t.maxGiB());
        }
        if (iops != null && iops != 0 && t.iopsMax() == 0) {
            return Optional.of(type + " takes no IOPS setting; got " + iops);
        }
        if (iops != null && t.iopsMax() > 0 && (iops < t.iopsMin() || iops > t.iopsMax())) {
            return Optional.of(type + " IOPS " + iops + " is outside " + t.iopsMin() + " to " + t.iopsMax());
        }
        return Optional.empty();
    }

    // --- SageMaker -----------------------------------------------------------------------------
    /** NotebookInstanceLifecycleHook.Content: a base64 string of at most 16,384 characters. */
    public static final String LIFECYCLE_SCRIPT_SOURCE =
            "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_NotebookInstanceLifecycleHook.html";
    /** The lifecycle script limit, base64 characters. */
    public static final int LIFECYCLE_SCRIPT_CHARS = 16_384;
    /** CreatePipeline: PipelineDefinition at most 1,048,576 characters. */
    public static final String PIPELINE_DEFINITION_SOURCE =
            "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreatePipeline.html";
    /** The pipeline definition limit, characters. */
    public static final int PIPELINE_DEFINITION_CHARS = 1_048_576;
}
