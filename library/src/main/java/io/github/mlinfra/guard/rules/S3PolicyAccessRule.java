package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.plan.PlannedResource;
import io.github.mlinfra.policy.ExternalAccess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bucket policies read with {@link ExternalAccess}: each bucket's policies (the legacy inline
 * {@code policy} and every BucketPolicy that refers to it) are judged on the bucket; a BucketPolicy
 * whose bucket is not in the plan is judged on itself, so no policy goes unread.
 */
class S3PolicyAccessRule extends DescribedRule {
    private final ExternalAccess.Scope scope;

    S3PolicyAccessRule(Control control, String rationale, ExternalAccess.Scope scope) {
        super(control, rationale);
        this.scope = scope;
    }

    @Override
    public List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        Set<String> joined = new HashSet<>();
        for (BucketView b : BucketView.all(plan)) {
            if (b.legacy) {
                ResourcePolicyRule.judge(plan, b.bucket, b.bucket, "policy", scope, out);
            }
            for (PlannedResource p : b.related(Types.BUCKET_POLICY)) {
                joined.add(p.getUrn());
                ResourcePolicyRule.judge(plan, p, b.bucket, "policy", scope, out);
            }
            out.addAll(more(b));
        }
        for (PlannedResource p : plan.ofType(Types.BUCKET_POLICY)) {
            if (!joined.contains(p.getUrn())) {
                ResourcePolicyRule.judge(plan, p, p, "policy", scope, out);
            }
        }
        return out;
    }

    /** Further findings on a bucket (the public canned ACL of MLI-S3-02). */
    List<Violation> more(BucketView b) {
        return List.of();
    }
}
