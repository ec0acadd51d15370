package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-IAM-01: no AWS-managed policy is attached. */
final class IamNoManagedPoliciesRule extends SimpleResourceRule {
    IamNoManagedPoliciesRule() {
        super(Control.IAM_NO_MANAGED_POLICIES, "AWS-managed policies such as AmazonSageMakerFullAccess or "
                + "AmazonS3ReadOnlyAccess grant every resource of a service in the account and change when AWS "
                + "changes them; a role should get a policy scoped to the buckets, keys and jobs it uses.",
                Types.ROLE_POLICY_ATTACHMENT, Types.USER_POLICY_ATTACHMENT, Types.GROUP_POLICY_ATTACHMENT,
                Types.POLICY_ATTACHMENT, Types.ROLE);
    }

    static boolean isAwsManaged(Object arn) {
        return arn instanceof String s && s.matches("arn:aws[a-z-]*:iam::aws:policy/.+");
    }

    @Override
    public List<String> check(PlannedResource r) {
        List<String> out = new ArrayList<>();
        if (r.getType().equals(Types.ROLE)) {
            for (Object arn : PlanIndex.list(r, "managedPolicyArns")) {
                if (isAwsManaged(arn)) {
                    out.add("managedPolicyArns includes the AWS-managed policy " + arn);
                }
            }
        } else {
            Object arn = r.input("policyArn").orElse(null);
            if (isAwsManaged(arn)) {
                out.add("attaches the AWS-managed policy " + arn);
            }
        }
        return out;
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        List<String> out = opaque(r, "policyArn", "managedPolicyArns");
        List<Object> arns = PlanIndex.list(r, "managedPolicyArns");
        for (int i = 0; i < arns.size(); i++) {
            out.addAll(opaque(r, "managedPolicyArns." + i));
        }
        return out;
    }
}
