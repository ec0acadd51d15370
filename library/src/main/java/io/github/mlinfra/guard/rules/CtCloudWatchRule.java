package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/** MLI-CT-04: the trail delivers to CloudWatch Logs. */
final class CtCloudWatchRule extends SimpleResourceRule {
    CtCloudWatchRule() {
        super(Control.CT_CLOUDWATCH, "Delivery to CloudWatch Logs enables metric filters and alarms on API "
                + "activity in near real time; S3 delivery alone is only for after-the-fact analysis.", Types.TRAIL);
    }

    @Override
    public List<String> check(PlannedResource r) {
        return PlanIndex.isBlank(r, "cloudWatchLogsGroupArn") ? List.of("cloudWatchLogsGroupArn is not set") : List.of();
    }
}
