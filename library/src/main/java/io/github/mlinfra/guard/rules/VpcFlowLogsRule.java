package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-VPC-01: the VPC has flow logs. */
final class VpcFlowLogsRule extends VpcRule {
    VpcFlowLogsRule() {
        super(Control.VPC_FLOW_LOGS, "Flow logs are the only record of which addresses talked to which inside and "
                + "out of the VPC; without them exfiltration and lateral movement leave no network trace.");
    }

    @Override
    List<String> check(PlannedResource vpc, PlanIndex plan) {
        return plan.referring(vpc, Types.FLOW_LOG, "vpcId").isEmpty()
                ? List.of("no " + Types.FLOW_LOG + " has vpcId referring to this VPC") : List.of();
    }
}
