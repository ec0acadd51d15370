package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-KMS-03: the key policy is explicit, keeps an administrator and the lockout safety check. */
final class KmsKeyPolicyRule extends SimpleResourceRule {
    KmsKeyPolicyRule() {
        super(Control.KMS_KEY_POLICY, "The key policy is the only thing that grants access to a KMS key; it must be "
                + "written down, must keep the account root (or an admin role) able to manage the key or the key "
                + "becomes unmanageable, must not hold a placeholder that makes the deployment fail, and must not "
                + "bypass the lockout safety check that prevents exactly that.", Types.KMS_KEY);
    }

    @Override
    public List<String> check(PlannedResource r) {
        List<String> out = new ArrayList<>();
        if (PlanIndex.bool(r, "bypassPolicyLockoutSafetyCheck").orElse(false)) {
            out.add("bypassPolicyLockoutSafetyCheck is true");
        }
        Object policy = r.input("policy").orElse(null);
        if (PlanIndex.isOpaque(policy)) {
            return out;
        }
        if (!(policy instanceof String text) || text.isBlank()) {
            out.add("no explicit key policy (policy is empty: the implicit default policy applies)");
            return out;
        }
        Placeholders.find(text).ifPresent(p -> out.add("the key policy holds the placeholder '" + p + "'"));
        var doc = Policies.parse(text);
        if (doc.isEmpty()) {
            out.add("the key policy is not a valid policy document");
            return out;
        }
        boolean admin = doc.get().getStatements().stream().anyMatch(s -> s.getEffect() == io.github.mlinfra.policy.Effect.Allow
                && s.getPrincipal().map(p -> p.getIdentifiers().getOrDefault("AWS", List.of()).stream()
                        .anyMatch(a -> a.endsWith(":root") || a.contains(":role/") || a.matches("\\d{12}"))).orElse(false)
                && (Policies.hasAction(s, "kms:PutKeyPolicy") || Policies.hasAction(s, "kms:*")));
        if (!admin) {
            out.add("no statement allows the account root or an admin role to manage the key (kms:PutKeyPolicy)");
        }
        return out;
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "policy");
    }
}
