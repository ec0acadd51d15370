package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-SM-06: lifecycle configuration scripts are base64-encoded shell scripts. */
final class SmLifecycleScriptRule extends SimpleResourceRule {
    SmLifecycleScriptRule() {
        super(Control.SM_LIFECYCLE_SCRIPT, "onCreate/onStart must be the base64 encoding of a script starting with "
                + "#!; anything else fails when the notebook starts, so the hardening the script was meant to do "
                + "never happens. In our own plans the rule reads a [secret] script's plain value (and never quotes "
                + "it); a foreign stack's [secret] or an [unknown] script is reported as not evaluated.",
                Types.NOTEBOOK_LIFECYCLE);
    }

    @Override
    public List<String> check(PlannedResource r) {
        List<String> out = new ArrayList<>();
        for (String key : List.of("onCreate", "onStart")) {
            Object v = r.revealedInput(key).orElse(null);
            if (v == null || PlanIndex.isOpaque(v)) {
                continue;
            }
            boolean secret = PlanIndex.SECRET.equals(r.input(key).orElse(null));
            String text = String.valueOf(v);
            String decoded;
            try {
                decoded = new String(java.util.Base64.getDecoder().decode(text.strip()), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                out.add(key + " is not base64 (" + text.length() + " characters; not shown, a script may hold a secret)");
                continue;
            }
            if (!decoded.startsWith("#!")) {
                out.add(key + " decodes to text that does not start with #! (not a script; " + decoded.length()
                        + " characters, not shown: a script may hold a secret)");
            }
        }
        return out;
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        List<String> out = new ArrayList<>();
        for (String key : List.of("onCreate", "onStart")) {
            r.revealedInput(key).filter(PlanIndex::isOpaque).ifPresent(v -> out.add(key + " is " + v));
        }
        return out;
    }
}
