package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.Rule;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** A rule over the whole plan whose control and rationale are given at construction. */
abstract class DescribedRule implements Rule {
    private final Control control;
    private final String rationale;

    DescribedRule(Control control, String rationale) {
        this.control = control;
        this.rationale = rationale;
    }

    @Override
    public final Control control() {
        return control;
    }

    @Override
    public final String rationale() {
        return rationale;
    }

    /**
     * Adds the findings on one resource to {@code out}: each problem a violation, each reason the
     * rule could not decide a not-evaluated one.
     */
    static void report(List<Violation> out, PlannedResource resource, List<String> problems, List<String> notEvaluated) {
        for (String m : problems) {
            out.add(Violation.of(resource, m));
        }
        for (String m : notEvaluated) {
            out.add(Violation.notEvaluated(resource, m));
        }
    }
}
