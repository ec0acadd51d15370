package io.github.mlinfra.guard.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mlinfra.aws.InstanceStorage;
import io.github.mlinfra.controls.Control;
import java.util.ArrayList;
import java.util.List;

/**
 * MLI-SM-08: job outputs and volumes use a KMS key. A step whose instance type has instance
 * storage (a literal type, or a String parameter whose {@code EnumValues} all have it) needs no
 * {@code VolumeKmsKeyId}: SageMaker refuses one there and encrypts the instance store in hardware
 * ({@link InstanceStorage}).
 */
final class SmJobEncryptionRule extends PipelineStepRule {
    SmJobEncryptionRule() {
        super(Control.SM_JOB_ENCRYPTION, "Model artifacts and the job's ML storage volumes hold the model and its "
                + "data; without KmsKeyId and VolumeKmsKeyId they are encrypted with keys the account cannot scope, "
                + "audit or revoke.");
    }

    @Override
    List<String> checkStep(boolean training, JsonNode args) {
        return checkStep(training, args, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    @Override
    List<String> checkStep(boolean training, JsonNode args, JsonNode parameters) {
        List<String> out = new ArrayList<>();
        if (training) {
            if (!isSet(args.path("OutputDataConfig").path("KmsKeyId"))) {
                out.add("OutputDataConfig.KmsKeyId is not set");
            }
            JsonNode rc = args.path("ResourceConfig");
            if (!isSet(rc.path("VolumeKmsKeyId")) && !instanceStorage(rc.path("InstanceType"), parameters)) {
                out.add("ResourceConfig.VolumeKmsKeyId is not set");
            }
        } else {
            if (!isSet(args.path("ProcessingOutputConfig").path("KmsKeyId"))) {
                out.add("ProcessingOutputConfig.KmsKeyId is not set");
            }
            JsonNode cc = args.path("ProcessingResources").path("ClusterConfig");
            if (!isSet(cc.path("VolumeKmsKeyId")) && !instanceStorage(cc.path("InstanceType"), parameters)) {
                out.add("ProcessingResources.ClusterConfig.VolumeKmsKeyId is not set");
            }
        }
        return out.isEmpty() ? out : List.of(String.join("; ", out));
    }

    /** Whether every type the step may run on has instance storage (a literal, or a parameter's EnumValues). */
    static boolean instanceStorage(JsonNode type, JsonNode parameters) {
        List<String> types = new ArrayList<>();
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.path("Get").isTextual() && type.path("Get").asText().startsWith("Parameters.")) {
            String name = type.path("Get").asText().substring("Parameters.".length());
            for (JsonNode p : parameters) {
                if (name.equals(p.path("Name").asText())) {
                    p.path("EnumValues").forEach(v -> types.add(v.asText()));
                }
            }
        }
        if (types.isEmpty()) {
            return false;
        }
        try {
            return types.stream().allMatch(InstanceStorage::hasInstanceStorage);
        } catch (IllegalArgumentException notAnInstanceType) {
            return false;
        }
    }
}
