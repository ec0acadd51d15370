package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.List;

/** MLI-S3-02: no bucket policy or canned ACL grants public access. */
final class S3NoPublicPolicyRule extends BucketRule {
    private static final List<String> PUBLIC_ACLS = List.of("public-read", "public-read-write", "authenticated-read");

    S3NoPublicPolicyRule() {
        super(Control.S3_NO_PUBLIC_POLICY, "An Allow to Principal \"*\" without a restricting condition (or a public "
                + "canned ACL) hands the objects to anyone on the internet; model weights and training data are "
                + "then one URL away from a leak.");
    }

    @Override
    List<String> check(BucketView b) {
        List<String> out = new ArrayList<>();
        for (PolicyDocument p : b.policies()) {
            for (Statement s : p.getStatements()) {
                boolean publicPrincipal = Policies.isAnyone(s.getPrincipal()) || s.getNotPrincipal().isPresent();
                if (s.getEffect() == Effect.Allow && publicPrincipal && s.getConditions().isEmpty()) {
                    out.add("policy statement " + s.getSid().orElse("(no Sid)") + " allows " + s.getActions()
                            + " to Principal \"*\" with no condition");
                }
            }
        }
        if (b.legacy) {
            PlanIndex.text(b.bucket.getInputs().get("acl")).filter(PUBLIC_ACLS::contains)
                    .ifPresent(acl -> out.add("canned ACL acl=\"" + acl + "\" grants public access"));
        }
        return out;
    }
}
