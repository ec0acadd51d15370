package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule that judges each subject of one kind in a plan on its own: a bucket with the resources
 * that configure it, a VPC with the resources that refer to it.
 *
 * @param <S> the kind of subject
 */
abstract class SubjectRule<S> extends DescribedRule {
    SubjectRule(Control control, String rationale) {
        super(control, rationale);
    }

    /** The subjects of the plan, in plan order. */
    abstract List<S> subjects(PlanIndex plan);

    /** Judges one subject, adding its findings to {@code out}. */
    abstract void judge(S subject, PlanIndex plan, List<Violation> out);

    @Override
    public final List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        for (S subject : subjects(plan)) {
            judge(subject, plan, out);
        }
        return out;
    }
}
