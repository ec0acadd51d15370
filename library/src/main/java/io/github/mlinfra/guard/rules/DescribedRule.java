package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.Rule;

/** A rule whose control and rationale are given at construction (the joined-resource rules). */
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
}
