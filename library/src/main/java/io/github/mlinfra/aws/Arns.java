package io.github.mlinfra.aws;

import io.github.mlinfra.internal.Check;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one validator per AWS identifier kind that arguments take as text: KMS key ARNs, IAM role
 * ARNs and names, S3 bucket names and ECR repository ARNs. Every component, reference and grant
 * checks these values here, so two components never disagree on what a key ARN is. EC2 ids
 * (subnets, security groups, VPCs) are not here: see the placement classes.
 *
 * <p>Facts looked up 2026-11-30:
 * <ul>
 *   <li>ARN shape {@code arn:<partition>:<service>:<region>:<account>:<resource>} and the
 *       partitions: <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html">IAM
 *       identifiers: ARNs</a>; the partition ids are those of the SDKs' {@code partitions.json}
 *       ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, {@code aws-iso}, {@code aws-iso-b},
 *       {@code aws-iso-e}, {@code aws-iso-f}, {@code aws-eusc}), whose region names
 *       ({@code us-iso-east-1}, {@code us-isob-east-1}, {@code eu-isoe-west-1},
 *       {@code eusc-de-east-1}) this pattern admits.</li>
 *   <li>KMS key ARN {@code arn:<partition>:kms:<region>:<account>:key/<key id>}, the key id a
 *       UUID or, for a multi-Region key, {@code mrk-} and 32 hex digits; an alias ARN is not a key
 *       ARN: <a href="https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id">AWS
 *       KMS concepts: key identifiers</a>.</li>
 *   <li>IAM role ARN {@code arn:<partition>:iam::<account>:role/<path><name>}, a name of 1–64
 *       characters of {@code [\w+=,.@-]}:
 *       <a href="https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html">CreateRole</a>
 *       ({@link ServiceLimits#IAM_ROLE_NAME}).</li>
 *   <li>S3 general purpose bucket names: {@link ServiceLimits#bucketNameProblem(String)}
 *       (<a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html">Bucket
 *       naming rules</a>).</li>
 *   <li>ECR repository ARN {@code arn:<partition>:ecr:<region>:<account>:repository/<name>}, a
 *       name of 2–256 characters matching
 *       {@code (?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*}:
 *       <a href="https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html">CreateRepository</a>.</li>
 * </ul>
 */
public final class Arns {
    private Arns() {}

    /** The partitions, as a regular expression: {@code aws}, {@code aws-cn}, {@code aws-us-gov}, {@code aws-iso*}, {@code aws-eusc}. */
    public static final String PARTITION = "aws(?:-cn|-us-gov|-iso(?:-[a-z])?|-eusc)?";
    /** A region name, as a regular expression (e.g. {@code us-east-1}, {@code us-isob-east-1}, {@code eusc-de-east-1}). */
    public static final String REGION = "[a-z]{2,4}(?:-[a-z]+)+-\\d{1,2}";
    /** A KMS key ARN (never an alias ARN). */
    public static final Pattern KMS_KEY_ARN = Pattern.compile("arn:" + PARTITION + ":kms:" + REGION + ":\\d{12}:key/"
            + "(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})");
    /** What {@link #KMS_KEY_ARN} accepts, in words. */
    public static final String KMS_KEY_ARN_EXPECTED =
            "a KMS key ARN \"arn:<partition>:kms:<region>:<account>:key/<key id>\" (not an alias)";
    /** An IAM role ARN, group 1 the role name (path removed). */
    public static final Pattern ROLE_ARN = Pattern.compile("arn:" + PARTITION
            + ":iam::\\d{12}:role/(?:[\\u0021-\\u007E&&[^/]]+/){0,32}([\\w+=,.@-]{1,64})");
    /** What {@link #ROLE_ARN} accepts, in words. */
    public static final String ROLE_ARN_EXPECTED = "an IAM role ARN \"arn:<partition>:iam::<account>:role/<path/><name>\"";
    /** What a role name may be, in words. */
    public static final String ROLE_NAME_EXPECTED = "at most 64 characters of letters, digits and +=,.@_-";
    /**
     * An IAM managed policy ARN, customer ({@code <account>}) or AWS-managed ({@code aws}) account
     * (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html">IAM ARNs</a>).
     */
    public static final Pattern POLICY_ARN = Pattern.compile("arn:" + PARTITION + ":iam::(?:\\d{12}|aws):policy/[\\w+=,.@/-]+");
    /** An ECR repository ARN. */
    public static final Pattern ECR_REPOSITORY_ARN = Pattern.compile("arn:" + PARTITION + ":ecr:" + REGION
            + ":\\d{12}:repository/(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    /** What {@link #ECR_REPOSITORY_ARN} accepts, in words. */
    public static final String ECR_REPOSITORY_ARN_EXPECTED =
            "an ECR repository ARN \"arn:<partition>:ecr:<region>:<account>:repository/<name>\"";
    /** What a bucket name may be, in words. */
    public static final String BUCKET_NAME_EXPECTED = "an S3 bucket name: 3 to 63 lowercase letters, digits, dots and"
            + " hyphens, starting and ending with a letter or digit, no \"..\", not an IP address, no reserved prefix"
            + " or suffix (" + ServiceLimits.S3_BUCKET_NAME_SOURCE + ")";

    /**
     * Checks a KMS key ARN.
     *
     * @param argument {@code <Args>.<attribute>}, for the message
     * @param arn the value
     * @return the value, when valid
     * @throws io.github.mlinfra.InvalidArgsException when it is not a key ARN (an alias ARN included)
     */
    public static String checkKmsKeyArn(String argument, String arn) {
        Check.matches(argument, arn, KMS_KEY_ARN, KMS_KEY_ARN_EXPECTED);
        return arn;
    }

    /**
     * Checks an IAM role ARN; an assumed-role session ARN ({@code arn:aws:sts::…:assumed-role/…})
     * is refused: it names a session, not a role.
     *
     * @param argument {@code <Args>.<attribute>}, for the message
     * @param arn the value
     * @return the value, when valid
     * @throws io.github.mlinfra.InvalidArgsException when it is not a role ARN
     */
    public static String checkRoleArn(String argument, String arn) {
        if (arn != null && (arn.contains(":assumed-role/") || arn.contains(":sts::"))) {
            Check.fail(argument, "an assumed-role session is not a valid policy principal", arn, ROLE_ARN_EXPECTED);
        }
        Check.matches(argument, arn, ROLE_ARN, ROLE_ARN_EXPECTED);
        return arn;
    }

    /**
     * The role name of a role ARN (its path removed).
     *
     * @param argument {@code <Args>.<attribute>}, for the message
     * @param arn a role ARN
     * @return the role name
     * @throws io.github.mlinfra.InvalidArgsException when it is not a role ARN
     */
    public static String roleNameOf(String argument, String arn) {
        Matcher m = ROLE_ARN.matcher(checkRoleArn(argument, arn));
        if (!m.matches()) {
            throw new IllegalStateException(arn);
        }
        return m.group(1);
    }

    /**
     * Checks an IAM role name.
     *
     * @param argument {@code <Args>.<attribute>}, for the message
     * @param name the value
     * @return the value, when valid
     * @throws io.github.mlinfra.InvalidArgsException when IAM would refuse it
     */
    public static String checkRoleName(String argument, String name) {
        if (name != null && name.length() > 64) {
            Check.fail(argument, "longer than 64 characters (" + name.length() + ")", name, ROLE_NAME_EXPECTED);
        }
        Check.matches(argument, name, ServiceLimits.IAM_ROLE_NAME, ROLE_NAME_EXPECTED);
        return name;
    }

    /**
     * Checks an S3 general purpose bucket name.
     *
     * @param argument {@code <Args>.<attribute>}, for the message
     * @param name the value
     * @return the value, when valid
     * @throws io.github.mlinfra.InvalidArgsException when S3 would refuse it
     */
    public static String checkBucketName(String argument, String name) {
        if (name == null) {
            Check.fail(argument, "must not be null", null, BUCKET_NAME_EXPECTED);
        }
        ServiceLimits.bucketNameProblem(name).ifPresent(p -> Check.fail(argument, p, name, BUCKET_NAME_EXPECTED));
        return name;
    }

    /**
     * Checks an ECR repository ARN.
     *
     * @param argument {@code <Args>.<attribute>}, for the message
     * @param arn the value
     * @return the value, when valid
     * @throws io.github.mlinfra.InvalidArgsException when it is not a repository ARN
     */
    public static String checkEcrRepositoryArn(String argument, String arn) {
        Check.matches(argument, arn, ECR_REPOSITORY_ARN, ECR_REPOSITORY_ARN_EXPECTED);
        return arn;
    }
}
