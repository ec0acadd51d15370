package io.github.mlinfra.guard.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mlinfra.controls.Control;
import java.util.List;

/** MLI-SM-10: training and processing jobs run in a VPC. */
final class SmJobInVpcRule extends PipelineStepRule {
    SmJobInVpcRule() {
        super(Control.SM_JOB_IN_VPC, "A job without VpcConfig reaches S3 and other services over SageMaker's "
                + "network, outside the account's security groups, endpoints policies and flow logs.");
    }

    @Override
    List<String> checkStep(boolean training, JsonNode args) {
        JsonNode vpc = training ? args.path("VpcConfig") : args.path("NetworkConfig").path("VpcConfig");
        if (vpc.isObject() && (vpc.has("Get") || vpc.has("Std:Join")
                || (isSet(vpc.path("Subnets")) && isSet(vpc.path("SecurityGroupIds"))))) {
            return List.of();
        }
        return List.of((training ? "" : "NetworkConfig.") + "VpcConfig with Subnets and SecurityGroupIds is not set");
    }
}
