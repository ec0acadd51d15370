package io.github.mlinfra.iam;

import java.util.Set;

/**
 * The one documented allowlist of IAM actions that AWS accepts only on {@code Resource: "*"}
 * (they act on no resource ARN). {@link Grant#onAnyResource(String, String...)} accepts these and
 * nothing else; the guard's wildcard-resource rule (MLI-IAM-03) exempts exactly these.
 */
public final class StarOnlyActions {
    /** The actions. */
    public static final Set<String> ACTIONS = Set.of(
            // ECR: the registry login token is account-wide
            "ecr:GetAuthorizationToken",
            // CloudWatch metrics have no resource ARN
            "cloudwatch:PutMetricData",
            // CloudWatch Logs: DescribeLogGroups is a List action; the VPC flow-logs role needs it
            // (https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html) and it names no
            // single log group (it lists them all), so it is granted on "*"
            "logs:DescribeLogGroups",
            // SSM Session Manager agent (the instance's own channel). ssm:UpdateInstanceInformation
            // names no resource type in the Service Authorization Reference
            // (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html,
            // looked up 2026-11-30): only the condition keys ec2:SourceInstanceARN and
            // ssm:SourceInstanceARN, so HardenedGpuTrainer adds the condition that names the
            // calling instance as an EC2 instance of the stack's account and region
            "ssm:UpdateInstanceInformation",
            "ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel",
            "ec2messages:AcknowledgeMessage",
            "ec2messages:DeleteMessage",
            "ec2messages:FailMessage",
            "ec2messages:GetEndpoint",
            "ec2messages:GetMessages",
            "ec2messages:SendReply",
            // account-wide reads
            "sts:GetCallerIdentity",
            "s3:ListAllMyBuckets",
            // SageMaker jobs in a VPC: AWS documents these network-interface permissions on "*"
            "ec2:CreateNetworkInterface",
            "ec2:DeleteNetworkInterface",
            "ec2:CreateNetworkInterfacePermission",
            "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeVpcs",
            "ec2:DescribeSubnets",
            "ec2:DescribeSecurityGroups",
            "ec2:DescribeDhcpOptions");

    private StarOnlyActions() {}

    /**
     * Whether an action is on the allowlist.
     *
     * @param action e.g. {@code ecr:GetAuthorizationToken}
     * @return true when AWS accepts it only on {@code "*"}
     */
    public static boolean contains(String action) {
        return ACTIONS.contains(action);
    }
}
