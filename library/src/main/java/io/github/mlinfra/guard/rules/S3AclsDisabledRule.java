package io.github.mlinfra.guard.rules;

import java.util.ArrayList;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-S3-05: ACLs are disabled through object ownership BucketOwnerEnforced. */
final class S3AclsDisabledRule extends BucketRule {
    S3AclsDisabledRule() {
        super(Control.S3_ACLS_DISABLED, "ACLs are a second, legacy access-control system that bucket policies "
                + "and IAM do not show; BucketOwnerEnforced turns them off so the policy is the whole story.");
    }

    @Override
    List<String> check(BucketView b) {
        for (PlannedResource oc : b.related(Types.OWNERSHIP_CONTROLS)) {
            Object v = oc.input("rule.objectOwnership").orElse(null);
            if ("BucketOwnerEnforced".equals(v) || PlanIndex.isOpaque(v)) {
                return List.of();
            }
        }
        String acl = b.legacy ? PlanIndex.text(b.bucket.getInputs().get("acl")).map(a -> " (acl=\"" + a + "\" is set)").orElse("") : "";
        return List.of("no " + Types.OWNERSHIP_CONTROLS + " with rule.objectOwnership=BucketOwnerEnforced refers to this bucket" + acl);
    }

    @Override
    List<String> notEvaluated(BucketView b) {
        List<String> out = new ArrayList<>();
        for (PlannedResource oc : b.related(Types.OWNERSHIP_CONTROLS)) {
            Object v = oc.input("rule.objectOwnership").orElse(null);
            if ("BucketOwnerEnforced".equals(v)) {
                return List.of();
            }
            if (PlanIndex.isOpaque(v)) {
                out.add(oc.getName() + " rule.objectOwnership is " + v);
            }
        }
        return out;
    }
}
