package io.github.mlinfra.aws;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AWS's rules for resource tags, per service mlinfra tags, and the common rule set mlinfra applies
 * to every tag it sends (the strictest of them, so one tag map is valid on every resource).
 *
 * <p>Looked up 2026-11-30:
 * <ul>
 *   <li>S3: key 1–128, value 0–256, both {@code [\p{L}\p{Z}\p{N}_.:/=+\-@]*}
 *       (<a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_S3Tag.html">S3Tag</a>);
 *       a {@code PutBucketTagging} with another character fails with {@code InvalidTag}.</li>
 *   <li>IAM: key 1–128 {@code [\p{L}\p{Z}\p{N}_.:/=+\-@]+}, value 0–256 {@code [\p{L}\p{Z}\p{N}_.:/=+\-@]*}
 *       (<a href="https://docs.aws.amazon.com/IAM/latest/APIReference/API_Tag.html">IAM Tag</a>).</li>
 *   <li>CloudWatch Logs: key 1–128, value 0–256, at most 50 tags per log group
 *       (<a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_TagResource.html">TagResource</a>).</li>
 *   <li>SageMaker: key 1–128, value 0–256, both {@code ([\p{L}\p{Z}\p{N}_.:/=+\-@]*)}
 *       (<a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_Tag.html">SageMaker Tag</a>).</li>
 *   <li>EC2 and VPC resources: at most 50 tags per resource, key 1–128 and value 0–256 Unicode
 *       characters, {@code aws:} reserved
 *       (<a href="https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Tags.html#tag-restrictions">EC2 tag restrictions</a>,
 *       which AWS's billing guide names as the basic rules:
 *       <a href="https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/allocation-tag-restrictions.html">user-defined tag restrictions</a>);
 *       "if your tagging schema is used across multiple services and resources, remember that other
 *       services may have restrictions on allowed characters. Generally allowed characters are
 *       letters, numbers, spaces representable in UTF-8, and + - = . _ : / @"
 *       (<a href="https://docs.aws.amazon.com/batch/latest/userguide/tag-restrictions.html">tag restrictions</a>),
 *       so EC2 tags keep to that common alphabet too.</li>
 *   <li>KMS: key 1–128, value 0–256 (<a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html">KMS Tag</a>);
 *       its CloudFormation page lists letters, digits, whitespace and {@code _ . / = + -} for values
 *       (<a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-kms-key-tag.html">AWS::KMS::Key Tag</a>),
 *       narrower than the API, which sets no pattern; mlinfra follows the API and the common set.</li>
 *   <li>CloudTrail: key 1–128, value <b>1</b>–256 (an empty value is refused), at most 50 tags
 *       (<a href="https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Tag.html">CloudTrail Tag</a>,
 *       <a href="https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AddTags.html">AddTags</a>);
 *       {@code InvalidTagParameterException} names the pattern {@code ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$}.</li>
 *   <li>Everywhere: keys starting with {@code aws:} (any case) are reserved for AWS
 *       (<a href="https://docs.aws.amazon.com/batch/latest/userguide/tag-restrictions.html">tag restrictions</a>).</li>
 * </ul>
 */
public final class TagRules {
    private TagRules() {}

    /** The longest tag key, in Unicode characters, on every service. */
    public static final int MAX_KEY_LENGTH = 128;
    /** The longest tag value, in Unicode characters, on every service. */
    public static final int MAX_VALUE_LENGTH = 256;
    /** The most user tags one resource may carry, on every service mlinfra tags. */
    public static final int MAX_TAGS = 50;
    /** The key prefix AWS reserves for itself (compared case-insensitively). */
    public static final String AWS_PREFIX = "aws:";
    /** One character of AWS's common tag alphabet: Unicode letters, digits, spaces and {@code _ . : / = + - @}. */
    public static final Pattern CHARACTER = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]");
    /** AWS's common tag alphabet, as S3, IAM, SageMaker and CloudTrail write it. */
    public static final Pattern ALPHABET = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    /** The allowed characters in words, for messages. */
    public static final String ALPHABET_WORDS = "Unicode letters, digits, spaces and _ . : / = + - @";

    /** A service mlinfra tags resources of, with the page that sets its rule. */
    public enum Service {
        /** Amazon S3 buckets. */
        S3(0, "https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_S3Tag.html"),
        /** IAM roles and instance profiles. */
        IAM(0, "https://docs.aws.amazon.com/IAM/latest/APIReference/API_Tag.html"),
        /** CloudWatch Logs log groups. */
        LOGS(0, "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_TagResource.html"),
        /** SageMaker notebooks, pipelines, model package groups. */
        SAGEMAKER(0, "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_Tag.html"),
        /** EC2 instances, volumes, security groups. */
        EC2(0, "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Tags.html#tag-restrictions"),
        /** KMS keys. */
        KMS(0, "https://docs.aws.amazon.com/kms/latest/APIReference/API_Tag.html"),
        /** CloudTrail trails: values may not be empty. */
        CLOUDTRAIL(1, "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Tag.html"),
        /** VPCs, subnets, route tables, endpoints, flow logs (EC2's rules). */
        VPC(0, "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Tags.html#tag-restrictions");

        private final int minValueLength;
        private final String source;

        Service(int minValueLength, String source) {
            this.minValueLength = minValueLength;
            this.source = source;
        }

        /**
         * The service's name as AWS writes it.
         *
         * @return e.g. {@code CloudTrail}
         */
        public String displayName() {
            switch (this) {
                case LOGS: return "CloudWatch Logs";
                case SAGEMAKER: return "SageMaker";
                case CLOUDTRAIL: return "CloudTrail";
                default: return name();
            }
        }

        /**
         * The shortest value the service accepts.
         *
         * @return 0, or 1 for CloudTrail
         */
        public int minValueLength() {
            return minValueLength;
        }

        /**
         * The page that sets the rule.
         *
         * @return the URL
         */
        public String source() {
            return source;
        }
    }

    /** The services whose rules every mlinfra tag satisfies at once. */
    public static final List<Service> ALL = List.of(Service.values());

    /**
     * What is wrong with a tag key on any service, if anything.
     *
     * @param key the key
     * @return the problem, or empty when every service accepts the key
     */
    public static Optional<String> keyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("empty tag key");
        }
        int n = key.codePointCount(0, key.length());
        if (n > MAX_KEY_LENGTH) {
            return Optional.of("tag key longer than " + MAX_KEY_LENGTH + " characters (" + n + ")");
        }
        if (key.toLowerCase(Locale.ROOT).startsWith(AWS_PREFIX)) {
            return Optional.of("tag key uses the prefix aws:, which AWS reserves");
        }
        if (!ALPHABET.matcher(key).matches()) {
            return Optional.of("tag key has characters outside AWS's tag alphabet");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a tag value on a service, if anything.
     *
     * @param service the service
     * @param value the value
     * @return the problem, or empty when the service accepts the value
     */
    public static Optional<String> valueProblem(Service service, String value) {
        if (value == null) {
            return Optional.of("null tag value");
        }
        int n = value.codePointCount(0, value.length());
        if (n < service.minValueLength()) {
            return Optional.of("empty tag value, which " + service.displayName() + " refuses");
        }
        if (n > MAX_VALUE_LENGTH) {
            return Optional.of("tag value longer than " + MAX_VALUE_LENGTH + " characters (" + n + ")");
        }
        if (!ALPHABET.matcher(value).matches()) {
            return Optional.of("tag value has characters outside AWS's tag alphabet");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a tag value on any service mlinfra tags (CloudTrail's rule included).
     *
     * @param value the value
     * @return the problem, or empty
     */
    public static Optional<String> valueProblem(String value) {
        for (Service s : ALL) {
            Optional<String> p = valueProblem(s, value);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a whole tag map on a service, if anything: each key and value, and the count.
     *
     * @param service the service
     * @param tags the tags
     * @return the first problem, naming the key, or empty
     */
    public static Optional<String> problem(Service service, Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            return Optional.of(tags.size() + " tags, more than the " + MAX_TAGS + " AWS allows on one resource");
        }
        for (Map.Entry<String, String> e : tags.entrySet()) {
            Optional<String> p = keyProblem(e.getKey()).or(() -> valueProblem(service, e.getValue()));
            if (p.isPresent()) {
                return Optional.of(p.get() + " (key \"" + e.getKey() + "\")");
            }
        }
        return Optional.empty();
    }
}
