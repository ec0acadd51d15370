package io.github.mlinfra.storage;

import io.github.mlinfra.internal.Check;
import java.util.regex.Pattern;

/** Validators shared by the storage args: S3 bucket naming, object prefixes (key ARNs: {@link io.github.mlinfra.aws.Arns}). */
final class StorageChecks {
    static final Pattern PREFIX_CHARS = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    /** The longest bucket prefix: Pulumi appends 26 characters to reach S3's 63. */
    static final int MAX_PREFIX = 37;

    private StorageChecks() {}

    /** S3's bucket naming rules, one validator for the library: {@link io.github.mlinfra.aws.Arns#checkBucketName}. */
    static void bucketName(String arg, String name) {
        io.github.mlinfra.aws.Arns.checkBucketName(arg, name);
    }

    static void bucketPrefix(String arg, String prefix) {
        String expected = "1 to " + MAX_PREFIX + " lowercase letters, digits, dots and hyphens, starting with a letter"
                + " or digit, no \"..\", no xn--/sthree- prefix";
        if (prefix.isEmpty() || prefix.length() > MAX_PREFIX) {
            Check.fail(arg, "a bucket prefix has 1 to " + MAX_PREFIX + " characters (" + prefix.length() + " given)",
                    prefix, expected);
        }
        Check.matches(arg, prefix, PREFIX_CHARS, expected);
        common(arg, prefix, expected);
    }

    private static void common(String arg, String name, String expected) {
        if (name.contains("..")) {
            Check.fail(arg, "two adjacent dots", name, expected);
        }
        for (String p : io.github.mlinfra.aws.ServiceLimits.S3_RESERVED_PREFIXES) {
            if (name.startsWith(p)) {
                Check.fail(arg, "reserved prefix " + p, name, expected);
            }
        }
    }

    /**
     * Validates an object key prefix for grants: empty (the whole bucket) or ending with "/", no
     * wildcard, no IAM policy variable ({@code ${…}}: IAM substitutes it when the policy is evaluated,
     * <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM
     * policy elements: variables and tags</a>, looked up 2026-11-30, so {@code runs/${aws:username}/}
     * would grant a different prefix to every caller, or none), no leading "/".
     */
    static void objectPrefix(String arg, String prefix) {
        String expected = "\"\" (the whole bucket) or a literal key prefix ending with \"/\" such as \"runs/fraud-model/\""
                + " (no * or ?, no leading /)";
        if (prefix == null) {
            Check.fail(arg, "must not be null", null, expected);
        }
        if (prefix.contains("*") || prefix.contains("?")) {
            Check.fail(arg, "a prefix is literal, and IAM wildcards would widen the grant", prefix, expected);
        }
        if (prefix.contains("${")) {
            Check.fail(arg, "a prefix is literal, and IAM would substitute the policy variable ${…} when it evaluates the grant",
                    prefix, expected);
        }
        if (prefix.startsWith("/")) {
            Check.fail(arg, "S3 keys do not start with \"/\"", prefix, expected);
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            Check.fail(arg, "a prefix must end with \"/\" (\"runs\" would also match \"runs-old/\")", prefix, expected);
        }
        if (prefix.length() > 1024) {
            Check.fail(arg, "longer than S3's 1024-character key limit", prefix.length() + " characters", expected);
        }
    }

    static void positiveDays(String arg, int days, int max) {
        Check.range(arg, days, 1, max, "days");
    }
}
