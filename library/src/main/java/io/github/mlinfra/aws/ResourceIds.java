package io.github.mlinfra.aws;

import io.github.mlinfra.internal.Check;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The one validator of EC2 resource ids: subnets, security groups, VPCs, prefix lists, route
 * tables and images.
 *
 * <p>An EC2 resource id is its type's prefix, a hyphen, and 8 or 17 characters: "Prior to January
 * 2016, the IDs assigned to newly created resources of certain resource types used 8 characters
 * after the hyphen (for example, {@code i-1a2b3c4d}). From January 2016 to June 2018, we changed
 * the IDs of these resource types to use 17 characters after the hyphen (for example,
 * {@code i-1234567890abcdef0})", and an id never changes once issued, so both lengths exist
 * (<a href="https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html">Amazon EC2
 * User Guide, Resource IDs</a>, looked up 2026-11-30; the list of types there names
 * {@code image}, {@code prefix-list}, {@code route-table}, {@code security-group}, {@code subnet}
 * and {@code vpc}). The characters are lowercase hexadecimal digits, as in every example of that
 * page and every id EC2 issues; 9 to 16 characters, upper case or other letters are refused.
 * SageMaker's {@code VpcConfig} names the same ids ("in the form {@code sg-xxxxxxxx}",
 * <a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_VpcConfig.html">VpcConfig</a>).
 */
public final class ResourceIds {
    private ResourceIds() {}

    /** The source of the format. */
    public static final String SOURCE = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html";

    /** A kind of EC2 resource id, by its prefix. */
    public enum Kind {
        /** A VPC, {@code vpc-…}. */
        VPC("vpc", "a VPC id"),
        /** A subnet, {@code subnet-…}. */
        SUBNET("subnet", "a subnet id"),
        /** A security group, {@code sg-…}. */
        SECURITY_GROUP("sg", "a security group id"),
        /** A managed or AWS prefix list, {@code pl-…}. */
        PREFIX_LIST("pl", "a prefix list id"),
        /** A route table, {@code rtb-…}. */
        ROUTE_TABLE("rtb", "a route table id"),
        /** An Amazon Machine Image, {@code ami-…}. */
        IMAGE("ami", "an AMI id");

        private final String prefix;
        private final String noun;
        private final Pattern pattern;

        Kind(String prefix, String noun) {
            this.prefix = prefix;
            this.noun = noun;
            this.pattern = Pattern.compile(prefix + "-([0-9a-f]{8}|[0-9a-f]{17})");
        }

        /**
         * The id prefix, without the hyphen.
         *
         * @return e.g. {@code subnet}
         */
        public String prefix() {
            return prefix;
        }

        /**
         * What a valid id looks like, in words, for messages.
         *
         * @return e.g. {@code a subnet id "subnet-" and 8 or 17 lowercase hex digits}
         */
        public String expected() {
            return noun + " \"" + prefix + "-\" and 8 or 17 lowercase hex digits";
        }
    }

    /**
     * Whether a text is an id of a kind.
     *
     * @param kind the kind
     * @param id the text
     * @return true for {@code <prefix>-} and 8 or 17 lowercase hex digits
     */
    public static boolean isValid(Kind kind, @Nullable String id) {
        return id != null && kind.pattern.matcher(id).matches();
    }

    /**
     * Requires an id of a kind, in the project's error format.
     *
     * @param argument {@code <Args>.<attribute>}
     * @param kind the kind
     * @param id the id
     * @return the id
     */
    public static String check(String argument, Kind kind, @Nullable String id) {
        if (id == null || id.isBlank()) {
            throw Check.fail(argument, "must not be empty", id, kind.expected());
        }
        Check.matches(argument, id, kind.pattern, kind.expected());
        return id;
    }

    /**
     * Requires a list of distinct ids of a kind, with a number of entries in a range.
     *
     * @param argument {@code <Args>.<attribute>}
     * @param kind the kind
     * @param ids the ids
     * @param min the fewest allowed
     * @param max the most allowed ({@link Integer#MAX_VALUE}: no limit)
     * @return an unmodifiable copy
     */
    public static List<String> checkAll(String argument, Kind kind, @Nullable List<String> ids, int min, int max) {
        if (ids == null || ids.size() < min || ids.size() > max) {
            throw Check.fail(argument, "wrong number of ids", ids,
                    (max == Integer.MAX_VALUE ? "at least " + min : min == max ? String.valueOf(min) : min + " to " + max)
                            + " of " + kind.expected());
        }
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            check(argument, kind, id);
            if (!seen.add(id)) {
                throw Check.fail(argument, "listed twice", id, "each id once");
            }
        }
        return List.copyOf(ids);
    }
}
