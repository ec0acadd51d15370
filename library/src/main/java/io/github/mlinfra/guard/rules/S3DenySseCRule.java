package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-S3-13: the bucket policy denies SSE-C uploads. */
final class S3DenySseCRule extends BucketRule {
    static final String SSE_C = "s3:x-amz-server-side-encryption-customer-algorithm";

    S3DenySseCRule() {
        super(Control.S3_DENY_SSE_C, "With SSE-C the client holds the key: objects the bucket's KMS key and "
                + "policies cannot read, and that are lost with the client's key (a ransomware pattern). A Deny on "
                + "s3:PutObject when s3:x-amz-server-side-encryption-customer-algorithm is present blocks it.");
    }

    @Override
    List<String> check(BucketView b) {
        return b.hasOpaquePolicy() ? List.of() : judge(b);
    }

    @Override
    List<String> notEvaluated(BucketView b) {
        return b.hasOpaquePolicy() && !judge(b).isEmpty() ? b.opaquePolicyReasons() : List.of();
    }

    /** The finding when the visible policies do not satisfy the rule. */
    private List<String> judge(BucketView b) {
        for (var p : b.policies()) {
            for (var s : p.getStatements()) {
                if (s.getEffect() == io.github.mlinfra.policy.Effect.Deny && Policies.hasAction(s, "s3:PutObject")
                        && Policies.conditions(s, SSE_C).stream().anyMatch(c -> c.getOperator().equals("Null")
                                && c.getValues().contains("false"))) {
                    return List.of();
                }
            }
        }
        return List.of("no bucket policy statement denies s3:PutObject with Null " + SSE_C + " false");
    }
}
