package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule judging the security-group rules of one direction ({@code ingress} or {@code egress}) in
 * each of their three shapes: inline in a (default) security group, a {@code SecurityGroupRule} of
 * that {@code type}, and the VPC rule resource of that direction. A rule whose CIDRs cannot be read
 * is not evaluated.
 */
abstract class SecurityGroupDirectionRule extends SimpleResourceRule {
    /** Judges one rule located at {@code where}: the finding, or empty when compliant. */
    @FunctionalInterface
    interface Judge {
        Optional<String> judge(Object rule, String where);
    }

    private final String direction;
    private final Judge judge;
    private final Judge judgeVpcRule;

    /**
     * @param control the control the rule implements
     * @param rationale why the control matters
     * @param direction {@code ingress} or {@code egress}
     * @param vpcRuleType the type token of the VPC rule resource of that direction
     * @param judge judges an inline or {@code SecurityGroupRule} rule
     * @param judgeVpcRule judges the inputs of a VPC rule resource
     */
    SecurityGroupDirectionRule(Control control, String rationale, String direction, String vpcRuleType, Judge judge,
            Judge judgeVpcRule) {
        super(control, rationale, Types.SECURITY_GROUP, Types.DEFAULT_SECURITY_GROUP, Types.SECURITY_GROUP_RULE,
                vpcRuleType);
        this.direction = direction;
        this.judge = judge;
        this.judgeVpcRule = judgeVpcRule;
    }

    @Override
    public final List<String> check(PlannedResource r) {
        List<String> out = new ArrayList<>();
        switch (r.getType()) {
            case Types.SECURITY_GROUP_RULE:
                if (direction.equals(r.input("type").orElse(null))) {
                    judge.judge(r.getInputs(), "rule").ifPresent(out::add);
                }
                break;
            case Types.SECURITY_GROUP:
            case Types.DEFAULT_SECURITY_GROUP:
                List<Object> rules = PlanIndex.list(r, direction);
                for (int i = 0; i < rules.size(); i++) {
                    judge.judge(rules.get(i), direction + "." + i).ifPresent(out::add);
                }
                break;
            default:
                judgeVpcRule.judge(r.getInputs(), "rule").ifPresent(out::add);
        }
        return out;
    }

    @Override
    public final List<String> notEvaluated(PlannedResource r) {
        switch (r.getType()) {
            case Types.SECURITY_GROUP_RULE:
                return direction.equals(r.input("type").orElse(null)) ? SecurityGroups.opaqueCidrs(r.getInputs(), "rule") : List.of();
            case Types.SECURITY_GROUP:
            case Types.DEFAULT_SECURITY_GROUP:
                List<String> out = new ArrayList<>(opaque(r, direction));
                List<Object> rules = PlanIndex.list(r, direction);
                for (int i = 0; i < rules.size(); i++) {
                    out.addAll(SecurityGroups.opaqueCidrs(rules.get(i), direction + "." + i));
                }
                return out;
            default:
                return SecurityGroups.opaqueCidrs(r.getInputs(), "rule");
        }
    }
}
