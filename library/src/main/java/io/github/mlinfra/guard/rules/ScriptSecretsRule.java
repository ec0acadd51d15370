package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/**
 * A secrets rule that scans named script inputs (base64-decoded where they are encoded) of some
 * resource types; one class, two rules, their rationales in {@code rationales.json}:
 * <ul>
 *   <li>MLI-SEC-01: EC2 user data, of an instance ({@code userData}, {@code userDataBase64}) or a
 *       launch template ({@code userData}, base64-encoded as the EC2 API requires). User data is
 *       readable by anyone allowed {@code ec2:DescribeInstanceAttribute} and by every process on the
 *       instance through the metadata service
 *       (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html, looked up 2026-11-30).</li>
 *   <li>MLI-SEC-02: notebook lifecycle scripts ({@code onCreate}, {@code onStart}). They are returned in
 *       full by {@code DescribeNotebookInstanceLifecycleConfig}
 *       (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeNotebookInstanceLifecycleConfig.html,
 *       looked up 2026-11-30).</li>
 * </ul>
 */
final class ScriptSecretsRule extends SecretsRule {
    private final List<String> types;
    private final List<String> inputs;

    ScriptSecretsRule(Control control, String checkov, List<String> types, List<String> inputs) {
        super(control, InputRule.rationale(control), checkov);
        this.types = types;
        this.inputs = inputs;
    }

    /** MLI-SEC-01 and MLI-SEC-02. */
    static List<ScriptSecretsRule> all() {
        return List.of(new ScriptSecretsRule(Control.SEC_EC2_USER_DATA,
                        "CKV_AWS_46 (instances, launch configurations), and its secrets framework by kind",
                        List.of(Types.INSTANCE, Types.LAUNCH_TEMPLATE), List.of("userData", "userDataBase64")),
                new ScriptSecretsRule(Control.SEC_LIFECYCLE_SCRIPT, "none for the script, its secrets framework by kind",
                        List.of(Types.NOTEBOOK_LIFECYCLE), List.of("onCreate", "onStart")));
    }

    @Override
    public List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        for (PlannedResource r : plan.ofType(types.toArray(String[]::new))) {
            for (String key : inputs) {
                scanInput(out, r, key, true);
            }
        }
        return out;
    }
}
