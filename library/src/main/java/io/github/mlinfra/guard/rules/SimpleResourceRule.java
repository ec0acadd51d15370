package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.ResourceRule;
import java.util.Set;

/** A {@link ResourceRule} with its control, rationale and types given at construction. */
abstract class SimpleResourceRule extends ResourceRule {
    private final Control control;
    private final String rationale;
    private final Set<String> types;

    SimpleResourceRule(Control control, String rationale, String... types) {
        this.control = control;
        this.rationale = rationale;
        this.types = Set.of(types);
    }

    @Override
    public final Control control() {
        return control;
    }

    @Override
    public final String rationale() {
        return rationale;
    }

    @Override
    public final Set<String> types() {
        return types;
    }
}
