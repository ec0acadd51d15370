package io.github.mlinfra.internal;

import io.github.mlinfra.aws.ServiceLimits;

/**
 * Security group descriptions that EC2 accepts when they embed a name the user chose. In a VPC,
 * {@code CreateSecurityGroup} takes a description of 1 to 255 characters of
 * {@code a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*}
 * (<a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html">CreateSecurityGroup</a>,
 * {@link ServiceLimits#SECURITY_GROUP_TEXT}), and the description cannot change without
 * replacing the group. A component name is any non-empty string and a pipeline name up to 256
 * characters, so the embedded name is reduced to that alphabet and shortened until the whole
 * text fits; the fixed parts are written in the alphabet already.
 */
public final class SecurityGroupText {
    /** The most characters EC2 takes in a VPC security group's description. */
    public static final int MAX = 255;

    private SecurityGroupText() {}

    /**
     * {@code before + name + after}, the name reduced to EC2's alphabet for descriptions (other
     * characters dropped) and cut at its end so that the whole is at most {@value #MAX}
     * characters.
     *
     * @param before the fixed text before the name, in EC2's alphabet
     * @param name the name the user chose
     * @param after the fixed text after the name, in EC2's alphabet
     * @return a description EC2 accepts
     * @throws IllegalArgumentException when the fixed parts alone are outside EC2's rule (a defect
     *     of the calling component)
     */
    public static String describe(String before, String name, String after) {
        if (!ServiceLimits.SECURITY_GROUP_TEXT.matcher(before + after).matches()) {
            throw new IllegalArgumentException("fixed security group description text outside EC2's rule: " + before + after);
        }
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(c -> c < 128 && ServiceLimits.SECURITY_GROUP_TEXT.matcher(Character.toString(c)).matches())
                .forEach(kept::appendCodePoint);
        int room = MAX - before.length() - after.length();
        String fitted = kept.length() > room ? kept.substring(0, Math.max(room, 0)) : kept.toString();
        return before + fitted + after;
    }
}
