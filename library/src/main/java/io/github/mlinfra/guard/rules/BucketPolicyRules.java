package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.policy.Condition;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The rules that look for one statement in a bucket's policies (TLS only, minimum TLS version,
 * pinned KMS key, no SSE-C). Each is a {@link BucketPolicyRule} built from what it looks for; one
 * piece decides how an opaque policy is reported: when the statements that can be read already
 * satisfy the rule, the bucket is compliant; otherwise the rule could not decide (not evaluated).
 */
final class BucketPolicyRules {
    static final String SSE_C = "s3:x-amz-server-side-encryption-customer-algorithm";
    static final String KEY_ID = "s3:x-amz-server-side-encryption-aws-kms-key-id";

    private BucketPolicyRules() {}

    /** MLI-S3-03, -04, -12 and -13. */
    static List<BucketRule> all() {
        return List.of(new BucketPolicyRule(Control.S3_TLS_ONLY, BucketPolicyRules::tlsOnly),
                new BucketPolicyRule(Control.S3_MIN_TLS, BucketPolicyRules::minTls),
                new BucketPolicyRule(Control.S3_PIN_KMS_KEY, BucketPolicyRules::pinKey),
                new BucketPolicyRule(Control.S3_DENY_SSE_C, BucketPolicyRules::denySseC));
    }

    /** A bucket rule judged by the statements of its policies. */
    static final class BucketPolicyRule extends BucketRule {
        private final Function<BucketView, List<String>> judge;

        BucketPolicyRule(Control control, Function<BucketView, List<String>> judge) {
            super(control, InputRule.rationale(control));
            this.judge = judge;
        }

        @Override
        List<String> check(BucketView b) {
            return b.hasOpaquePolicy() ? List.of() : judge.apply(b);
        }

        @Override
        List<String> notEvaluated(BucketView b) {
            return b.hasOpaquePolicy() && !judge.apply(b).isEmpty() ? b.opaquePolicyReasons() : List.of();
        }
    }

    /** MLI-S3-03: a Deny of every S3 action for anyone over plain HTTP, on the bucket and its objects. */
    static List<String> tlsOnly(BucketView b) {
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

    /** MLI-S3-04: a Deny for anyone with NumericLessThan s3:TlsVersion 1.2. */
    static List<String> minTls(BucketView b) {
        for (PolicyDocument p : b.policies()) {
            for (Statement s : p.getStatements()) {
                if (s.getEffect() == Effect.Deny && Policies.isAnyone(s.getPrincipal())
                        && Policies.conditions(s, "s3:TlsVersion").stream().anyMatch(c ->
                                c.getOperator().startsWith("NumericLessThan") && c.getValues().contains("1.2"))) {
                    return List.of();
                }
            }
        }
        return List.of("no bucket policy statement denies requests with NumericLessThan s3:TlsVersion 1.2");
    }

    /**
     * MLI-S3-12: on an SSE-KMS bucket, a Deny of s3:PutObject when the key-id header names another
     * key, in a statement of its own (keys in one condition block are ANDed).
     */
    static List<String> pinKey(BucketView b) {
        if (!b.usesKms()) {
            return List.of();
        }
        String anded = null;
        for (PolicyDocument p : b.policies()) {
            for (Statement s : p.getStatements()) {
                if (s.getEffect() != Effect.Deny || !Policies.hasAction(s, "s3:PutObject")) {
                    continue;
                }
                for (Condition c : Policies.conditions(s, KEY_ID)) {
                    String op = c.getOperator().startsWith("ForAnyValue:") ? c.getOperator().substring("ForAnyValue:".length()) : c.getOperator();
                    if (op.startsWith("StringNotEquals") || op.startsWith("StringNotLike")) {
                        if (s.getConditions().size() == 1) {
                            return List.of();
                        }
                        List<String> others = new ArrayList<>();
                        s.getConditions().stream().filter(o -> o != c).forEach(o -> others.add(o.getOperator() + " " + o.getKey()));
                        anded = "statement " + s.getSid().orElse("(no Sid)") + " puts the key-id condition together with "
                                + others + " in one statement: IAM ANDs them, so an upload with aws:kms and another key is not denied";
                    }
                }
            }
        }
        if (anded != null) {
            return List.of(anded);
        }
        return List.of("no bucket policy statement denies s3:PutObject when " + KEY_ID + " names another key");
    }

    /** MLI-S3-13: a Deny of s3:PutObject when the SSE-C algorithm header is present. */
    static List<String> denySseC(BucketView b) {
        for (PolicyDocument p : b.policies()) {
            for (Statement s : p.getStatements()) {
                if (s.getEffect() == Effect.Deny && Policies.hasAction(s, "s3:PutObject")
                        && Policies.conditions(s, SSE_C).stream().anyMatch(c -> c.getOperator().equals("Null")
                                && c.getValues().contains("false"))) {
                    return List.of();
                }
            }
        }
        return List.of("no bucket policy statement denies s3:PutObject with Null " + SSE_C + " false");
    }
}
