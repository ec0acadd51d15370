package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MLI-SEC-04: no credentials in any resource's tags. AWS asks that tags hold no sensitive data:
 * they are readable by many services and in billing reports
 * (https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html,
 * looked up 2026-11-30).
 */
final class SecTagsRule extends SecretsRule {
    SecTagsRule() {
        super(Control.SEC_TAGS, "Tags are metadata that AWS asks never to hold sensitive data: they appear in billing "
                + "reports, the Resource Groups Tagging API and in many services' read-only views.",
                "none for tags, its secrets framework by kind");
    }

    @Override
    public List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        for (PlannedResource r : plan.getPlan().getResources()) {
            Object tags = r.revealedInput("tags").orElse(null);
            if (tags instanceof String opaque && PlanIndex.isOpaque(opaque)) {
                out.add(Violation.notEvaluated(r, "tags is " + opaque));
            } else if (tags instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (e.getValue() instanceof String opaque && PlanIndex.isOpaque(opaque)) {
                        out.add(Violation.notEvaluated(r, "tags." + e.getKey() + " is " + opaque));
                        continue;
                    }
                    String value = readable(e.getValue());
                    if (value != null) {
                        report(out, r, "tags." + e.getKey(), SecretScanner.scanNamed(String.valueOf(e.getKey()), value));
                    }
                }
            }
        }
        return out;
    }
}
