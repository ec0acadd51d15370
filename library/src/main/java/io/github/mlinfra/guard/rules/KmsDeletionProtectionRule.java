package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-KMS-04: the key is protected from deletion by the engine. */
final class KmsDeletionProtectionRule extends SimpleResourceRule {
    KmsDeletionProtectionRule() {
        super(Control.KMS_DELETION_PROTECTION, "Deleting a key makes everything encrypted under it unreadable for "
                + "good; protect keeps a `pulumi destroy` or a rename from scheduling that deletion.", Types.KMS_KEY);
    }

    @Override
    public List<String> check(PlannedResource r) {
        return r.isProtect() ? List.of() : List.of("the key is not protected (resource option protect)");
    }
}
