package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.policy.Condition;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.List;

/** MLI-S3-04: the bucket policy denies TLS older than 1.2. */
final class S3MinTlsRule extends BucketRule {
    S3MinTlsRule() {
        super(Control.S3_MIN_TLS, "TLS 1.0 and 1.1 have known weaknesses and are deprecated; a Deny on "
                + "NumericLessThan s3:TlsVersion 1.2 keeps old clients from negotiating them.");
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
        for (PolicyDocument p : b.policies()) {
            for (Statement s : p.getStatements()) {
                if (s.getEffect() == Effect.Deny && Policies.isAnyone(s.getPrincipal())) {
                    for (Condition c : Policies.conditions(s, "s3:TlsVersion")) {
                        if (c.getOperator().startsWith("NumericLessThan") && c.getValues().contains("1.2")) {
                            return List.of();
                        }
                    }
                }
            }
        }
        return List.of("no bucket policy statement denies requests with NumericLessThan s3:TlsVersion 1.2");
    }
}
