package io.github.mlinfra.guard.rules;

import io.github.mlinfra.aws.ConfusedDeputyKeys;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import io.github.mlinfra.policy.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules that judge one resource other than an EC2 instance (trail, notebook, KMS key, IAM role,
 * user policy, VPC endpoint, subnet, log group, any taggable resource) by its own inputs, declared
 * as {@link InputRule}s.
 */
final class ServiceRules {
    private ServiceRules() {}

    /**
     * The types Security Hub's tagging controls name that a plan can hold (EC2.35, .37 to .46, .48,
     * .175, IAM.24, IAM.25, CloudTrail.9).
     */
    static final String[] TAGGED = {"aws:ec2/networkInterface:NetworkInterface", "aws:ec2/eip:Eip", Types.INSTANCE,
        Types.INTERNET_GATEWAY, "aws:ec2/natGateway:NatGateway", "aws:ec2/networkAcl:NetworkAcl", "aws:ec2/routeTable:RouteTable",
        Types.SECURITY_GROUP, Types.DEFAULT_SECURITY_GROUP, "aws:ec2/subnet:Subnet", Types.EBS_VOLUME, Types.VPC, Types.FLOW_LOG,
        Types.LAUNCH_TEMPLATE, Types.ROLE, "aws:iam/user:User", Types.TRAIL};
    /** The types that give an IAM user a policy of its own. */
    static final String[] USER_POLICIES = {Types.USER_POLICY, Types.USER_POLICY_ATTACHMENT, Types.POLICY_ATTACHMENT};
    private static final String IMDS = "instanceMetadataServiceConfiguration";
    private static final String IMDS_VERSION = IMDS + ".minimumInstanceMetadataServiceVersion";
    /** Security Hub CloudWatch.16's default minimum retention, in days. */
    static final int MIN_RETENTION_DAYS = 365;

    /** MLI-CT-01..04, MLI-SM-01..05, MLI-KMS-04, MLI-KMS-01, MLI-IAM-04 and -11, MLI-VPC-04 and -07, MLI-LOG-01, MLI-TAG-01. */
    static List<InputRule> all() {
        return List.of(
                InputRule.required(Control.CT_ENCRYPTION, Types.TRAIL, "kmsKeyId", "kmsKeyId is not set"),
                InputRule.flag(Control.CT_LOG_VALIDATION, Types.TRAIL, "enableLogFileValidation"),
                InputRule.required(Control.CT_CLOUDWATCH, Types.TRAIL, "cloudWatchLogsGroupArn", "cloudWatchLogsGroupArn is not set"),
                new InputRule(Control.CT_MULTI_REGION, ServiceRules::multiRegion, r -> InputRule.opaqueInputs(r, "isMultiRegionTrail", "includeGlobalServiceEvents"), Types.TRAIL),
                InputRule.disabled(Control.SM_NO_DIRECT_INTERNET, Types.NOTEBOOK, "directInternetAccess"),
                InputRule.disabled(Control.SM_NO_ROOT_ACCESS, Types.NOTEBOOK, "rootAccess"),
                new InputRule(Control.SM_NOTEBOOK_IN_VPC, ServiceRules::notebookInVpc, r -> List.of(), Types.NOTEBOOK),
                new InputRule(Control.SM_NOTEBOOK_IMDSV2, ServiceRules::notebookImdsv2, r -> InputRule.opaqueInputs(r, IMDS, IMDS_VERSION), Types.NOTEBOOK),
                new InputRule(Control.KMS_DELETION_PROTECTION, r -> r.isProtect() ? List.of()
                        : List.of("the key is not protected (resource option protect)"), r -> List.of(), Types.KMS_KEY),
                InputRule.required(Control.SM_NOTEBOOK_KMS, Types.NOTEBOOK, "kmsKeyId", "kmsKeyId is not set (the volume uses an AWS-managed key)"),
                new InputRule(Control.KMS_ROTATION, ServiceRules::rotation, ServiceRules::rotationOpaque, Types.KMS_KEY),
                new InputRule(Control.IAM_CONFUSED_DEPUTY, ServiceRules::confusedDeputy, ServiceRules::trustOpaque, Types.ROLE),
                new InputRule(Control.VPC_ENDPOINT_POLICY, ServiceRules::endpointPolicy, r -> List.of(), Types.VPC_ENDPOINT),
                new InputRule(Control.IAM_USER_NO_POLICIES, ServiceRules::userPolicy, r -> InputRule.opaqueInputs(r, "users"), USER_POLICIES),
                new InputRule(Control.VPC_SUBNET_NO_PUBLIC_IP, ServiceRules::publicIpOnLaunch, ServiceRules::publicIpOpaque, "aws:ec2/subnet:Subnet"),
                new InputRule(Control.LOGS_ENCRYPTED_RETAINED, ServiceRules::logGroup, r -> InputRule.opaqueInputs(r, "retentionInDays"), Types.LOG_GROUP),
                new InputRule(Control.RESOURCES_TAGGED, ServiceRules::tagged, r -> InputRule.opaqueInputs(r, "tags"), TAGGED));
    }

    /**
     * MLI-IAM-11 (Security Hub IAM.2, https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-2):
     * a policy given to a user directly, inline ({@code aws:iam/userPolicy}), attached
     * ({@code aws:iam/userPolicyAttachment}) or named among a policy attachment's {@code users}.
     */
    static List<String> userPolicy(PlannedResource r) {
        if (r.getType().equals(Types.POLICY_ATTACHMENT)) {
            List<Object> users = PlanIndex.isOpaque(r, "users") ? List.of() : PlanIndex.list(r, "users");
            return users.isEmpty() ? List.of() : List.of("the attachment gives users " + users
                    + " the policy directly; attach it to a group they belong to");
        }
        String user = r.input("user").map(String::valueOf).orElse("(not set)");
        return List.of((r.getType().equals(Types.USER_POLICY) ? "an inline policy on user " : "a managed policy attached to user ")
                + user + "; give users permissions through a group");
    }

    /**
     * MLI-VPC-07 (Security Hub EC2.15, https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-15;
     * AWS Config's subnet-auto-assign-public-ip-disabled, which Security Hub runs, also fails IPv6
     * auto-assignment: https://docs.aws.amazon.com/config/latest/developerguide/subnet-auto-assign-public-ip-disabled.html).
     */
    static List<String> publicIpOnLaunch(PlannedResource r) {
        List<String> out = new ArrayList<>();
        if (PlanIndex.bool(r, "mapPublicIpOnLaunch").orElse(false)) {
            out.add("mapPublicIpOnLaunch is true: every instance launched in the subnet gets a public IPv4 address");
        }
        if (PlanIndex.bool(r, "assignIpv6AddressOnCreation").orElse(false)) {
            out.add("assignIpv6AddressOnCreation is true: every interface created in the subnet gets an IPv6 address");
        }
        return out;
    }

    static List<String> publicIpOpaque(PlannedResource r) {
        return InputRule.opaqueInputs(r, "mapPublicIpOnLaunch", "assignIpv6AddressOnCreation");
    }

    /**
     * MLI-LOG-01: a KMS key, and a retention of at least 365 days (Security Hub CloudWatch.16,
     * https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-16,
     * whose minRetentionTime defaults to 365; AWS Config's cw-loggroup-retention-period-check).
     * "Never expire" passes Security Hub but not this rule: logs kept forever are kept, and billed,
     * past any need.
     */
    static List<String> logGroup(PlannedResource r) {
        List<String> out = new ArrayList<>();
        if (PlanIndex.isBlank(r, "kmsKeyId")) {
            out.add("kmsKeyId is not set");
        }
        Object days = r.input("retentionInDays").orElse(null);
        if (!PlanIndex.isOpaque(days) && !(days instanceof Number n && n.longValue() > 0)) {
            out.add("retentionInDays is not set (logs are kept forever)");
        } else if (days instanceof Number n && n.longValue() < MIN_RETENTION_DAYS) {
            out.add("retentionInDays is " + n + ", expected at least " + MIN_RETENTION_DAYS);
        }
        return out.isEmpty() ? out : List.of(String.join("; ", out));
    }

    /**
     * MLI-TAG-01: at least one tag key that is not a system tag ({@code aws:*}), in {@code tags} or,
     * from the provider's default tags, {@code tagsAll}. Security Hub's tagging controls check the
     * same when no required keys are configured (for example
     * https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-38 and the AWS
     * Resource Tagging standard, https://docs.aws.amazon.com/securityhub/latest/userguide/standards-tagging.html).
     */
    static List<String> tagged(PlannedResource r) {
        if (PlanIndex.isOpaque(r, "tags") || ownTag(r.input("tags").orElse(null)) || ownTag(r.output("tagsAll").orElse(null))) {
            return List.of();
        }
        return List.of("no tag of its own (system tags aws:* do not count): owners, cost and access cannot be told from it");
    }

    private static boolean ownTag(Object tags) {
        return tags instanceof Map<?, ?> m && m.keySet().stream().anyMatch(k -> !String.valueOf(k).startsWith("aws:"));
    }

    /** MLI-CT-01: the trail is multi-region and includes global service events. */
    static List<String> multiRegion(PlannedResource r) {
        List<String> out = new ArrayList<>();
        if (!PlanIndex.isOpaque(r, "isMultiRegionTrail") && !PlanIndex.bool(r, "isMultiRegionTrail").orElse(false)) {
            out.add("isMultiRegionTrail is not true");
        }
        if (PlanIndex.bool(r, "includeGlobalServiceEvents").equals(Optional.of(false))) {
            out.add("includeGlobalServiceEvents is false");
        }
        return out;
    }

    /** MLI-SM-02: the notebook runs in a VPC subnet with security groups. */
    static List<String> notebookInVpc(PlannedResource r) {
        List<String> missing = new ArrayList<>();
        if (PlanIndex.isBlank(r, "subnetId")) {
            missing.add("subnetId");
        }
        if (PlanIndex.isBlank(r, "securityGroups")) {
            missing.add("securityGroups");
        }
        return missing.isEmpty() ? List.of() : List.of(String.join(" and ", missing) + " not set: the notebook is not in a VPC");
    }

    /** MLI-SM-05: the notebook requires IMDSv2. */
    static List<String> notebookImdsv2(PlannedResource r) {
        if (PlanIndex.isOpaque(r, IMDS)) {
            return List.of();
        }
        Object v = r.input(IMDS_VERSION).orElse(null);
        if ("2".equals(String.valueOf(v)) || PlanIndex.isOpaque(v)) {
            return List.of();
        }
        return List.of(IMDS_VERSION + " is " + (v == null ? "not set (IMDSv1 allowed)" : v) + ", expected \"2\"");
    }

    /** MLI-KMS-01: automatic rotation is on (symmetric keys; asymmetric and HMAC keys cannot rotate). */
    static List<String> rotation(PlannedResource r) {
        Object spec = r.input("customerMasterKeySpec").orElse("SYMMETRIC_DEFAULT");
        if (!"SYMMETRIC_DEFAULT".equals(spec) || PlanIndex.isOpaque(r, "enableKeyRotation")
                || PlanIndex.bool(r, "enableKeyRotation").orElse(false)) {
            return List.of();
        }
        return List.of("enableKeyRotation is not true");
    }

    static List<String> rotationOpaque(PlannedResource r) {
        if (PlanIndex.isOpaque(r, "customerMasterKeySpec")) {
            return InputRule.opaqueInputs(r, "customerMasterKeySpec");
        }
        Object spec = r.input("customerMasterKeySpec").orElse("SYMMETRIC_DEFAULT");
        return "SYMMETRIC_DEFAULT".equals(spec) ? InputRule.opaqueInputs(r, "enableKeyRotation") : List.of();
    }

    /**
     * MLI-IAM-04: service trust policies carry aws:SourceAccount or aws:SourceArn, for the services
     * that send them ({@link ConfusedDeputyKeys}, the table ServiceRole uses too). CloudTrail and EC2
     * send neither, so their trusts are not findings; a SageMaker notebook role has no condition and
     * records a built-in waiver saying why.
     */
    static List<String> confusedDeputy(PlannedResource r) {
        var text = PlanIndex.text(r.getInputs().get("assumeRolePolicy"));
        var doc = text.flatMap(Policies::parse);
        if (doc.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (var s : doc.get().getStatements()) {
            List<String> services = s.getPrincipal().map(p -> p.getIdentifiers().getOrDefault("Service", List.of()))
                    .orElse(List.of()).stream()
                    .filter(svc -> ConfusedDeputyKeys.lookup(svc, Optional.empty())
                            .map(ConfusedDeputyKeys.Entry::sendsSourceAccount).orElse(false))
                    .collect(Collectors.toList());
            boolean scoped = s.getConditions().stream().anyMatch(c -> c.getKey().equalsIgnoreCase("aws:SourceAccount")
                    || c.getKey().equalsIgnoreCase("aws:SourceArn") || c.getKey().equalsIgnoreCase("aws:SourceOrgID"));
            if (s.getEffect() == Effect.Allow && !services.isEmpty() && !scoped) {
                out.add("assumeRolePolicy trusts " + services + " with no aws:SourceAccount or aws:SourceArn condition");
            }
        }
        return out;
    }

    static List<String> trustOpaque(PlannedResource r) {
        if (PlanIndex.isOpaque(r, "assumeRolePolicy")) {
            return InputRule.opaqueInputs(r, "assumeRolePolicy");
        }
        return PlanIndex.text(r.getInputs().get("assumeRolePolicy")).filter(t -> Policies.parse(t).isEmpty())
                .map(t -> List.of("assumeRolePolicy is not a valid policy document")).orElse(List.of());
    }

    /**
     * MLI-VPC-04: a VPC endpoint has a policy, and no statement of it allows every principal on every
     * resource without a condition. An endpoint without a policy gets AWS's default policy, full access
     * (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html).
     */
    static List<String> endpointPolicy(PlannedResource r) {
        Object raw = r.getInputs().get("policy");
        if (raw == null) {
            return List.of("no endpoint policy: AWS attaches its default policy, full access for any principal");
        }
        var doc = PlanIndex.text(raw).flatMap(Policies::parse);
        if (doc.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (var s : doc.get().getStatements()) {
            boolean everyone = s.getPrincipal().map(p -> p.isAnyone()
                    || p.getIdentifiers().getOrDefault("AWS", List.of()).contains("*")).orElse(false);
            // a statement naming its resources (AWS-owned buckets, say) restricts; "*" with no condition does not
            if (s.getEffect() == Effect.Allow && everyone && s.getConditions().isEmpty() && s.getResources().contains("*")) {
                out.add("statement " + s.getSid().orElse("(no Sid)") + " allows every principal on every resource with no condition");
            }
        }
        return out;
    }
}
