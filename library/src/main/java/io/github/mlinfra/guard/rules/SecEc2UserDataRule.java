package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/**
 * MLI-SEC-01: no credentials in EC2 user data, of an instance ({@code userData},
 * {@code userDataBase64}) or a launch template ({@code userData}, base64-encoded as the EC2 API
 * requires). User data is readable by anyone allowed {@code ec2:DescribeInstanceAttribute} and by
 * every process on the instance through the metadata service
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html, looked up 2026-11-30).
 */
final class SecEc2UserDataRule extends SecretsRule {
    SecEc2UserDataRule() {
        super(Control.SEC_EC2_USER_DATA, "EC2 user data is not protected: anyone who may describe the instance, and any "
                + "process on it through the instance metadata service, can read it. Give the instance a role, and "
                + "fetch other credentials from Secrets Manager or Parameter Store at boot.",
                "CKV_AWS_46 (instances, launch configurations), and its secrets framework by kind");
    }

    @Override
    public List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        for (PlannedResource r : plan.ofType(Types.INSTANCE, Types.LAUNCH_TEMPLATE)) {
            for (String key : List.of("userData", "userDataBase64")) {
                scanInput(out, r, key, true);
            }
        }
        return out;
    }
}
