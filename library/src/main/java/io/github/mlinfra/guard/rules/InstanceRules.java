package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** The rules that judge an EC2 instance by its own inputs, declared as {@link InputRule}s. */
final class InstanceRules {
    private static final String TOKENS = "metadataOptions.httpTokens";
    private static final String HOPS = "metadataOptions.httpPutResponseHopLimit";

    private InstanceRules() {}

    /** MLI-EC2-02, -05, -06, -08, -09 and -11. */
    static List<InputRule> all() {
        return List.of(
                new InputRule(Control.EC2_IMDSV2, InstanceRules::imdsv2, r -> InputRule.opaqueInputs(r, "metadataOptions", TOKENS, HOPS), Types.INSTANCE),
                InputRule.flag(Control.EC2_DETAILED_MONITORING, Types.INSTANCE, "monitoring"),
                InputRule.flag(Control.EC2_TERMINATION_PROTECTION, Types.INSTANCE, "disableApiTermination"),
                InputRule.flag(Control.EC2_EBS_OPTIMIZED, Types.INSTANCE, "ebsOptimized"),
                new InputRule(Control.EC2_DEDICATED_TENANCY, InstanceRules::tenancy, InstanceRules::tenancyOpaque, Types.INSTANCE),
                new InputRule(Control.EC2_VPC_REFERENCES, InstanceRules::references, r -> InputRule.opaqueInputs(r, "iamInstanceProfile"), Types.INSTANCE));
    }

    /** MLI-EC2-02: IMDSv2 is required with a hop limit of 1. */
    static List<String> imdsv2(PlannedResource r) {
        List<String> out = new ArrayList<>();
        if (PlanIndex.isOpaque(r, "metadataOptions")) {
            return out;
        }
        Object tokens = r.input(TOKENS).orElse(null);
        if (!"required".equals(tokens) && !PlanIndex.isOpaque(tokens)) {
            out.add(TOKENS + " is " + (tokens == null ? "not set (IMDSv1 allowed)" : tokens) + ", expected required");
        }
        Object hops = r.input(HOPS).orElse(null);
        if (!(hops instanceof Number n && n.longValue() == 1) && !PlanIndex.isOpaque(hops)) {
            out.add(HOPS + " is " + (hops == null ? "not set" : hops) + ", expected 1");
        }
        return out;
    }

    /** MLI-EC2-08: a training instance ({@code mlinfra:purpose=training}) runs on dedicated tenancy. */
    static List<String> tenancy(PlannedResource r) {
        if (!r.hasTag("mlinfra:purpose", "training")) {
            return List.of();
        }
        Object t = r.input("tenancy").orElse(null);
        if ("dedicated".equals(t) || "host".equals(t) || PlanIndex.isOpaque(t)) {
            return List.of();
        }
        return List.of("tenancy is " + (t == null ? "not set (default: shared)" : t) + ", expected dedicated");
    }

    static List<String> tenancyOpaque(PlannedResource r) {
        if (PlanIndex.isOpaque(r, "tags")) {
            return InputRule.opaqueInputs(r, "tags");
        }
        return r.hasTag("mlinfra:purpose", "training") ? InputRule.opaqueInputs(r, "tenancy") : List.of();
    }

    /** MLI-EC2-09: security groups by id, instance profile by name. */
    static List<String> references(PlannedResource r) {
        List<String> out = new ArrayList<>();
        if (!PlanIndex.isBlank(r, "securityGroups")) {
            out.add("securityGroups names groups " + r.input("securityGroups").orElse("") + " (EC2-Classic form); use vpcSecurityGroupIds");
        }
        PlanIndex.text(r.getInputs().get("iamInstanceProfile")).filter(p -> p.startsWith("arn:"))
                .ifPresent(p -> out.add("iamInstanceProfile is an ARN (" + p + "); it takes the instance profile name"));
        return out;
    }
}
