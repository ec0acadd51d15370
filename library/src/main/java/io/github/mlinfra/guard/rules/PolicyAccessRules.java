package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.Rule;
import io.github.mlinfra.policy.ExternalAccess.Scope;
import java.util.List;
import java.util.Map;

/**
 * The resource-policy rules that read policies with {@link io.github.mlinfra.policy.ExternalAccess}:
 * public access is CRITICAL, access by an account that is neither the stack's nor trusted is HIGH.
 * Which resources carry which policy (pulumi-aws 6.x type tokens, checked against
 * https://github.com/pulumi/pulumi-aws provider/resources.go, 2026-11-30): key policies
 * ({@code aws:kms/key:Key} and {@code aws:kms/keyPolicy:KeyPolicy} {@code policy}), role trust
 * policies ({@code aws:iam/role:Role} {@code assumeRolePolicy}), VPC endpoint policies
 * ({@code aws:ec2/vpcEndpoint:VpcEndpoint} and {@code aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy}
 * {@code policy}), topic, queue and repository policies ({@code aws:sns/topicPolicy:TopicPolicy},
 * {@code aws:sqs/queuePolicy:QueuePolicy}, {@code aws:ecr/repositoryPolicy:RepositoryPolicy}, and
 * the inline {@code policy} of {@code aws:sns/topic:Topic} and {@code aws:sqs/queue:Queue}).
 */
final class PolicyAccessRules {
    private static final Map<String, String> KEYS =
            ResourcePolicyRule.inputs(Types.KMS_KEY, "policy", Types.KMS_KEY_POLICY, "policy");
    private static final Map<String, String> TRUST = ResourcePolicyRule.inputs(Types.ROLE, "assumeRolePolicy");
    private static final Map<String, String> ENDPOINTS =
            ResourcePolicyRule.inputs(Types.VPC_ENDPOINT, "policy", Types.VPC_ENDPOINT_POLICY, "policy");
    private static final Map<String, String> MESSAGING = ResourcePolicyRule.inputs(Types.TOPIC, "policy",
            Types.TOPIC_POLICY, "policy", Types.QUEUE, "policy", Types.QUEUE_POLICY, "policy",
            Types.REPOSITORY_POLICY, "policy");

    private PolicyAccessRules() {}

    static List<Rule> all() {
        return List.of(
                new S3NoPublicPolicyRule(),
                new S3PolicyAccessRule(Control.S3_NO_CROSS_ACCOUNT_POLICY, "A bucket policy that grants another account "
                        + "(or organization, or IP range) access shares the data outside the stack's account; only the "
                        + "accounts given to the guard as trusted may be granted access.", Scope.EXTERNAL),
                new ResourcePolicyRule(Control.KMS_NO_PUBLIC_POLICY, "A key policy that lets anyone use the key (with "
                        + "no condition such as kms:CallerAccount that restricts the caller) lets anyone decrypt what it "
                        + "protects, given the ciphertext.", Scope.PUBLIC, KEYS),
                new ResourcePolicyRule(Control.KMS_NO_CROSS_ACCOUNT_POLICY, "A key policy that grants an untrusted "
                        + "account use of the key lets that account decrypt the checkpoints, data and logs it protects.",
                        Scope.EXTERNAL, KEYS),
                new ResourcePolicyRule(Control.IAM_TRUST_NO_PUBLIC, "A trust policy that lets anyone assume the role "
                        + "hands its permissions to every AWS account.", Scope.PUBLIC, TRUST),
                new ResourcePolicyRule(Control.IAM_TRUST_NO_CROSS_ACCOUNT, "A trust policy that lets an untrusted account "
                        + "(or federated identities) assume the role gives them the role's permissions inside this account.",
                        Scope.EXTERNAL, TRUST),
                new ResourcePolicyRule(Control.IAM_RESOURCE_POLICY_NO_PUBLIC, "A topic, queue or repository policy that "
                        + "lets anyone publish, read or pull exposes the messages and images to the internet.",
                        Scope.PUBLIC, MESSAGING),
                new ResourcePolicyRule(Control.IAM_RESOURCE_POLICY_NO_CROSS_ACCOUNT, "A topic, queue or repository "
                        + "policy that grants an untrusted account access shares messages or images outside the stack.",
                        Scope.EXTERNAL, MESSAGING),
                new ResourcePolicyRule(Control.VPC_ENDPOINT_NO_PUBLIC_POLICY, "An endpoint policy that admits any "
                        + "principal (AWS's default full-access policy does) lets a credential from any account use the "
                        + "private network's endpoint, a path to move data out to that account's resources; restrict it "
                        + "with aws:PrincipalAccount (or aws:PrincipalOrgID). A written policy is judged; an endpoint "
                        + "without one is not judged by this rule.", Scope.PUBLIC, ENDPOINTS),
                new ResourcePolicyRule(Control.VPC_ENDPOINT_NO_CROSS_ACCOUNT_POLICY, "An endpoint policy that admits "
                        + "principals of an untrusted account lets them use the private network's endpoint.",
                        Scope.EXTERNAL, ENDPOINTS));
    }
}
