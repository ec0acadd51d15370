package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/**
 * MLI-IAM-04: service trust policies carry aws:SourceAccount or aws:SourceArn, for the services that
 * send them ({@link io.github.mlinfra.aws.ConfusedDeputyKeys}, the table ServiceRole uses too).
 * CloudTrail and EC2 send neither, so their trusts are not findings; a SageMaker notebook role has
 * no condition and records a built-in waiver saying why.
 */
final class IamConfusedDeputyRule extends SimpleResourceRule {
    IamConfusedDeputyRule() {
        super(Control.IAM_CONFUSED_DEPUTY, "A role trusted by a service principal alone can be assumed by that "
                + "service on behalf of any account (the confused deputy); an aws:SourceAccount or aws:SourceArn "
                + "condition limits it to requests made for this account.", Types.ROLE);
    }

    @Override
    public List<String> check(PlannedResource r) {
        var text = PlanIndex.text(r.getInputs().get("assumeRolePolicy"));
        if (text.isEmpty()) {
            return List.of();
        }
        var doc = Policies.parse(text.get());
        if (doc.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (var s : doc.get().getStatements()) {
            List<String> services = s.getPrincipal().map(p -> p.getIdentifiers().getOrDefault("Service", List.of()))
                    .orElse(List.of()).stream()
                    .filter(svc -> io.github.mlinfra.aws.ConfusedDeputyKeys.lookup(svc, java.util.Optional.empty())
                            .map(io.github.mlinfra.aws.ConfusedDeputyKeys.Entry::sendsSourceAccount).orElse(false))
                    .collect(java.util.stream.Collectors.toList());
            boolean scoped = s.getConditions().stream().anyMatch(c -> c.getKey().equalsIgnoreCase("aws:SourceAccount")
                    || c.getKey().equalsIgnoreCase("aws:SourceArn") || c.getKey().equalsIgnoreCase("aws:SourceOrgID"));
            if (s.getEffect() == io.github.mlinfra.policy.Effect.Allow && !services.isEmpty() && !scoped) {
                out.add("assumeRolePolicy trusts " + services + " with no aws:SourceAccount or aws:SourceArn condition");
            }
        }
        return out;
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        if (PlanIndex.isOpaque(r, "assumeRolePolicy")) {
            return opaque(r, "assumeRolePolicy");
        }
        return PlanIndex.text(r.getInputs().get("assumeRolePolicy")).filter(t -> Policies.parse(t).isEmpty())
                .map(t -> List.of("assumeRolePolicy is not a valid policy document")).orElse(List.of());
    }
}
