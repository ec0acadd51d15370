package io.github.mlinfra.aws;

import io.github.mlinfra.internal.Digests;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AWS's rules for the physical names mlinfra fixes, and the derivation of such names from the
 * Pulumi project and stack, so two stacks of one program in one account never collide.
 *
 * <p>A fixed physical name ({@code alias/mlinfra/ckpt}, {@code /mlinfra/vpc-flow-logs/net}, a
 * notebook called {@code posture}) is unique per account and region (IAM names per account), so
 * a {@code dev} and a {@code prod} stack of the same program fail with {@code AlreadyExists}.
 * {@link #derive(Rule, String, String, String...)} joins {@code project}, {@code stack} and the
 * component's own parts with the rule's separator, replaces every character the rule does not
 * allow with a hyphen, and, when that replacement lost information (two stacks {@code a_b} and
 * {@code a.b} would both read {@code a-b}) or the name is too long, keeps a prefix and appends
 * {@code -} and 8 hex characters of the SHA-256 of the unsanitised parts, so distinct inputs keep
 * distinct names. Names a user gives are kept verbatim and only checked with
 * {@link #problem(Rule, String)}.
 *
 * <p>Rules looked up 2026-11-30; each {@link Rule} names its page.
 */
public final class NameRules {
    private NameRules() {}

    /** The length of the hash suffix, in hex characters. */
    public static final int HASH_LENGTH = 8;

    /** One service's rule for one kind of name. */
    public enum Rule {
        /**
         * A KMS alias: {@code alias/} then letters, digits, {@code / _ -}, 1–256 characters in all,
         * not under {@code alias/aws/}
         * (<a href="https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html">Create aliases</a>).
         */
        KMS_ALIAS("alias/", 256, Pattern.compile("alias/(?!aws/)[a-zA-Z0-9/_-]+"), "[^a-zA-Z0-9_-]", "/",
                "https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html"),
        /**
         * A CloudWatch Logs log group: 1–512 characters of {@code a-z A-Z 0-9 _ - / . #}
         * (<a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html">CreateLogGroup</a>).
         */
        LOG_GROUP("/", 512, Pattern.compile("[\\.\\-_/#A-Za-z0-9]{1,512}"), "[^a-zA-Z0-9_.-]", "/",
                "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html"),
        /**
         * A SageMaker notebook instance: at most 63 characters matching
         * {@code [a-zA-Z0-9](-*[a-zA-Z0-9])*}
         * (<a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstance.html">CreateNotebookInstance</a>,
         * <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/API_StartNotebookInstance.html">StartNotebookInstance</a>).
         */
        SAGEMAKER_NOTEBOOK(63, "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstance.html"),
        /**
         * A SageMaker notebook lifecycle configuration: at most 63 characters matching
         * {@code [a-zA-Z0-9](-*[a-zA-Z0-9])*}
         * (<a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstanceLifecycleConfig.html">CreateNotebookInstanceLifecycleConfig</a>).
         */
        SAGEMAKER_LIFECYCLE_CONFIG(63, "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstanceLifecycleConfig.html"),
        /**
         * A SageMaker pipeline: 1–256 characters matching {@code [a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}}
         * (<a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreatePipeline.html">CreatePipeline</a>).
         */
        SAGEMAKER_PIPELINE(256, "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreatePipeline.html"),
        /**
         * A SageMaker model package group: 1–63 characters matching {@code [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}}
         * (<a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelPackageGroup.html">CreateModelPackageGroup</a>).
         */
        SAGEMAKER_MODEL_PACKAGE_GROUP(63, "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelPackageGroup.html"),
        /**
         * A CloudTrail trail: 3–128 ASCII letters, digits, {@code . _ -}, starting and ending with a
         * letter or digit, no two of {@code . _ -} adjacent, not an IP address
         * (<a href="https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html">CreateTrail</a>).
         */
        CLOUDTRAIL_TRAIL("", 128, Pattern.compile("(?!\\d+\\.\\d+\\.\\d+\\.\\d+$)[a-zA-Z0-9]([._-]?[a-zA-Z0-9]){2,127}"),
                "[^a-zA-Z0-9]", "-",
                "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html"),
        /**
         * An IAM role: 1–64 characters of letters, digits and {@code + = , . @ _ -}; names are
         * account-wide, so a derived one always carries project and stack (never the region)
         * (<a href="https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html">CreateRole</a>).
         */
        IAM_ROLE("", 64, Pattern.compile("[\\w+=,.@-]{1,64}"), "[^a-zA-Z0-9+=,.@_-]", "-",
                "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html"),
        /**
         * An IAM role's inline policy: 1–128 characters of letters, digits and {@code + = , . @ _ -};
         * unique per role only, and {@code PutRolePolicy} "adds or updates" the policy of that name,
         * so a second policy of the same name silently replaces the first
         * (<a href="https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html">PutRolePolicy</a>).
         */
        IAM_INLINE_POLICY("", 128, Pattern.compile("[\\w+=,.@-]{1,128}"), "[^a-zA-Z0-9+=,.@_-]", "-",
                "https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html");

        private final String prefix;
        private final int maxLength;
        private final Pattern pattern;
        private final Pattern disallowed;
        private final String separator;
        private final String source;

        /**
         * A SageMaker name: at most {@code maxLength} characters matching
         * {@code [a-zA-Z0-9](-*[a-zA-Z0-9])*}, so a derived one joins its parts with hyphens.
         */
        Rule(int maxLength, String source) {
            this("", maxLength, Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0," + (maxLength - 1) + "}"), "[^a-zA-Z0-9]",
                    "-", source);
        }

        Rule(String prefix, int maxLength, Pattern pattern, String disallowed, String separator, String source) {
            this.prefix = prefix;
            this.maxLength = maxLength;
            this.pattern = pattern;
            this.disallowed = Pattern.compile(disallowed);
            this.separator = separator;
            this.source = source;
        }

        /**
         * The longest name, prefix included.
         *
         * @return the length limit
         */
        public int maxLength() {
            return maxLength;
        }

        /**
         * The whole-name pattern.
         *
         * @return the pattern
         */
        public Pattern pattern() {
            return pattern;
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

    /**
     * What is wrong with a name under a rule, if anything.
     *
     * @param rule the rule
     * @param name the name
     * @return the problem, or empty when the service accepts the name
     */
    public static Optional<String> problem(Rule rule, String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("empty name");
        }
        if (name.length() > rule.maxLength) {
            return Optional.of("longer than " + rule.maxLength + " characters (" + name.length() + ")");
        }
        if (!rule.pattern.matcher(name).matches()) {
            return Optional.of("does not match " + rule.pattern.pattern() + " (" + rule.source + ")");
        }
        return Optional.empty();
    }

    /**
     * A physical name under a rule, derived from the Pulumi project and stack and the component's
     * own parts: {@code <prefix>mlinfra<sep><project><sep><stack><sep><part>…}, sanitised to the
     * rule's characters and shortened with a hash when too long or when sanitising lost
     * information. Deterministic: the same inputs give the same name.
     *
     * <pre>{@code
     * NameRules.derive(Rule.KMS_ALIAS, "checkpoints", "prod", "ckpt")  // alias/mlinfra/checkpoints/prod/ckpt
     * NameRules.derive(Rule.SAGEMAKER_NOTEBOOK, "posture", "dev_eu", "nb")  // mlinfra-posture-dev-eu-nb-<8 hex>
     * }</pre>
     *
     * @param rule the service's rule
     * @param project the Pulumi project name
     * @param stack the Pulumi stack name (may hold {@code _} and {@code .})
     * @param parts the component's own parts, e.g. the component name
     * @return a name the service accepts
     */
    public static String derive(Rule rule, String project, String stack, String... parts) {
        StringBuilder raw = new StringBuilder("mlinfra");
        for (String p : concat(project, stack, parts)) {
            raw.append('\u0000').append(p);
        }
        StringBuilder clean = new StringBuilder("mlinfra");
        for (String p : concat(project, stack, parts)) {
            clean.append(rule.separator).append(sanitise(rule, p));
        }
        String body = clean.toString();
        boolean lossy = !body.equals(raw.toString().replace("\u0000", rule.separator));
        String name = rule.prefix + body;
        if (!lossy && name.length() <= rule.maxLength && rule.pattern.matcher(name).matches()) {
            return name;
        }
        String hash = hash(raw.toString());
        int keep = rule.maxLength - rule.prefix.length() - 1 - HASH_LENGTH;
        String head = body.length() > keep ? body.substring(0, keep) : body;
        head = trimSeparators(head);
        String out = rule.prefix + head + "-" + hash;
        if (!rule.pattern.matcher(out).matches()) {
            throw new IllegalStateException("derived name breaks its own rule " + rule + ": " + out);
        }
        return out;
    }

    private static String[] concat(String project, String stack, String[] parts) {
        String[] all = new String[parts.length + 2];
        all[0] = project;
        all[1] = stack;
        System.arraycopy(parts, 0, all, 2, parts.length);
        return all;
    }

    private static String sanitise(Rule rule, String part) {
        String s = rule.disallowed.matcher(part).replaceAll("-");
        s = s.replaceAll("-{2,}", "-");
        s = trimSeparators(s);
        return s.isEmpty() ? "x" : s;
    }

    private static String trimSeparators(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && !Character.isLetterOrDigit(s.charAt(a))) {
            a++;
        }
        while (b > a && !Character.isLetterOrDigit(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    /**
     * The first {@value #HASH_LENGTH} hex characters of the SHA-256 of a text.
     *
     * @param text the text
     * @return lower-case hex
     */
    public static String hash(String text) {
        return Digests.sha256Hex(text, HASH_LENGTH);
    }
}
