package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-IAM-06: a policy attachment names an IAM policy ARN. */
final class IamAttachmentIsPolicyRule extends SimpleResourceRule {
    IamAttachmentIsPolicyRule() {
        super(Control.IAM_ATTACHMENT_IS_POLICY, "A policy attachment takes the ARN of an IAM managed policy; "
                + "passing another ARN (a KMS key's, say) fails the deployment and leaves the role without the "
                + "permission the author meant to grant.", Types.ROLE_POLICY_ATTACHMENT, Types.USER_POLICY_ATTACHMENT,
                Types.GROUP_POLICY_ATTACHMENT, Types.POLICY_ATTACHMENT);
    }

    @Override
    public List<String> check(PlannedResource r) {
        Object arn = r.input("policyArn").orElse(null);
        if (arn == null || PlanIndex.isOpaque(arn)
                || String.valueOf(arn).matches("arn:aws[a-z-]*:iam::(aws|\\d{12}):policy/.+")) {
            return List.of();
        }
        return List.of("policyArn is not an IAM policy ARN: " + arn);
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "policyArn");
    }
}
