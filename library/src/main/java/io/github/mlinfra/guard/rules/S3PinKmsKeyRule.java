package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.policy.Condition;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.List;

/** MLI-S3-12: the bucket policy denies uploads naming another KMS key, in a statement of its own. */
final class S3PinKmsKeyRule extends BucketRule {
    static final String KEY_ID = "s3:x-amz-server-side-encryption-aws-kms-key-id";

    S3PinKmsKeyRule() {
        super(Control.S3_PIN_KMS_KEY, "Default encryption does not stop a client from naming its own KMS key; a "
                + "Deny on s3:PutObject when s3:x-amz-server-side-encryption-aws-kms-key-id differs from the bucket "
                + "key pins it. The condition must stand alone: keys in one condition block are ANDed, so pairing it "
                + "with the algorithm header lets an upload with aws:kms and another key through. Applies to buckets "
                + "encrypted with SSE-KMS.");
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
}
