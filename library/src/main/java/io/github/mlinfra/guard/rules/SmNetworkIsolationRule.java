package io.github.mlinfra.guard.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mlinfra.controls.Control;
import java.util.List;

/** MLI-SM-07: training and processing steps run with network isolation. */
final class SmNetworkIsolationRule extends PipelineStepRule {
    SmNetworkIsolationRule() {
        super(Control.SM_NETWORK_ISOLATION, "Training and processing containers run third-party code and "
                + "packages; network isolation stops them from calling out, so a poisoned dependency cannot "
                + "exfiltrate the data it is given.");
    }

    @Override
    List<String> checkStep(boolean training, JsonNode args) {
        JsonNode v = training ? args.path("EnableNetworkIsolation") : args.path("NetworkConfig").path("EnableNetworkIsolation");
        return isTrueOrExpression(v) ? List.of()
                : List.of((training ? "" : "NetworkConfig.") + "EnableNetworkIsolation is not true");
    }
}
