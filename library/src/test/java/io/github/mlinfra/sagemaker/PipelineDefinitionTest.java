package io.github.mlinfra.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineDefinitionTest {
    static final String IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/trainer:1.4";

    static ProcessingStep preprocess() {
        return ProcessingStep.builder()
                .name("Preprocess")
                .imageUri(IMAGE)
                .addContainerEntrypoint("python3", "/opt/ml/code/preprocess.py")
                .instanceType("ml.m5.xlarge")
                .addInputs(ProcessingInput.of("raw", "/opt/ml/processing/input"))
                .addOutputs(ProcessingOutput.of("train", "/opt/ml/processing/train"))
                .addOutputs(ProcessingOutput.of("evaluation", "/opt/ml/processing/evaluation"))
                .addPropertyFiles(PropertyFile.of("EvaluationReport", "evaluation", "evaluation.json"))
                .build();
    }

    static TrainingStep train() {
        return TrainingStep.builder()
                .name("Train")
                .trainingImage(IMAGE)
                .instanceType(PipelineValue.parameter("TrainingInstanceType"))
                .instanceCount(2)
                .addInputs(TrainingChannel.of("train",
                        PipelineValue.stepProperty("Preprocess", "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri")))
                .putHyperParameters("epochs", "10")
                .putHyperParameters("run", PipelineValue.join("-", PipelineValue.of("run"), PipelineValue.execution("PipelineExecutionId")))
                .build();
    }

    static RegisterModelStep register() {
        return RegisterModelStep.builder()
                .name("Register")
                .modelPackageGroupName("fraud-detector")
                .image(IMAGE)
                .modelDataUrl(PipelineValue.stepProperty("Train", "ModelArtifacts.S3ModelArtifacts"))
                .build();
    }

    static PipelineDefinition full() {
        return PipelineDefinition.builder()
                .addParameters(PipelineParameter.string("TrainingInstanceType", "ml.p3.2xlarge"))
                .addParameters(PipelineParameter.decimal("MinAccuracy", 0.9))
                .addSteps(preprocess(), train())
                .addSteps(ConditionStep.builder()
                        .name("CheckAccuracy")
                        .addConditions(PipelineCondition.of(PipelineCondition.Type.GreaterThanOrEqualTo,
                                PipelineValue.jsonGet("Preprocess", "EvaluationReport", "metrics.accuracy.value"),
                                PipelineValue.parameter("MinAccuracy")))
                        .addIfSteps(register())
                        .addDependsOn("Train")
                        .build())
                .build();
    }

    @Test
    void serializesTheExactDefinitionGrammar() throws Exception {
        JsonNode root = new ObjectMapper().readTree(full().toJson());
        assertThat(root.get("Version").asText()).isEqualTo("2020-12-01");
        assertThat(root.at("/Parameters/0").toString())
                .isEqualTo("{\"Name\":\"TrainingInstanceType\",\"Type\":\"String\",\"DefaultValue\":\"ml.p3.2xlarge\"}");
        assertThat(root.at("/Parameters/1/DefaultValue").asDouble()).isEqualTo(0.9);
        JsonNode p = root.at("/Steps/0");
        assertThat(p.get("Type").asText()).isEqualTo("Processing");
        assertThat(p.at("/Arguments/ProcessingResources/ClusterConfig/InstanceType").asText()).isEqualTo("ml.m5.xlarge");
        assertThat(p.at("/Arguments/AppSpecification/ImageUri").asText()).isEqualTo(IMAGE);
        assertThat(p.at("/Arguments/ProcessingOutputConfig/Outputs/0/S3Output/LocalPath").asText()).isEqualTo("/opt/ml/processing/train");
        assertThat(p.at("/PropertyFiles/0/PropertyFileName").asText()).isEqualTo("EvaluationReport");
        JsonNode t = root.at("/Steps/1");
        assertThat(t.get("Type").asText()).isEqualTo("Training");
        assertThat(t.at("/Arguments/ResourceConfig/InstanceType").toString()).isEqualTo("{\"Get\":\"Parameters.TrainingInstanceType\"}");
        assertThat(t.at("/Arguments/ResourceConfig/InstanceCount").asLong()).isEqualTo(2);
        assertThat(t.at("/Arguments/InputDataConfig/0/DataSource/S3DataSource/S3Uri").toString())
                .isEqualTo("{\"Get\":\"Steps.Preprocess.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri\"}");
        assertThat(t.at("/Arguments/HyperParameters/run").toString())
                .isEqualTo("{\"Std:Join\":{\"On\":\"-\",\"Values\":[\"run\",{\"Get\":\"Execution.PipelineExecutionId\"}]}}");
        JsonNode c = root.at("/Steps/2");
        assertThat(c.get("Type").asText()).isEqualTo("Condition");
        assertThat(c.get("DependsOn").toString()).isEqualTo("[\"Train\"]");
        assertThat(c.at("/Arguments/Conditions/0/Type").asText()).isEqualTo("GreaterThanOrEqualTo");
        assertThat(c.at("/Arguments/Conditions/0/LeftValue/Std:JsonGet/PropertyFile/Get").asText())
                .isEqualTo("Steps.Preprocess.PropertyFiles.EvaluationReport");
        JsonNode r = c.at("/Arguments/IfSteps/0");
        assertThat(r.get("Type").asText()).isEqualTo("RegisterModel");
        assertThat(r.at("/Arguments/InferenceSpecification/Containers/0/ModelDataUrl/Get").asText())
                .isEqualTo("Steps.Train.ModelArtifacts.S3ModelArtifacts");
        assertThat(r.at("/Arguments/InferenceSpecification/SupportedResponseMIMETypes/0").asText()).isEqualTo("text/csv");
        assertThat(r.at("/Arguments/ModelApprovalStatus").asText()).isEqualTo("PendingManualApproval");
    }

    @Test
    void parsesBackToAnEqualModel() {
        PipelineDefinition def = full();
        PipelineDefinition back = PipelineDefinition.parse(def.toJson());
        assertThat(back).isEqualTo(def);
        assertThat(back.toJson()).isEqualTo(def.toJson());
        assertThat(back.step("Register")).containsInstanceOf(RegisterModelStep.class);
        TrainingStep secured = TrainingStep.builder().from(train())
                .roleArn("arn:aws:iam::123456789012:role/r").outputKmsKeyId("arn:aws:kms:us-east-1:123456789012:key/k")
                .volumeKmsKeyId("arn:aws:kms:us-east-1:123456789012:key/k").maxRuntimeInSeconds(3600L)
                .enableNetworkIsolation(true).enableInterContainerTrafficEncryption(true)
                .vpcConfig(VpcConfig.of(List.of("sg-0123456789abcdef0"), List.of("subnet-0123456789abcdef0")))
                .outputS3Path(PipelineValue.of("s3://b/p/Train")).build();
        PipelineDefinition d2 = PipelineDefinition.builder().from(def).steps(List.of(preprocess(), secured)).build();
        assertThat(PipelineDefinition.parse(d2.toJson())).isEqualTo(d2);
    }

    @Test
    void duplicateStepNamesAreRefused() {
        assertThatThrownBy(() -> PipelineDefinition.builder().addSteps(preprocess(), ProcessingStep.builder().from(preprocess()).build()).build())
                .hasMessage("PipelineDefinition.steps: duplicate step name; got \"Preprocess\"; expected unique step names");
        // nested condition branches count too
        assertThatThrownBy(() -> PipelineDefinition.builder().addSteps(preprocess(), ConditionStep.builder().name("C")
                .addConditions(PipelineCondition.of(PipelineCondition.Type.Equals, PipelineValue.of(1), PipelineValue.of(1)))
                .addIfSteps(preprocess()).build()).build())
                .hasMessage("PipelineDefinition.steps: duplicate step name; got \"Preprocess\"; expected unique step names");
    }

    @Test
    void missingStepsAndParametersAreRefused() {
        assertThatThrownBy(() -> PipelineDefinition.builder().addSteps(register()).build())
                .hasMessage("PipelineDefinition.steps[Register]: refers to a step that does not exist; "
                        + "got \"Steps.Train.ModelArtifacts.S3ModelArtifacts\"; expected a Get of one of [\"Register\"]");
        assertThatThrownBy(() -> PipelineDefinition.builder().addSteps(preprocess(), train()).build())
                .hasMessage("PipelineDefinition.steps[Train]: refers to a parameter that does not exist; "
                        + "got \"Parameters.TrainingInstanceType\"; expected a Get of one of []");
        assertThatThrownBy(() -> PipelineDefinition.builder()
                .addSteps(ProcessingStep.builder().from(preprocess()).addDependsOn("Nope").build()).build())
                .hasMessage("PipelineDefinition.steps[Preprocess].dependsOn: depends on a step that does not exist; "
                        + "got \"Nope\"; expected one of [\"Preprocess\"]");
    }

    @Test
    void cyclesAreRefused() {
        ProcessingStep a = ProcessingStep.builder().from(preprocess()).addDependsOn("Train").build();
        TrainingStep b = TrainingStep.builder().from(train()).instanceType("ml.m5.xlarge").build();
        assertThatThrownBy(() -> PipelineDefinition.builder().addSteps(a, b).build())
                .hasMessage("PipelineDefinition.steps: dependency cycle; got \"Preprocess -> Train -> Preprocess\"; "
                        + "expected steps without cycles through DependsOn and Get references");
        ProcessingStep self = ProcessingStep.builder().from(preprocess()).addDependsOn("Preprocess").build();
        assertThatThrownBy(() -> PipelineDefinition.builder().addSteps(self).build())
                .hasMessageContaining("dependency cycle; got \"Preprocess -> Preprocess\"");
    }

    @Test
    void stepNamesFollowSageMakerRules() {
        assertThatThrownBy(() -> ProcessingStep.builder().from(preprocess()).name("pre process").build())
                .hasMessage("ProcessingStep.name: malformed; got \"pre process\"; expected letters, digits, _ and - (1 to 64 characters)");
        assertThatThrownBy(() -> TrainingStep.builder().from(train()).name("x".repeat(65)).build())
                .hasMessageStartingWith("TrainingStep.name: malformed; got \"xxxx");
        assertThatThrownBy(() -> TrainingStep.builder().from(train()).maxRuntimeInSeconds(0L).build())
                .hasMessage("TrainingStep.maxRuntimeInSeconds: outside the allowed range; got 0; expected 1 to 2419200 seconds");
        assertThatThrownBy(() -> PipelineParameter.builder().name("N").type(PipelineParameter.Type.Integer).defaultValue("x").build())
                .hasMessage("PipelineParameter.defaultValue: does not match the type Integer of parameter N; got \"x\"; expected a Integer value");
    }

    @Test
    void stringParametersCarryTheirEnumValuesBothWays() {
        var p = PipelineParameter.string("InstanceType", "ml.m5.xlarge", "ml.m5.xlarge", "ml.m5.2xlarge");
        var def = PipelineDefinition.builder().addParameters(p).addSteps(TrainingStep.builder().name("Train").trainingImage(IMAGE)
                .instanceType(PipelineValue.parameter("InstanceType")).build()).build();
        assertThat(def.toJson()).contains("\"EnumValues\":[\"ml.m5.xlarge\",\"ml.m5.2xlarge\"]");
        assertThat(PipelineDefinition.parse(def.toJson())).isEqualTo(def);
        assertThat(PipelineParameter.string("X", "a").getEnumValues()).isEmpty();
        assertThat(PipelineParameter.string("X", "a").toString()).doesNotContain("EnumValues");
    }

    @Test
    void enumValuesAreValidated() {
        assertThatThrownBy(() -> PipelineParameter.string("InstanceType", "ml.c5.xlarge", "ml.m5.xlarge", "ml.m5.2xlarge"))
                .hasMessage("PipelineParameter.defaultValue: not one of the EnumValues of parameter InstanceType; got \"ml.c5.xlarge\"; "
                        + "expected one of [ml.m5.xlarge, ml.m5.2xlarge]");
        assertThatThrownBy(() -> PipelineParameter.builder().name("N").type(PipelineParameter.Type.Integer).addEnumValues("1").build())
                .hasMessage("PipelineParameter.enumValues: only String parameters take EnumValues; N is Integer; got [\"1\"]; "
                        + "expected no enum values");
        assertThatThrownBy(() -> PipelineParameter.string("X", "a", "a", "a"))
                .hasMessageStartingWith("PipelineParameter.enumValues: not 1 to 16 distinct non-empty values");
        String[] seventeen = new String[17];
        for (int i = 0; i < 17; i++) {
            seventeen[i] = "v" + i;
        }
        assertThatThrownBy(() -> PipelineParameter.string("X", "v0", seventeen))
                .hasMessageStartingWith("PipelineParameter.enumValues: not 1 to 16 distinct non-empty values");
        assertThat(PipelineParameter.string("X", "v0", java.util.Arrays.copyOf(seventeen, 16)).getEnumValues()).hasSize(16);
    }

    /** The definition JSON is Jackson's compact rendering of the tree, as an ObjectMapper writes it. */
    @Test
    void toJsonIsTheCompactRenderingOfTheTree() throws Exception {
        PipelineDefinition def = full();
        assertThat(def.toJson()).isEqualTo(new ObjectMapper().writeValueAsString(def.toJsonTree()));
    }

    /** Text that is not a definition object is refused in the project's format, long text abbreviated. */
    @Test
    void parseRefusesTextThatIsNotADefinitionObject() {
        String longText = "x".repeat(70);
        assertThatThrownBy(() -> PipelineDefinition.parse(longText)).hasMessage("PipelineDefinition: not JSON (Unrecognized token '"
                + longText + "': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')); got \""
                + "x".repeat(60) + "…\"; expected a pipeline definition JSON object");
        assertThatThrownBy(() -> PipelineDefinition.parse("[1]"))
                .hasMessage("PipelineDefinition: not a JSON object; got \"[1]\"; expected a pipeline definition JSON object");
    }
}
