package io.github.mlinfra.guard.rules;

import java.util.Set;

/**
 * The actions that may be allowed on {@code Resource: "*"} (MLI-IAM-03): actions AWS does not
 * scope to a resource, so "*" is the only value it accepts.
 */
final class WildcardResourceAllowlist {
    /** Actions with no resource-level permissions. */
    static final Set<String> ACTIONS = Set.of(
            "ecr:getauthorizationtoken",
            "cloudwatch:putmetricdata",
            "logs:describeloggroups",
            "sts:getcalleridentity",
            "sagemaker:listtags",
            "ec2:describenetworkinterfaces",
            "ec2:describevpcs",
            "ec2:describesubnets",
            "ec2:describesecuritygroups",
            "ec2:describedhcpoptions",
            "ec2:createnetworkinterface",
            "ec2:deletenetworkinterface",
            "ec2:createnetworkinterfacepermission",
            "s3:listallmybuckets");

    private WildcardResourceAllowlist() {}

    static boolean allows(String action) {
        return ACTIONS.contains(action.toLowerCase(java.util.Locale.ROOT));
    }
}
