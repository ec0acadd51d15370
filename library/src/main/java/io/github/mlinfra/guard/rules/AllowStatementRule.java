package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule judging each Allow statement of the plan's identity policies (policies, inline role, user
 * and group policies). A policy text that is not a valid document, or that is {@code "[unknown]"}
 * or {@code "[secret]"}, is reported as not evaluated.
 */
abstract class AllowStatementRule extends DescribedRule {
    AllowStatementRule(Control control, String rationale) {
        super(control, rationale);
    }

    @Override
    public final List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        for (Policies.Found f : Policies.identityPolicies(plan)) {
            Optional<PolicyDocument> doc = Policies.parse(f.text);
            if (doc.isEmpty()) {
                out.add(Violation.notEvaluated(f.resource, f.input + " is not a valid policy document"));
                continue;
            }
            for (Statement s : doc.get().getStatements()) {
                if (s.getEffect() == Effect.Allow) {
                    check(f, s, out);
                }
            }
        }
        out.addAll(Policies.notEvaluated(plan, true));
        return out;
    }

    /**
     * Judges one Allow statement, adding its findings to {@code out}.
     *
     * @param policy the policy the statement stands in, with its resource and input
     * @param allow the statement
     * @param out the findings so far
     */
    abstract void check(Policies.Found policy, Statement allow, List<Violation> out);
}
