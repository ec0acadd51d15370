package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import java.util.ArrayList;
import java.util.List;

/** MLI-IAM-05: no policy holds a literal placeholder account id. */
final class IamNoPlaceholdersRule extends DescribedRule {
    IamNoPlaceholdersRule() {
        super(Control.IAM_NO_PLACEHOLDERS,
                "A policy with a literal placeholder (ACCOUNT_ID, <account-id>, XXXXXXXXXXXX) is rejected by AWS or, "
                + "worse, grants nothing to the intended principal; the account and partition must be looked up at "
                + "run time.");
    }

    @Override
    public List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        for (Policies.Found f : Policies.allPolicies(plan)) {
            Placeholders.find(f.text).ifPresent(p -> out.add(Violation.of(f.resource,
                    f.input + " holds the placeholder account id '" + p + "'")));
        }
        out.addAll(Policies.notEvaluated(plan, false));
        return out;
    }
}
