package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MLI-SEC-05: no credentials in plain-text stack outputs. Pulumi stores a stack output in plain
 * text in the state unless it is a secret
 * (https://www.pulumi.com/docs/iac/concepts/secrets/, looked up 2026-11-30); the plan shows secret
 * outputs as {@code [secret]}, which are not read. Findings are located at the stack resource
 * ({@code pulumi:pulumi:Stack}).
 */
final class SecOutputsRule extends SecretsRule {
    static final String STACK_TYPE = "pulumi:pulumi:Stack";

    SecOutputsRule() {
        super(Control.SEC_OUTPUTS, "A stack output is stored in plain text in the state and printed by pulumi stack "
                + "output unless it is a secret (Output.ofSecret / secret config), and anyone who may read the state "
                + "reads it.", "none for outputs, its secrets framework by kind");
    }

    @Override
    public List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        Plan p = plan.getPlan();
        if (p.getOutputs().isEmpty()) {
            return out;
        }
        PlannedResource stack = p.getResources().stream().filter(r -> STACK_TYPE.equals(r.getType())).findFirst()
                .orElseGet(() -> PlannedResource.builder()
                        .urn("urn:pulumi:" + p.getStack() + "::" + p.getProject() + "::" + STACK_TYPE + "::"
                                + p.getProject() + "-" + p.getStack())
                        .type(STACK_TYPE).name(p.getProject() + "-" + p.getStack()).custom(false).protect(false).build());
        for (Map.Entry<String, Object> e : p.getOutputs().entrySet()) {
            walk(out, stack, e.getKey(), e.getKey(), e.getValue());
        }
        return out;
    }

    private static void walk(List<Violation> out, PlannedResource stack, String name, String path, Object v) {
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                walk(out, stack, String.valueOf(e.getKey()), path + "." + e.getKey(), e.getValue());
            }
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                walk(out, stack, name, path + "[" + i + "]", l.get(i));
            }
        } else {
            // an output the stack marks [secret] is encrypted in the state, which is the remedy this rule asks for
            String text = readable(v);
            if (text != null) {
                report(out, stack, "outputs." + path, SecretScanner.scanNamed(name, text));
            }
        }
    }
}
