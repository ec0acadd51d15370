package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.policy.Statement;
import java.util.List;

/** MLI-IAM-02: no Allow statement of an identity policy has a wildcard action. */
final class IamNoWildcardActionsRule extends AllowStatementRule {
    IamNoWildcardActionsRule() {
        super(Control.IAM_NO_WILDCARD_ACTIONS,
                "A wildcard action (\"*\", \"s3:*\", \"s3:Get*\") grants actions the author never listed, including "
                + "ones AWS adds later; least privilege means naming each action.");
    }

    @Override
    void check(Policies.Found f, Statement s, List<Violation> out) {
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
