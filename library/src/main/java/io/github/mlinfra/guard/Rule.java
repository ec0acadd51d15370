package io.github.mlinfra.guard;

import io.github.mlinfra.controls.Control;
import java.util.List;

/**
 * A posture rule: implements one {@link Control} of the registry (its id, severity, title and
 * external controls) and reports the plan resources that violate it.
 */
public interface Rule {
    /**
     * The control this rule implements.
     *
     * @return the control
     */
    Control control();

    /**
     * Why the control matters, in a few sentences (the SARIF help text and CONTROLS.md).
     *
     * @return the rationale
     */
    String rationale();

    /**
     * Evaluates the rule over a whole plan.
     *
     * @param plan the indexed plan
     * @return one violation per offending resource and problem; empty when compliant
     */
    List<Violation> check(PlanIndex plan);

    /**
     * The rule's id, the control's.
     *
     * @return e.g. {@code MLI-S3-03}
     */
    default String id() {
        return control().id();
    }
}
