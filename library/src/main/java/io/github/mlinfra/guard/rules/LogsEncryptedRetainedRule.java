package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;

/** MLI-LOG-01: log groups are KMS-encrypted with a retention period. */
final class LogsEncryptedRetainedRule extends SimpleResourceRule {
    LogsEncryptedRetainedRule() {
        super(Control.LOGS_ENCRYPTED_RETAINED, "Training and notebook logs leak paths, hyperparameters and at times "
                + "secrets; a KMS key limits who can read them, and a retention period keeps them from being kept "
                + "(and billed) forever.", "aws:cloudwatch/logGroup:LogGroup");
    }

    @Override
    public List<String> check(PlannedResource r) {
        List<String> out = new ArrayList<>();
        if (PlanIndex.isBlank(r, "kmsKeyId")) {
            out.add("kmsKeyId is not set");
        }
        Object days = r.input("retentionInDays").orElse(null);
        if (!PlanIndex.isOpaque(days) && !(days instanceof Number n && n.longValue() > 0)) {
            out.add("retentionInDays is not set (logs are kept forever)");
        }
        return out.isEmpty() ? out : List.of(String.join("; ", out));
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return opaque(r, "retentionInDays");
    }
}
