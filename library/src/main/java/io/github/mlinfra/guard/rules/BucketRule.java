package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import java.util.List;

/** A rule judging each bucket together with the resources that configure it. */
abstract class BucketRule extends SubjectRule<BucketView> {
    BucketRule(Control control, String rationale) {
        super(control, rationale);
    }

    @Override
    final List<BucketView> subjects(PlanIndex plan) {
        return BucketView.all(plan);
    }

    @Override
    final void judge(BucketView b, PlanIndex plan, List<Violation> out) {
        report(out, b.bucket, check(b), notEvaluated(b));
    }

    /** The findings on one bucket, judged on what can be read. */
    abstract List<String> check(BucketView bucket);

    /**
     * Why the rule cannot decide on the bucket: the value its compliance would rest on is
     * {@code "[unknown]"} or {@code "[secret]"}. Default: nothing (the rule reads no opaque value).
     */
    List<String> notEvaluated(BucketView bucket) {
        return List.of();
    }
}
