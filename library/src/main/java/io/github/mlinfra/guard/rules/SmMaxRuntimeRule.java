package io.github.mlinfra.guard.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mlinfra.controls.Control;
import java.util.List;

/** MLI-SM-11: jobs have a maximum runtime. */
final class SmMaxRuntimeRule extends PipelineStepRule {
    SmMaxRuntimeRule() {
        super(Control.SM_MAX_RUNTIME, "A job without a stopping condition runs (and bills GPUs) until someone "
                + "notices; a hijacked or stuck job should stop on its own.");
    }

    @Override
    List<String> checkStep(boolean training, JsonNode args) {
        return isSet(args.path("StoppingCondition").path("MaxRuntimeInSeconds")) ? List.of()
                : List.of("StoppingCondition.MaxRuntimeInSeconds is not set");
    }
}
