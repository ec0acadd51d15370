package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MLI-GRD-01: a {@code mlinfra:waiver:<id>} tag names a control of the registry. A tag naming an
 * unknown id (a typo, a control of another version) waives nothing: the readers leave it a tag,
 * and this rule reports it on the resource that carries it, instead of failing the whole check.
 * Reads the {@code tags} input, or the {@code tags} output when no input has them.
 */
final class WaiverTagKnownRule extends DescribedRule {
    WaiverTagKnownRule() {
        super(Control.WAIVER_TAG_KNOWN,
                "A waiver tag (mlinfra:waiver:<control-id>) records why a control is off. One that names no "
                + "known control waives nothing, so the finding it was meant to explain stays open, or the waiver "
                + "was meant for a control this version does not know. Fix the id, or remove the tag.");
    }

    @Override
    public List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        for (PlannedResource r : plan.getPlan().getResources()) {
            Object tags = r.getInputs().containsKey("tags") ? r.getInputs().get("tags") : r.getOutputs().get("tags");
            if (!(tags instanceof Map<?, ?> m)) {
                continue;
            }
            for (Object key : m.keySet()) {
                String k = String.valueOf(key);
                if (k.startsWith(Waiver.TAG_PREFIX) && Control.byId(k.substring(Waiver.TAG_PREFIX.length())).isEmpty()) {
                    out.add(Violation.of(r, "the tag '" + k + "' names no known control, so it waives nothing; "
                            + "expected mlinfra:waiver:<id> with an id from docs/CONTROLS.md"));
                }
            }
        }
        return out;
    }
}
