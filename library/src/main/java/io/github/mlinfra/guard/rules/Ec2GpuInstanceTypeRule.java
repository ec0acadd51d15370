package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-EC2-07: a training instance uses a GPU or accelerator type. */
final class Ec2GpuInstanceTypeRule extends SimpleResourceRule {
    /** Instance families with GPUs or ML accelerators (NVIDIA, Gaudi, Trainium, Inferentia). */
    static final java.util.regex.Pattern ACCELERATED = java.util.regex.Pattern.compile("(p\\d|g\\d|dl\\d|trn\\d|inf\\d)[a-z0-9-]*\\..+");

    Ec2GpuInstanceTypeRule() {
        super(Control.EC2_GPU_INSTANCE_TYPE, "A trainer on a CPU type is a cost and capacity mistake that usually "
                + "means the wrong launch template or variable; applies to instances tagged mlinfra:purpose=training.",
                Types.INSTANCE);
    }

    @Override
    public List<String> check(PlannedResource r) {
        if (!r.hasTag("mlinfra:purpose", "training")) {
            return List.of();
        }
        return PlanIndex.text(r.getInputs().get("instanceType")).filter(t -> !ACCELERATED.matcher(t).matches())
                .map(t -> List.of("instanceType " + t + " is not a GPU/accelerator type (p*, g*, dl*, trn*, inf*)"))
                .orElse(List.of());
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        if (PlanIndex.isOpaque(r, "tags")) {
            return opaque(r, "tags");
        }
        return r.hasTag("mlinfra:purpose", "training") ? opaque(r, "instanceType") : List.of();
    }
}
