package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.policy.ExternalAccess;
import java.util.List;

/**
 * MLI-S3-02: no bucket policy grants public access ({@link ExternalAccess}: anyone, without a
 * condition that restricts the caller) and no canned ACL is public.
 */
final class S3NoPublicPolicyRule extends S3PolicyAccessRule {
    private static final List<String> PUBLIC_ACLS = List.of("public-read", "public-read-write", "authenticated-read");

    S3NoPublicPolicyRule() {
        super(Control.S3_NO_PUBLIC_POLICY, "An Allow to anyone (Principal \"*\", {\"AWS\": \"*\"}, NotPrincipal) "
                + "without a condition that restricts the caller (aws:SourceAccount, aws:SourceArn, aws:PrincipalOrgID, "
                + "aws:SourceVpce, aws:SourceIp, ...) or a public canned ACL hands the objects to anyone on the internet; "
                + "model weights and training data are then one URL away from a leak.", ExternalAccess.Scope.PUBLIC);
    }

    @Override
    List<Violation> more(BucketView b) {
        if (!b.legacy) {
            return List.of();
        }
        return PlanIndex.text(b.bucket.getInputs().get("acl")).filter(PUBLIC_ACLS::contains)
                .map(acl -> List.of(Violation.of(b.bucket, "canned ACL acl=\"" + acl + "\" grants public access")))
                .orElse(List.of());
    }
}
