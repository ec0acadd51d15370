package io.github.mlinfra.guard.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mlinfra.controls.Control;
import java.util.List;

/** MLI-SM-09: inter-container traffic is encrypted. */
final class SmInterContainerEncryptionRule extends PipelineStepRule {
    SmInterContainerEncryptionRule() {
        super(Control.SM_INTER_CONTAINER_ENCRYPTION, "Distributed training exchanges gradients and data between "
                + "instances in clear text unless inter-container traffic encryption is on.");
    }

    @Override
    List<String> checkStep(boolean training, JsonNode args) {
        JsonNode v = training ? args.path("EnableInterContainerTrafficEncryption")
                : args.path("NetworkConfig").path("EnableInterContainerTrafficEncryption");
        return isTrueOrExpression(v) ? List.of()
                : List.of((training ? "" : "NetworkConfig.") + "EnableInterContainerTrafficEncryption is not true");
    }
}
