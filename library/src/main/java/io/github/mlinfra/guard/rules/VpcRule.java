package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** A rule judging each VPC together with the resources that refer to it by {@code vpcId}. */
abstract class VpcRule extends SubjectRule<PlannedResource> {
    VpcRule(Control control, String rationale) {
        super(control, rationale);
    }

    @Override
    final List<PlannedResource> subjects(PlanIndex plan) {
        return plan.ofType(Types.VPC);
    }

    @Override
    final void judge(PlannedResource vpc, PlanIndex plan, List<Violation> out) {
        report(out, vpc, check(vpc, plan), notEvaluated(vpc, plan));
    }

    abstract List<String> check(PlannedResource vpc, PlanIndex plan);

    /** Why the rule cannot decide on the VPC (a value it needs is opaque). Default: nothing. */
    List<String> notEvaluated(PlannedResource vpc, PlanIndex plan) {
        return List.of();
    }
}
