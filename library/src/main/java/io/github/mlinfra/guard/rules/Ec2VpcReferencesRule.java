package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-EC2-09: security groups by id, instance profile by name. */
final class Ec2VpcReferencesRule extends SimpleResourceRule {
    Ec2VpcReferencesRule() {
        super(Control.EC2_VPC_REFERENCES, "securityGroups (by name) only works in EC2-Classic or a default VPC, "
                + "so the instance lands outside the intended network or fails; iamInstanceProfile takes the "
                + "profile's name, not its ARN. Use vpcSecurityGroupIds and the profile name.", Types.INSTANCE);
    }

    @Override
    public List<String> check(PlannedResource r) {
        List<String> out = new ArrayList<>();
        if (!PlanIndex.isBlank(r, "securityGroups")) {
            out.add("securityGroups names groups " + r.input("securityGroups").orElse("") + " (EC2-Classic form); use vpcSecurityGroupIds");
        }
        PlanIndex.text(r.getInputs().get("iamInstanceProfile")).filter(p -> p.startsWith("arn:"))
                .ifPresent(p -> out.add("iamInstanceProfile is an ARN (" + p + "); it takes the instance profile name"));
        return out;
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "iamInstanceProfile");
    }
}
