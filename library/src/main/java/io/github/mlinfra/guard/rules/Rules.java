package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.Rule;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The registry of posture rules: one rule per implemented control, in control order. */
public final class Rules {
    private static final List<Rule> ALL = Stream.concat(Stream.<Rule>of(
            new S3BlockPublicAccessRule(), new S3AclsDisabledRule(), new S3VersioningRule(), new S3ObjectLockRule(),
            new S3LifecycleRule(), new S3KmsEncryptionRule(), new S3BucketKeyRule(), new S3AccessLoggingRule(),
            new S3DeletionProtectionRule(), new Ec2GpuInstanceTypeRule(), new SmSupportedPlatformRule(),
            new KmsDeletionWindowRule(), new KmsKeyPolicyRule(), new IamNoManagedPoliciesRule(),
            new IamNoWildcardActionsRule(), new IamNoWildcardResourcesRule(), new IamNoPlaceholdersRule(),
            new IamAttachmentIsPolicyRule(), new Ec2EbsEncryptionRule(), new Ec2NoPublicIpRule(),
            new Ec2NoOpenIngressRule(), new Ec2RestrictedEgressRule(), new SmLifecycleScriptRule(),
            new SmNetworkIsolationRule(), new SmJobEncryptionRule(), new SmInterContainerEncryptionRule(),
            new SmJobInVpcRule(), new SmMaxRuntimeRule(), new VpcFlowLogsRule(), new VpcDefaultSgClosedRule(),
            new VpcNoInternetGatewayRule(), new WaiverTagKnownRule(),
            new SecPipelineEnvRule(), new SecTagsRule(), new SecOutputsRule()),
            Stream.of(InstanceRules.all(), ServiceRules.all(), BucketPolicyRules.all(), VpcEndpointsRule.all(),
                    ScriptSecretsRule.all(), PolicyAccessRules.all(), PreflightRules.all())
                    .flatMap(List::stream))
            .sorted(Comparator.comparing(r -> r.control().ordinal()))
            .collect(Collectors.toUnmodifiableList());

    private Rules() {}

    /**
     * Every rule, in the order of the control registry.
     *
     * @return the rules
     */
    public static List<Rule> all() {
        return ALL;
    }

    /**
     * Every rule, with the account's values of the adjustable quotas the preflight rules read.
     *
     * @param trustPolicyLimit the IAM role trust policy quota, characters without whitespace
     *     (AWS's default 2,048, adjustable up to 4,096)
     * @param sgRulesLimit the inbound (and outbound) rules-per-security-group quota (default 60)
     * @return the rules, in the order of the control registry
     */
    public static List<Rule> withQuotas(int trustPolicyLimit, int sgRulesLimit) {
        List<Rule> quota = PreflightRules.all(trustPolicyLimit, sgRulesLimit);
        return ALL.stream().map(r -> quota.stream().filter(q -> q.control() == r.control()).findFirst().orElse(r))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * The rule implementing a control.
     *
     * @param control the control
     * @return the rule, if the control is implemented
     */
    public static Optional<Rule> of(Control control) {
        return ALL.stream().filter(r -> r.control() == control).findFirst();
    }

    /**
     * The rule with an id.
     *
     * @param id e.g. {@code MLI-S3-03}
     * @return the rule, if any
     */
    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
