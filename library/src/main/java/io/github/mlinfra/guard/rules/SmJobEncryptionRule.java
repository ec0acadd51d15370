package io.github.mlinfra.guard.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mlinfra.controls.Control;
import java.util.ArrayList;
import java.util.List;

/** MLI-SM-08: job outputs and volumes use a KMS key. */
final class SmJobEncryptionRule extends PipelineStepRule {
    SmJobEncryptionRule() {
        super(Control.SM_JOB_ENCRYPTION, "Model artifacts and the job's ML storage volumes hold the model and its "
                + "data; without KmsKeyId and VolumeKmsKeyId they are encrypted with keys the account cannot scope, "
                + "audit or revoke.");
    }

    @Override
    List<String> checkStep(boolean training, JsonNode args) {
        List<String> out = new ArrayList<>();
        if (training) {
            if (!isSet(args.path("OutputDataConfig").path("KmsKeyId"))) {
                out.add("OutputDataConfig.KmsKeyId is not set");
            }
            if (!isSet(args.path("ResourceConfig").path("VolumeKmsKeyId"))) {
                out.add("ResourceConfig.VolumeKmsKeyId is not set");
            }
        } else {
            if (!isSet(args.path("ProcessingOutputConfig").path("KmsKeyId"))) {
                out.add("ProcessingOutputConfig.KmsKeyId is not set");
            }
            if (!isSet(args.path("ProcessingResources").path("ClusterConfig").path("VolumeKmsKeyId"))) {
                out.add("ProcessingResources.ClusterConfig.VolumeKmsKeyId is not set");
            }
        }
        return out.isEmpty() ? out : List.of(String.join("; ", out));
    }
}
