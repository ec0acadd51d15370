package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.policy.Condition;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.List;

/** MLI-S3-03: the bucket policy denies requests not made over TLS, on the bucket and its objects. */
final class S3TlsOnlyRule extends BucketRule {
    S3TlsOnlyRule() {
        super(Control.S3_TLS_ONLY, "Without a Deny on aws:SecureTransport=false, clients may read and write over "
                + "plain HTTP; the statement must deny every principal and every S3 action on both the bucket ARN "
                + "and arn/* or some requests slip through.");
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
        String arn = b.arn().orElse("arn:aws:s3:::*");
        for (PolicyDocument p : b.policies()) {
            for (Statement s : p.getStatements()) {
                if (isTlsOnly(s, arn)) {
                    return List.of();
                }
            }
        }
        return List.of("no bucket policy statement denies (Principal \"*\", Action s3:*) requests with "
                + "aws:SecureTransport=false on both " + arn + " and " + arn + "/*");
    }

    static boolean isTlsOnly(Statement s, String arn) {
        if (s.getEffect() != Effect.Deny || !Policies.isAnyone(s.getPrincipal())) {
            return false;
        }
        boolean allActions = s.getActions().stream().anyMatch(a -> a.equals("*") || a.equalsIgnoreCase("s3:*"));
        boolean insecure = false;
        for (Condition c : Policies.conditions(s, "aws:SecureTransport")) {
            if (c.getOperator().startsWith("Bool") && c.getValues().stream().anyMatch("false"::equalsIgnoreCase)) {
                insecure = true;
            }
        }
        return allActions && insecure && s.getConditions().size() == 1
                && Policies.covers(s, arn) && Policies.covers(s, arn + "/object");
    }
}
