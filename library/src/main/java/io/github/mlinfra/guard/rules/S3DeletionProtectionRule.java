package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-S3-14: the bucket is protected from deletion. */
final class S3DeletionProtectionRule extends SimpleResourceRule {
    S3DeletionProtectionRule() {
        super(Control.S3_DELETION_PROTECTION, "A bucket of checkpoints, datasets or artifacts is state, not "
                + "configuration: without protect a `pulumi destroy` or a rename deletes it, and forceDestroy lets "
                + "the provider empty it first.", Types.BUCKET, Types.BUCKET_V2);
    }

    @Override
    public List<String> check(PlannedResource r) {
        List<String> out = new ArrayList<>();
        if (!r.isProtect()) {
            out.add("the bucket is not protected (resource option protect)");
        }
        if (PlanIndex.bool(r, "forceDestroy").orElse(false)) {
            out.add("forceDestroy is true: deleting the stack empties and deletes the bucket");
        }
        return out;
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "forceDestroy");
    }
}
