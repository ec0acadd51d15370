package io.github.mlinfra.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.core.Output;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The step types are a closed set, each writing, reading and securing itself, and the definition
 * JSON they write is byte for byte what it was before the steps were reshaped.
 */
class PipelineStepsTest {
    static final String ECR = SecureTrainingPipelineTest.ECR;

    /** Every kind of step and every optional field, as written before the reshaping (golden files). */
    static PipelineDefinition allSteps() {
        return PipelineDefinition.builder()
                .addParameters(PipelineParameter.string("TrainingInstanceType", "ml.p3.2xlarge", "ml.p3.2xlarge", "ml.p3.8xlarge"))
                .addParameters(PipelineParameter.decimal("MinAccuracy", 0.9))
                .addSteps(ProcessingStep.builder().name("Preprocess").displayName("Pre").description("Prepares data")
                        .imageUri(ECR + "preprocess:2.1")
                        .addContainerEntrypoint("python3", "/opt/ml/code/preprocess.py")
                        .addContainerArguments("--split", "0.2")
                        .instanceType("ml.m5.xlarge").instanceCount(3).volumeSizeInGB(50)
                        .putEnvironment("MODE", "train").putEnvironment("A_B", "x y")
                        .addInputs(ProcessingInput.of("raw", "/opt/ml/processing/input"))
                        .addInputs(ProcessingInput.builder().inputName("given").localPath("/opt/ml/processing/given")
                                .s3Uri(PipelineValue.of("s3://given-bucket/in/")).build())
                        .addOutputs(ProcessingOutput.of("train", "/opt/ml/processing/train"))
                        .addOutputs(ProcessingOutput.of("evaluation", "/opt/ml/processing/evaluation"))
                        .addPropertyFiles(PropertyFile.of("EvaluationReport", "evaluation", "evaluation.json"))
                        .maxRuntimeInSeconds(3600L)
                        .build())
                .addSteps(TrainingStep.builder().name("Train").addDependsOn("Preprocess")
                        .trainingImage(ECR + "team/trainer@sha256:" + "a".repeat(64))
                        .trainingInputMode("FastFile")
                        .instanceType(PipelineValue.parameter("TrainingInstanceType"))
                        .instanceCount(2).volumeSizeInGB(100)
                        .addInputs(TrainingChannel.of("train",
                                PipelineValue.stepProperty("Preprocess", "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri")))
                        .addInputs(TrainingChannel.builder().channelName("val").contentType("text/csv")
                                .s3Uri(PipelineValue.of("s3://given-bucket/val/")).build())
                        .putHyperParameters("epochs", "10")
                        .putHyperParameters("run", PipelineValue.join("-", PipelineValue.of("run"),
                                PipelineValue.execution("PipelineExecutionId")))
                        .build())
                .addSteps(ConditionStep.builder().name("CheckAccuracy").addDependsOn("Train")
                        .addConditions(PipelineCondition.of(PipelineCondition.Type.GreaterThanOrEqualTo,
                                PipelineValue.jsonGet("Preprocess", "EvaluationReport", "metrics.accuracy.value"),
                                PipelineValue.parameter("MinAccuracy")))
                        .addIfSteps(RegisterModelStep.builder().name("Register").modelPackageGroupName("Fraud-Detector")
                                .image(ECR + "inference:1.0")
                                .modelDataUrl(PipelineValue.stepProperty("Train", "ModelArtifacts.S3ModelArtifacts")).build())
                        .addElseSteps(TrainingStep.builder().name("Retrain")
                                .trainingImage(ECR + "trainer:2").instanceType("ml.g4dn.xlarge")
                                .build())
                        .build())
                .build();
    }

    static String golden(String name) throws IOException {
        try (InputStream in = PipelineStepsTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String plannedDefinition(PipelineDefinition def) {
        Plan plan = PlanEngine.plan(ctx -> new SecureTrainingPipeline("p", SecureTrainingPipelineArgs.builder()
                .pipelineName("rich").definition(def)
                .placement(SecureTrainingPipelineTest.existingVpc().build()).build()));
        return (String) plan.resource("p-pipeline").getInputs().get("pipelineDefinition");
    }

    /** The step classes below PipelineStep, leaves (the generated classes) included. */
    static List<Class<?>> stepTypes(Class<?> root) {
        List<Class<?>> out = new ArrayList<>();
        out.add(root);
        if (root.isSealed()) {
            for (Class<?> c : root.getPermittedSubclasses()) {
                out.addAll(stepTypes(c));
            }
        }
        return out;
    }

    @Test
    void stepTypesAreAClosedSetEndingInTheGeneratedClasses() {
        List<Class<?>> all = stepTypes(PipelineStep.class);
        assertThat(PipelineStep.class.isSealed()).isTrue();
        assertThat(all).extracting(Class::getSimpleName).containsExactlyInAnyOrder("PipelineStep", "JobStep",
                "ProcessingStep", "ImmutableProcessingStep", "TrainingStep", "ImmutableTrainingStep",
                "RegisterModelStep", "ImmutableRegisterModelStep", "ConditionStep", "ImmutableConditionStep");
        for (Class<?> c : all) {
            if (c.getSimpleName().startsWith("Immutable")) {
                assertThat(Modifier.isFinal(c.getModifiers())).as(c + " is final").isTrue();
            } else {
                assertThat(c.isSealed()).as(c + " is sealed").isTrue();
            }
        }
    }

    /** What a step type must provide itself; adding a type means writing these, in its own class. */
    @Test
    void eachStepTypeWritesReadsAndSecuresItselfInItsOwnClass() throws Exception {
        for (Class<?> c : List.of(ProcessingStep.class, TrainingStep.class, RegisterModelStep.class, ConditionStep.class)) {
            assertThat(c.getDeclaredMethod("writeArguments", ObjectNode.class).getDeclaringClass()).isEqualTo(c);
            assertThat(c.getDeclaredMethod("secured", Steps.JobDefaults.class).getDeclaringClass()).isEqualTo(c);
            Method read = c.getDeclaredMethod("fromJson", JsonNode.class);
            assertThat(Modifier.isStatic(read.getModifiers())).isTrue();
            assertThat(read.getReturnType()).isEqualTo(c);
            // and the reader table sends the step type's JSON to that method
            String type = (String) c.getDeclaredField("TYPE").get(null);
            assertThat(type).isNotBlank();
        }
        for (PipelineStep s : allSteps().allSteps()) {
            ObjectNode json = s.toJson();
            assertThat(json.get("Type").asText()).isEqualTo(s.stepType());
            assertThat(PipelineStep.fromJson(json)).isEqualTo(s);
        }
    }

    @Test
    void eachStepSecuresItself() {
        var vpc = VpcConfig.of(List.of("sg-0eeeeeeeeeeeeeeee"), SecureTrainingPipelineTest.SUBNETS);
        var d = new Steps.JobDefaults("arn:aws:iam::123456789012:role/r", Optional.of("arn:aws:kms:us-east-1:123456789012:key/k"),
                "s3://b/pre/", Optional.of(vpc), 600, true, true, t -> t.literal().orElse("").startsWith("ml.g4dn"));
        var def = allSteps();
        var pre = (ProcessingStep) def.step("Preprocess").orElseThrow().secured(d);
        assertThat(pre.getRoleArn()).contains("arn:aws:iam::123456789012:role/r");
        assertThat(pre.getMaxRuntimeInSeconds()).contains(3600L); // the step's own, not the cap
        assertThat(pre.getVolumeKmsKeyId()).contains("arn:aws:kms:us-east-1:123456789012:key/k");
        assertThat(pre.getVpcConfig()).contains(vpc);
        assertThat(pre.getInputs()).extracting(i -> i.getS3Uri().orElseThrow())
                .containsExactly(PipelineValue.of("s3://b/pre/data/raw"), PipelineValue.of("s3://given-bucket/in/"));
        assertThat(pre.getOutputs().get(0).getS3Uri()).contains(PipelineValue.of("s3://b/pre/Preprocess/train"));
        var train = (TrainingStep) def.step("Train").orElseThrow().secured(d);
        assertThat(train.getMaxRuntimeInSeconds()).contains(600L);
        assertThat(train.getEnableNetworkIsolation()).contains(true);
        assertThat(train.getEnableInterContainerTrafficEncryption()).contains(true);
        assertThat(train.getOutputS3Path()).contains(PipelineValue.of("s3://b/pre/Train"));
        var check = (ConditionStep) def.step("CheckAccuracy").orElseThrow().secured(d);
        assertThat(check.getIfSteps().get(0)).isSameAs(def.step("Register").orElseThrow()); // runs no job
        var retrain = (TrainingStep) check.getElseSteps().get(0);
        assertThat(retrain.getOutputKmsKeyId()).contains("arn:aws:kms:us-east-1:123456789012:key/k");
        assertThat(retrain.getVolumeKmsKeyId()).isEmpty(); // instance storage: SageMaker refuses a volume key
    }

    @Test
    void nestedStepsComeFromTheirStep() {
        var def = allSteps();
        assertThat(def.step("CheckAccuracy").orElseThrow().nestedSteps()).extracting(PipelineStep::getName)
                .containsExactly("Register", "Retrain");
        assertThat(def.step("Train").orElseThrow().nestedSteps()).isEmpty();
        assertThat(def.allSteps()).extracting(PipelineStep::getName)
                .containsExactly("Preprocess", "Train", "CheckAccuracy", "Register", "Retrain");
    }

    @Test
    void imagesComeFromEachStep() {
        var def = allSteps();
        assertThat(def.step("Train").orElseThrow().image()).hasValueSatisfying(i -> {
            assertThat(i.attribute()).isEqualTo("trainingImage");
            assertThat(i.pulledByJob()).isTrue();
        });
        assertThat(def.step("Preprocess").orElseThrow().image().map(Steps.Image::attribute)).contains("imageUri");
        assertThat(def.step("Register").orElseThrow().image()).hasValueSatisfying(i -> assertThat(i.pulledByJob()).isFalse());
        assertThat(def.step("CheckAccuracy").orElseThrow().image()).isEmpty();
        // the role pulls the job images only, not the registered model's
        assertThat(SecureTrainingPipeline.repositories(def)).extracting(r -> r[2])
                .containsExactly("preprocess", "team/trainer", "trainer");
    }

    @Test
    void definitionJsonIsByteIdenticalToTheGoldenFiles() throws IOException {
        assertThat(allSteps().toJson()).isEqualTo(golden("pipeline-definition-all-steps.json"));
        String secured = plannedDefinition(allSteps());
        assertThat(secured).isEqualTo(golden("pipeline-definition-all-steps-secured.json"));
        assertThat(PipelineDefinition.parse(secured).toJson()).isEqualTo(secured);
    }

    @Test
    void theGoldenPipelineDefinitionIsWrittenInTheSameBytes() throws IOException {
        Plan plan = PlanEngine.plan(ctx -> new SecureTrainingPipeline("train", SecureTrainingPipelineTest.args().build()));
        String written = (String) plan.resource("train-pipeline").getInputs().get("pipelineDefinition");
        var m = new ObjectMapper();
        assertThat(written).isEqualTo(m.writeValueAsString(m.readTree(golden("secure-training-pipeline-definition.json"))));
    }

    @Test
    void trainingStepsCarryAnEnvironmentLikeProcessingSteps() {
        var t = TrainingStep.builder().name("Train").trainingImage(ECR + "trainer:1").instanceType("ml.m5.large")
                .putEnvironment("MODE", "fast").build();
        var def = PipelineDefinition.builder().addSteps(t).build();
        assertThat(def.toJsonTree().at("/Steps/0/Arguments/Environment/MODE").asText()).isEqualTo("fast");
        assertThat(PipelineDefinition.parse(def.toJson())).isEqualTo(def);
    }

    @Test
    void sharedJobFieldsAreValidatedOnceForBothKinds() {
        assertThatThrownBy(() -> TrainingStep.builder().name("T").trainingImage(ECR + "t:1").instanceType("ml.m5.large")
                .volumeSizeInGB(0).build()).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("TrainingStep.volumeSizeInGB:");
        assertThatThrownBy(() -> ProcessingStep.builder().name("P").imageUri(ECR + "p:1").instanceType("ml.m5.large")
                .instanceCount(101).build()).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("ProcessingStep.instanceCount:");
        assertThatThrownBy(() -> ProcessingStep.builder().name("P").imageUri(ECR + "p:1").instanceType("ml.m5.large")
                .maxRuntimeInSeconds(Steps.MAX_RUNTIME_LIMIT + 1).build()).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("ProcessingStep.maxRuntimeInSeconds:");
    }

    /** Every step type reads back the fields all steps have (through {@code PipelineStep.CommonFields}). */
    @Test
    void everyStepTypeReadsBackTheCommonFields() {
        var register = RegisterModelStep.builder().name("Register").addDependsOn("Train").displayName("Reg")
                .description("Registers the model").modelPackageGroupName("Fraud-Detector").image(ECR + "inference:1.0")
                .modelDataUrl(PipelineValue.of("s3://b/model.tar.gz")).build();
        var check = ConditionStep.builder().name("Check").addDependsOn("Train").displayName("Gate").description("Checks")
                .addConditions(PipelineCondition.of(PipelineCondition.Type.Equals, PipelineValue.of(1), PipelineValue.of(1)))
                .addIfSteps(register).build();
        var train = TrainingStep.builder().name("Train").addDependsOn("Pre").displayName("T").description("Trains")
                .trainingImage(ECR + "trainer:2").instanceType("ml.m5.xlarge").build();
        for (PipelineStep s : List.of(register, check, train)) {
            PipelineStep back = PipelineStep.fromJson(s.toJson());
            assertThat(back).isEqualTo(s);
            assertThat(back.getDependsOn()).isEqualTo(s.getDependsOn()).isNotEmpty();
            assertThat(back.getDisplayName()).isEqualTo(s.getDisplayName()).isPresent();
            assertThat(back.getDescription()).isEqualTo(s.getDescription()).isPresent();
        }
    }

    /** The literal shorthands of the shared job fields are written once, in {@code JobStep.Fields}, for both builders. */
    @Test
    void jobFieldShorthandsAreDeclaredOnceForBothJobBuilders() throws Exception {
        for (Class<?> b : List.of(ProcessingStep.Builder.class, TrainingStep.Builder.class)) {
            assertThat(b.getMethod("instanceType", String.class).getDeclaringClass()).isEqualTo(JobStep.Fields.class);
            assertThat(b.getMethod("instanceCount", long.class).getDeclaringClass()).isEqualTo(JobStep.Fields.class);
        }
        var train = TrainingStep.builder().name("T").trainingImage(ECR + "t:1").instanceType("ml.m5.xlarge").instanceCount(2).build();
        assertThat(train.getInstanceType()).isEqualTo(PipelineValue.of("ml.m5.xlarge"));
        assertThat(train.getInstanceCount()).isEqualTo(PipelineValue.of(2));
    }
}
