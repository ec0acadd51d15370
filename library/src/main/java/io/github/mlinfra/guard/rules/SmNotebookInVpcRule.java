package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-SM-02: the notebook runs in a VPC subnet with security groups. */
final class SmNotebookInVpcRule extends SimpleResourceRule {
    SmNotebookInVpcRule() {
        super(Control.SM_NOTEBOOK_IN_VPC, "A notebook outside a VPC subnet runs in a SageMaker-managed network "
                + "that no security group, NACL or flow log of the account governs.", Types.NOTEBOOK);
    }

    @Override
    public List<String> check(PlannedResource r) {
        List<String> missing = new ArrayList<>();
        if (PlanIndex.isBlank(r, "subnetId")) {
            missing.add("subnetId");
        }
        if (PlanIndex.isBlank(r, "securityGroups")) {
            missing.add("securityGroups");
        }
        return missing.isEmpty() ? List.of() : List.of(String.join(" and ", missing) + " not set: the notebook is not in a VPC");
    }
}
