package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Rule;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** MLI-IAM-02: no Allow statement of an identity policy has a wildcard action. */
final class IamNoWildcardActionsRule implements Rule {
    @Override
    public Control control() {
        return Control.IAM_NO_WILDCARD_ACTIONS;
    }

    @Override
    public String rationale() {
        return "A wildcard action (\"*\", \"s3:*\", \"s3:Get*\") grants actions the author never listed, including "
                + "ones AWS adds later; least privilege means naming each action.";
    }

    @Override
    public List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        for (Policies.Found f : Policies.identityPolicies(plan)) {
            Optional<PolicyDocument> doc = Policies.parse(f.text);
            if (doc.isEmpty()) {
                out.add(Violation.notEvaluated(f.resource, f.input + " is not a valid policy document"));
                continue;
            }
            for (Statement s : doc.get().getStatements()) {
                if (s.getEffect() != Effect.Allow) {
                    continue;
                }
                // one violation per wildcard, its detail the cdk-nag-style finding id (Action::s3:*), so a
                // suppression can accept one wildcard without hiding the next one added to the role
                String where = f.input + ": statement " + s.getSid().orElse("(no Sid)");
                s.getActions().stream().filter(Statement::isWildcardAction).distinct().forEach(a ->
                        out.add(Violation.of(f.resource, where + " allows wildcard action " + a, "Action::" + a)));
                if (!s.getNotActions().isEmpty()) {
                    out.add(Violation.of(f.resource, where + " allows every action but NotAction " + s.getNotActions(),
                            "NotAction::" + String.join(",", s.getNotActions())));
                }
            }
        }
        for (Policies.Found f : Policies.unreadable(plan, true)) {
            out.add(Violation.notEvaluated(f.resource, f.input + " is " + f.text));
        }
        return out;
    }
}
