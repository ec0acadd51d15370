package io.github.mlinfra.aws;

import java.util.Locale;

/**
 * What EC2 accepts in a security group's rules, as the trainer's validators need it. Looked up
 * 2026-11-30.
 *
 * <ul>
 *   <li>A permission is identified by its protocol, port range and one source (a CIDR block, a
 *       security group or a prefix list). Authorizing a permission the group already has fails
 *       with {@code InvalidPermission.Duplicate} ("the specified rule already exists"), and one
 *       request that carries the same permission twice fails with {@code InvalidParameterValue}
 *       ("The same permission must not appear multiple times"). Sources:
 *       <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html">EC2
 *       API error codes</a> ({@code InvalidPermission.Duplicate});
 *       <a href="https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html">Security
 *       group rules</a> (what a rule is made of); the {@code InvalidParameterValue} message as
 *       reported against the AWS provider in
 *       <a href="https://github.com/hashicorp/terraform-provider-aws/issues/13370">terraform-provider-aws#13370</a>.</li>
 *   <li>A security group belongs to one VPC and can be associated only with resources in that VPC:
 *       an instance's subnet and its security groups must be in the same VPC. Source:
 *       <a href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html">Control
 *       traffic to your AWS resources using security groups</a>.</li>
 * </ul>
 */
public final class SecurityGroupRules {
    /** The error EC2 answers when a rule authorizes a permission the group already has. */
    public static final String DUPLICATE_PERMISSION_ERROR = "InvalidPermission.Duplicate";
    /** The page listing {@link #DUPLICATE_PERMISSION_ERROR} (looked up 2026-11-30). */
    public static final String SOURCE = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html";

    /**
     * A security group belongs to one VPC and is used only with resources there (looked up
     * 2026-11-30).
     */
    public static final String VPC_SOURCE = "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html";

    private SecurityGroupRules() {}

    /**
     * The identity of one permission: two rules with the same identity are the same permission,
     * which EC2 refuses to hold twice.
     *
     * @param protocol the protocol ({@code tcp}, {@code udp}, …; compared without case)
     * @param fromPort the first port
     * @param toPort the last port
     * @param source the source in a canonical spelling (a CIDR with its address normalized, or a
     *     security group or prefix list id)
     * @return the permission's identity
     */
    public static String permission(String protocol, int fromPort, int toPort, String source) {
        return protocol.toLowerCase(Locale.ROOT) + " " + fromPort + "-" + toPort + " from " + source;
    }
}
