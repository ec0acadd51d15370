package io.github.mlinfra.aws;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How {@code pulumi-aws} 6.83 auto-names a resource that is given no physical name, per type, and
 * which of those names AWS would then refuse. The provider derives the name from the logical name:
 * an optional transform (S3 lowercases), then {@code -} and 7 random hex characters; when the
 * result would exceed the type's maximum length it fails the deployment instead of cutting the name
 * ({@code NewUniqueHex} refuses a prefix that leaves no room for the random part). It does not check
 * the character set, so a logical name such as {@code TeamCkpt_Prod} reaches AWS and is refused there.
 *
 * <p>Source: {@code provider/resources.go} of pulumi/pulumi-aws
 * (https://github.com/pulumi/pulumi-aws/blob/master/provider/resources.go), looked up 2026-11-30:
 * {@code "aws_s3_bucket"} (token {@code BucketV2}) and {@code "aws_s3_bucket_legacy"} (token
 * {@code Bucket}) have {@code "bucket": tfbridge.AutoNameTransform("bucket", 63, strings.ToLower)};
 * {@code "aws_iam_role"} has {@code "name": tfbridge.AutoName("name", 64, "-")}; every other resource
 * with an optional or required {@code name} input gets {@code tfbridge.AutoName("name", 255, "-")}
 * from {@code setAutonaming} (maxLength 255, separator "-"). The random part is 7 hex characters
 * ({@code AutoName} calls {@code resource.NewUniqueHex(name + sep, 7, maxlen)}).
 *
 * <p>Character sets AWS enforces on the result: S3 bucket names, lowercase letters, digits,
 * {@code .} and {@code -}, beginning and ending with a letter or digit
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html, 2026-11-30); IAM
 * role names, {@link NameRules.Rule#IAM_ROLE}. For the other types the provider's default applies
 * and no character set is judged here.
 */
public final class AutoNames {
    private AutoNames() {}

    /** Length of the random hex suffix the provider appends. */
    public static final int RANDOM_HEX = 7;
    /** The separator between logical name and random suffix. */
    public static final String SEPARATOR = "-";
    /** The maximum length {@code setAutonaming} gives every {@code name} input without an override. */
    public static final int DEFAULT_MAX_LENGTH = 255;

    /**
     * One type's auto-naming rule.
     *
     * @param property the input the provider fills, e.g. {@code bucket}
     * @param maxLength the longest name the provider accepts, suffix included
     * @param lowercase whether the provider lowercases the logical name first
     * @param allowed the character rule AWS enforces on the result, if judged here
     * @param expected the allowed set in words, for messages
     * @param source where the rule comes from
     */
    public record Rule(String property, int maxLength, boolean lowercase, Optional<Pattern> allowed, String expected,
                       String source) {}

    private static final String RESOURCES_GO = "https://github.com/pulumi/pulumi-aws/blob/master/provider/resources.go";
    private static final Rule S3 = new Rule("bucket", 63, true,
            Optional.of(Pattern.compile("[a-z0-9][a-z0-9.-]*[a-z0-9]")),
            "lowercase letters, digits, . and -, beginning and ending with a letter or digit, at most 63 characters",
            RESOURCES_GO + " (AutoNameTransform(\"bucket\", 63, ToLower)); "
                    + "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html");

    private static final String DEFAULT_NAMING = RESOURCES_GO + " (no override: setAutonaming, AutoName(\"name\", 255, \"-\"))";

    /**
     * The per-type rules, by Pulumi type token: the provider's overrides read in {@code resources.go}
     * (S3 buckets, IAM roles), and for the types the library emits auto-named or may (IAM policies and
     * instance profiles, security groups, log groups, trails) the provider's default length with the
     * character set and length AWS enforces on the result, so a name the provider would send and AWS
     * refuse fails the plan. {@code resources.go} (read 2026-11-30 at commit
     * {@code 00ba5ea53c2548fd367776345b7c52f191ce1372}) gives {@code aws_iam_instance_profile} and
     * {@code aws_iam_policy} no {@code name} override, so the provider generates up to 255 characters
     * while IAM accepts 128 (CreatePolicy, CreateInstanceProfile: {@code [\w+=,.@-]+}, 1 to 128,
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html); security
     * groups: {@link ServiceLimits#SECURITY_GROUP_TEXT} and no {@code sg-} prefix
     * ({@link ServiceLimits#SECURITY_GROUP_NAME_SOURCE}); log groups and trails: {@link NameRules}.
     */
    public static final Map<String, Rule> RULES = Map.of(
            "aws:s3/bucketV2:BucketV2", S3,
            "aws:s3/bucket:Bucket", S3,
            "aws:iam/role:Role", new Rule("name", 64, false, Optional.of(NameRules.Rule.IAM_ROLE.pattern()),
                    "letters, digits and + = , . @ _ -, at most 64 characters",
                    RESOURCES_GO + " (AutoName(\"name\", 64, \"-\"))"),
            "aws:iam/policy:Policy", new Rule("name", DEFAULT_MAX_LENGTH, false, Optional.of(ServiceLimits.IAM_NAME_128),
                    "letters, digits and + = , . @ _ -, at most 128 characters (CreatePolicy)",
                    DEFAULT_NAMING + "; https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html"),
            "aws:iam/instanceProfile:InstanceProfile", new Rule("name", DEFAULT_MAX_LENGTH, false,
                    Optional.of(ServiceLimits.IAM_NAME_128),
                    "letters, digits and + = , . @ _ -, at most 128 characters (CreateInstanceProfile)",
                    DEFAULT_NAMING + "; https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html"),
            "aws:ec2/securityGroup:SecurityGroup", new Rule("name", DEFAULT_MAX_LENGTH, false,
                    Optional.of(Pattern.compile("(?![sS][gG]-)" + ServiceLimits.SECURITY_GROUP_TEXT.pattern())),
                    "a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*, not starting with sg-, at most 255 characters",
                    DEFAULT_NAMING + "; " + ServiceLimits.SECURITY_GROUP_NAME_SOURCE),
            "aws:cloudwatch/logGroup:LogGroup", new Rule("name", DEFAULT_MAX_LENGTH, false,
                    Optional.of(NameRules.Rule.LOG_GROUP.pattern()), "letters, digits and . - _ / #",
                    DEFAULT_NAMING + "; " + NameRules.Rule.LOG_GROUP.source()),
            "aws:cloudtrail/trail:Trail", new Rule("name", DEFAULT_MAX_LENGTH, false,
                    Optional.of(Pattern.compile("(?=.{3,128}$)" + NameRules.Rule.CLOUDTRAIL_TRAIL.pattern().pattern())),
                    "3 to 128 letters, digits, . _ -, starting and ending with a letter or digit, no adjacent separators",
                    DEFAULT_NAMING + "; " + NameRules.Rule.CLOUDTRAIL_TRAIL.source()));

    /** The rule {@code setAutonaming} gives a type's {@code name} input when no override exists. */
    public static final Rule DEFAULT = new Rule("name", DEFAULT_MAX_LENGTH, false, Optional.empty(),
            "at most 255 characters", RESOURCES_GO + " (setAutonaming: AutoName(\"name\", 255, \"-\"))");

    /**
     * The rule for a type.
     *
     * @param type the Pulumi type token
     * @return its override, or {@link #DEFAULT}
     */
    public static Rule rule(String type) {
        return RULES.getOrDefault(type, DEFAULT);
    }

    /**
     * The name the provider would generate, or why it or AWS would refuse it.
     *
     * @param type the Pulumi type token
     * @param logicalName the resource's logical name
     * @param randomHex the 7 hex characters standing in for the provider's random part
     * @return the physical name
     * @throws IllegalArgumentException naming the name, the rule and its source when the provider
     *         would fail (too long) or AWS would refuse the name (character set)
     */
    public static String name(String type, String logicalName, String randomHex) {
        Rule rule = rule(type);
        String base = rule.lowercase() ? logicalName.toLowerCase(Locale.ROOT) : logicalName;
        String name = base + SEPARATOR + randomHex;
        if (name.length() > rule.maxLength()) {
            throw new IllegalArgumentException("auto-named " + rule.property() + " '" + base + "' plus '" + SEPARATOR
                    + "' and " + RANDOM_HEX + " random characters is " + name.length() + " characters, longer than the "
                    + rule.maxLength() + " pulumi-aws allows for " + type + " (the provider fails, it does not cut the name); "
                    + "give a shorter logical name or set " + rule.property() + " (rule: " + rule.source() + ")");
        }
        if (rule.allowed().isPresent() && !rule.allowed().get().matcher(name).matches()) {
            throw new IllegalArgumentException("auto-named " + rule.property() + " '" + name + "' (from logical name '"
                    + logicalName + "') is not a name AWS accepts for " + type + "; expected " + rule.expected()
                    + "; give a logical name of those characters or set " + rule.property() + " (rule: " + rule.source() + ")");
        }
        return name;
    }
}
