package io.github.mlinfra.guard.rules;

import io.github.mlinfra.aws.ConfusedDeputyKeys;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import io.github.mlinfra.policy.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules that judge one CloudTrail trail, SageMaker notebook, KMS key, IAM role or VPC endpoint
 * by its own inputs, declared as {@link InputRule}s.
 */
final class ServiceRules {
    private ServiceRules() {}

    /** MLI-CT-02..04, MLI-SM-01 and -04, MLI-KMS-01, MLI-IAM-04 and MLI-VPC-04. */
    static List<InputRule> all() {
        return List.of(
                InputRule.required(Control.CT_ENCRYPTION, Types.TRAIL, "kmsKeyId", "kmsKeyId is not set"),
                InputRule.flag(Control.CT_LOG_VALIDATION, Types.TRAIL, "enableLogFileValidation"),
                InputRule.required(Control.CT_CLOUDWATCH, Types.TRAIL, "cloudWatchLogsGroupArn", "cloudWatchLogsGroupArn is not set"),
                new InputRule(Control.SM_NO_DIRECT_INTERNET, ServiceRules::directInternet, r -> InputRule.opaqueInputs(r, "directInternetAccess"), Types.NOTEBOOK),
                InputRule.required(Control.SM_NOTEBOOK_KMS, Types.NOTEBOOK, "kmsKeyId", "kmsKeyId is not set (the volume uses an AWS-managed key)"),
                new InputRule(Control.KMS_ROTATION, ServiceRules::rotation, ServiceRules::rotationOpaque, Types.KMS_KEY),
                new InputRule(Control.IAM_CONFUSED_DEPUTY, ServiceRules::confusedDeputy, ServiceRules::trustOpaque, Types.ROLE),
                new InputRule(Control.VPC_ENDPOINT_POLICY, ServiceRules::endpointPolicy, r -> List.of(), Types.VPC_ENDPOINT));
    }

    /** MLI-SM-01: the notebook has no direct internet access. */
    static List<String> directInternet(PlannedResource r) {
        Object v = r.input("directInternetAccess").orElse(null);
        if ("Disabled".equals(v) || PlanIndex.isOpaque(v)) {
            return List.of();
        }
        return List.of("directInternetAccess is " + (v == null ? "not set (defaults to Enabled)" : v) + ", expected Disabled");
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
