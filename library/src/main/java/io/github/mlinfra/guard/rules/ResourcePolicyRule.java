package io.github.mlinfra.guard.rules;

import io.github.mlinfra.aws.AwsOwnedBuckets;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.plan.PlannedResource;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.ExternalAccess;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule that reads resource policies with {@link ExternalAccess} and reports the grants of one
 * scope (public, or external to the stack's account and the guard's trusted ids) on the resource
 * that carries the policy. An opaque or invalid policy, or a part the evaluator cannot read, is
 * not evaluated.
 */
class ResourcePolicyRule extends DescribedRule {
    static final String VPC_ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";

    private final ExternalAccess.Scope scope;
    private final Map<String, String> inputs;

    /**
     * @param inputs type token to the input holding the policy
     */
    ResourcePolicyRule(Control control, String rationale, ExternalAccess.Scope scope, Map<String, String> inputs) {
        super(control, rationale);
        this.scope = scope;
        this.inputs = new LinkedHashMap<>(inputs);
    }

    static Map<String, String> inputs(String... typeInputPairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < typeInputPairs.length; i += 2) {
            m.put(typeInputPairs[i], typeInputPairs[i + 1]);
        }
        return m;
    }

    @Override
    public List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            for (PlannedResource r : plan.ofType(e.getKey())) {
                judge(plan, r, r, e.getValue(), scope, out);
            }
        }
        return out;
    }

    /**
     * Judges the policy at {@code input} of {@code holder}, reporting on {@code reportOn}.
     */
    static void judge(PlanIndex plan, PlannedResource holder, PlannedResource reportOn, String input,
                      ExternalAccess.Scope scope, List<Violation> out) {
        Object value = holder.input(input).orElse(null);
        String where = holder == reportOn ? input : holder.getName() + " " + input;
        if (value == null || value instanceof String s && s.isBlank()) {
            return;
        }
        if (PlanIndex.isOpaque(value)) {
            out.add(Violation.notEvaluated(reportOn, where + " is " + value));
            return;
        }
        Optional<PolicyDocument> doc = value instanceof String text ? Policies.parse(text) : Optional.empty();
        if (doc.isEmpty()) {
            out.add(Violation.notEvaluated(reportOn, where + " is not a valid policy document"));
            return;
        }
        Optional<String> own = PlanIndex.accountOf(holder).or(plan::stackAccount);
        PolicyDocument policy = doc.get();
        if (holder.getType().equals(VPC_ENDPOINT)) {
            List<Statement> kept = withoutAwsOwnedReads(policy.getStatements());
            if (kept.isEmpty()) {
                return;
            }
            policy = kept.size() == policy.getStatements().size() ? policy : PolicyDocument.of(kept.toArray(Statement[]::new));
        }
        ExternalAccess.Result result = ExternalAccess.analyze(policy, own, plan.trustedAccounts());
        for (ExternalAccess.Grant g : result.of(scope)) {
            out.add(Violation.of(reportOn, where + ": " + g.describe()));
        }
        for (String u : result.getUndecided()) {
            out.add(Violation.notEvaluated(reportOn, where + ": " + u));
        }
    }

    /**
     * An endpoint policy's statements without those that only let callers read objects of AWS-owned
     * buckets ({@link AwsOwnedBuckets}: ECR layers, Amazon Linux repositories, SSM, the CloudWatch
     * agent). Such a statement names {@code Principal "*"} because those downloads are presigned by,
     * or public in, AWS's own accounts; it lets nobody move data to another account's resources,
     * which is the risk an endpoint policy closes (AWS's data-perimeter endpoint examples allow
     * these buckets the same way).
     */
    static List<Statement> withoutAwsOwnedReads(List<Statement> statements) {
        return statements.stream().filter(st -> !(st.getEffect() == Effect.Allow
                && st.getNotActions().isEmpty() && !st.getActions().isEmpty()
                && st.getActions().stream().allMatch(a -> a.equalsIgnoreCase("s3:GetObject"))
                && !st.getResources().isEmpty() && st.getNotResources().isEmpty()
                && st.getResources().stream().allMatch(AwsOwnedBuckets::isAwsOwnedObjectArn))).toList();
    }
}
