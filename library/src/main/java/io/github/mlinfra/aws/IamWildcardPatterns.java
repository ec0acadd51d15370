package io.github.mlinfra.aws;

import java.util.regex.Pattern;

/**
 * How an IAM policy matches a value against a pattern in its {@code Action}, {@code NotAction},
 * {@code Resource} and {@code NotResource} elements: {@code *} stands for any run of characters
 * (crossing {@code :} and {@code /}), {@code ?} for any one character, every other character for
 * itself (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html">IAM
 * JSON policy elements: Resource</a>, "Using wildcards in resource ARNs", looked up 2026-11-30).
 * The guard's rules and the external-access evaluator both read policies with these.
 */
public final class IamWildcardPatterns {
    private IamWildcardPatterns() {}

    /**
     * Whether a pattern matches a value, letter case counting.
     *
     * @param pattern the pattern, e.g. {@code arn:aws:s3:::bucket/*}
     * @param value the value, e.g. {@code arn:aws:s3:::bucket/key}
     * @return true when the whole value matches
     */
    public static boolean matches(String pattern, String value) {
        return Pattern.matches(regex(pattern), value);
    }

    /**
     * Whether a pattern matches a value, ignoring the case of ASCII letters (IAM action names are
     * case-insensitive).
     *
     * @param pattern the pattern, e.g. {@code s3:Get*}
     * @param value the value, e.g. {@code s3:getobject}
     * @return true when the whole value matches
     */
    public static boolean matchesIgnoringCase(String pattern, String value) {
        return Pattern.matches("(?i)" + regex(pattern), value);
    }

    private static String regex(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
