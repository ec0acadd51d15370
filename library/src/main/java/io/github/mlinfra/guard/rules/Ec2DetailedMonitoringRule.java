package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-EC2-05: detailed monitoring is on. */
final class Ec2DetailedMonitoringRule extends SimpleResourceRule {
    Ec2DetailedMonitoringRule() {
        super(Control.EC2_DETAILED_MONITORING, "One-minute metrics show a runaway or hijacked training instance "
                + "(crypto-mining, exfiltration bursts) in time to act; five-minute metrics often do not.",
                Types.INSTANCE);
    }

    @Override
    public List<String> check(PlannedResource r) {
        if (PlanIndex.isOpaque(r, "monitoring") || PlanIndex.bool(r, "monitoring").orElse(false)) {
            return List.of();
        }
        return List.of("monitoring is not true");
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "monitoring");
    }
}
