package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.aws.sagemaker.NotebookInstance;
import com.pulumi.aws.sagemaker.NotebookInstanceArgs;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfiguration;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfigurationArgs;
import com.pulumi.aws.sagemaker.Pipeline;
import com.pulumi.aws.sagemaker.PipelineArgs;
import com.pulumi.aws.sagemaker.inputs.NotebookInstanceInstanceMetadataServiceConfigurationArgs;
import com.pulumi.aws.sagemaker.inputs.PipelinePipelineDefinitionS3LocationArgs;
import com.pulumi.core.Output;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SageMakerRulesTest {
    static final String SCRIPT = Base64.getEncoder().encodeToString("#!/bin/bash\nset -e\n".getBytes(StandardCharsets.UTF_8));

    static final String GOOD_TRAINING = "{\"Name\":\"Train\",\"Type\":\"Training\",\"Arguments\":{"
            + "\"EnableNetworkIsolation\":true,\"EnableInterContainerTrafficEncryption\":true,"
            + "\"OutputDataConfig\":{\"S3OutputPath\":\"s3://b/out\",\"KmsKeyId\":\"arn:aws:kms:us-east-1:123456789012:key/k\"},"
            + "\"ResourceConfig\":{\"InstanceCount\":1,\"InstanceType\":\"ml.p3.2xlarge\",\"VolumeSizeInGB\":50,"
            + "\"VolumeKmsKeyId\":\"arn:aws:kms:us-east-1:123456789012:key/k\"},"
            + "\"VpcConfig\":{\"Subnets\":[\"subnet-1\"],\"SecurityGroupIds\":[\"sg-1\"]},"
            + "\"StoppingCondition\":{\"MaxRuntimeInSeconds\":86400}}}";
    static final String GOOD_PROCESSING = "{\"Name\":\"Prep\",\"Type\":\"Processing\",\"Arguments\":{"
            + "\"NetworkConfig\":{\"EnableNetworkIsolation\":true,\"EnableInterContainerTrafficEncryption\":true,"
            + "\"VpcConfig\":{\"Subnets\":[\"subnet-1\"],\"SecurityGroupIds\":[\"sg-1\"]}},"
            + "\"ProcessingResources\":{\"ClusterConfig\":{\"InstanceCount\":1,\"InstanceType\":\"ml.m5.xlarge\","
            + "\"VolumeSizeInGB\":30,\"VolumeKmsKeyId\":\"k\"}},\"ProcessingOutputConfig\":{\"Outputs\":[],\"KmsKeyId\":\"k\"},"
            + "\"StoppingCondition\":{\"MaxRuntimeInSeconds\":3600}}}";
    static final String BARE_TRAINING = "{\"Name\":\"Train\",\"Type\":\"Training\",\"Arguments\":{"
            + "\"OutputDataConfig\":{\"S3OutputPath\":\"s3://b/out\"},\"ResourceConfig\":{\"InstanceCount\":1}}}";
    static final String BARE_PROCESSING = "{\"Name\":\"Prep\",\"Type\":\"Processing\",\"Arguments\":{"
            + "\"ProcessingResources\":{\"ClusterConfig\":{\"InstanceCount\":1}}}}";

    static String definition(String... steps) {
        return "{\"Version\":\"2020-12-01\",\"Parameters\":[],\"Steps\":[" + String.join(",", steps) + "]}";
    }

    @Test
    void aHardenedNotebookAndPipelineHaveNoSageMakerFindings() {
        PostureReport r = GuardTesting.check(ctx -> {
            var lc = new NotebookInstanceLifecycleConfiguration("lc", NotebookInstanceLifecycleConfigurationArgs.builder()
                    .onCreate(SCRIPT).onStart(Output.ofSecret(SCRIPT)).build());
            new NotebookInstance("nb", NotebookInstanceArgs.builder().roleArn("arn:aws:iam::123456789012:role/r")
                    .instanceType("ml.t3.medium").lifecycleConfigName(lc.name()).kmsKeyId("key-1")
                    .directInternetAccess("Disabled").rootAccess("Disabled").subnetId("subnet-1").securityGroups("sg-1")
                    .instanceMetadataServiceConfiguration(NotebookInstanceInstanceMetadataServiceConfigurationArgs.builder()
                            .minimumInstanceMetadataServiceVersion("2").build())
                    .build());
            new Pipeline("pipe", PipelineArgs.builder().pipelineName("p").pipelineDisplayName("p")
                    .roleArn("arn:aws:iam::123456789012:role/r")
                    .pipelineDefinition(definition(GOOD_TRAINING, GOOD_PROCESSING)).build());
        });
        assertThat(GuardTesting.rulesFiredWithPrefix(r, "MLI-SM")).isEmpty();
    }

    @Test
    void sm_01_to_05_defaultNotebook() {
        PostureReport r = GuardTesting.check(ctx -> new NotebookInstance("nb", NotebookInstanceArgs.builder()
                .roleArn("arn:aws:iam::123456789012:role/r").instanceType("ml.t3.medium").build()));
        assertThat(r.findingsOf("MLI-SM-01")).singleElement().extracting(Finding::getMessage).asString().contains("defaults to Enabled");
        assertThat(r.findingsOf("MLI-SM-02")).singleElement().extracting(Finding::getMessage).asString()
                .isEqualTo("subnetId and securityGroups not set: the notebook is not in a VPC");
        assertThat(r.findingsOf("MLI-SM-03")).hasSize(1);
        assertThat(r.findingsOf("MLI-SM-04")).hasSize(1);
        assertThat(r.findingsOf("MLI-SM-05")).singleElement().extracting(Finding::getMessage).asString().contains("IMDSv1 allowed");
    }

    @Test
    void sm_12_amazonLinux1And2AreFindingsAl2023AndUnsetAreNot() {
        PostureReport r = GuardTesting.checkWithoutPreflight(ctx -> {
            for (String p : List.of("notebook-al1-v1", "notebook-al2-v1", "notebook-al2-v2", "notebook-al2-v3", "notebook-al2023-v1")) {
                new NotebookInstance(p, NotebookInstanceArgs.builder().roleArn("arn:aws:iam::123456789012:role/r")
                        .instanceType("ml.t3.medium").platformIdentifier(p).build());
            }
            new NotebookInstance("unset", NotebookInstanceArgs.builder().roleArn("arn:aws:iam::123456789012:role/r")
                    .instanceType("ml.t3.medium").build());
        });
        assertThat(r.findingsOf("MLI-SM-12")).extracting(Finding::getResourceName)
                .containsExactlyInAnyOrder("notebook-al1-v1", "notebook-al2-v1", "notebook-al2-v2", "notebook-al2-v3");
        assertThat(r.findingsOf("MLI-SM-12")).filteredOn(f -> f.getResourceName().equals("notebook-al2-v3"))
                .singleElement().extracting(Finding::getMessage).asString()
                .isEqualTo("platformIdentifier notebook-al2-v3 is an Amazon Linux 1 or 2 platform, out of support; "
                        + "SageMaker no longer creates or restarts it from 2026-07-01");
    }

    @Test
    void sm_12_anInstanceFamilyAl2023DoesNotRunIsAFindingUnlessTheNotebookIsOnAl2() {
        PostureReport r = GuardTesting.checkWithoutPreflight(ctx -> {
            new NotebookInstance("p3-default", NotebookInstanceArgs.builder().roleArn("arn:aws:iam::123456789012:role/r")
                    .instanceType("ml.p3.2xlarge").build());
            new NotebookInstance("inf1-al2023", NotebookInstanceArgs.builder().roleArn("arn:aws:iam::123456789012:role/r")
                    .instanceType("ml.inf1.xlarge").platformIdentifier("notebook-al2023-v1").build());
            new NotebookInstance("g5-default", NotebookInstanceArgs.builder().roleArn("arn:aws:iam::123456789012:role/r")
                    .instanceType("ml.g5.xlarge").build());
            new NotebookInstance("p4d-al2023", NotebookInstanceArgs.builder().roleArn("arn:aws:iam::123456789012:role/r")
                    .instanceType("ml.p4d.24xlarge").platformIdentifier("notebook-al2023-v1").build());
        });
        assertThat(r.findingsOf("MLI-SM-12")).extracting(Finding::getResourceName)
                .containsExactlyInAnyOrder("p3-default", "inf1-al2023");
        assertThat(r.findingsOf("MLI-SM-12")).extracting(Finding::getMessage).containsExactlyInAnyOrder(
                "instanceType ml.p3.2xlarge: notebook-al2023-v1 (AWS's default platform) notebooks do not run on ml.p3",
                "instanceType ml.inf1.xlarge: notebook-al2023-v1 notebooks do not run on ml.inf1");
    }

    @Test
    void sm_06_lifecycleScriptNotBase64OrNotAScript() {
        PostureReport r = GuardTesting.check(ctx -> {
            new NotebookInstanceLifecycleConfiguration("plain", NotebookInstanceLifecycleConfigurationArgs.builder()
                    .onCreate("base64_encoded_lifecycle_script").build());
            new NotebookInstanceLifecycleConfiguration("noshebang", NotebookInstanceLifecycleConfigurationArgs.builder()
                    .onStart(Base64.getEncoder().encodeToString("echo hi".getBytes(StandardCharsets.UTF_8))).build());
            new NotebookInstanceLifecycleConfiguration("hidden", NotebookInstanceLifecycleConfigurationArgs.builder()
                    .onStart(Output.ofSecret("hidden_lifecycle_script")).build());
        });
        // our own plan hands the rule the secret's plain value: it is judged, and never quoted
        assertThat(r.findingsOf("MLI-SM-06")).extracting(Finding::getResourceName)
                .containsExactlyInAnyOrder("plain", "noshebang", "hidden");
        assertThat(r.findingsOf("MLI-SM-06")).extracting(Finding::getMessage)
                .anyMatch(m -> m.startsWith("onCreate is not base64"))
                .anyMatch(m -> m.startsWith("onStart decodes to text that does not start with #!"));
        assertThat(r.findingsOf("MLI-SM-06")).filteredOn(f -> f.getResourceName().equals("hidden"))
                .singleElement().extracting(Finding::getMessage).asString().startsWith("onStart is not base64 (")
                .contains("not shown").doesNotContain("hidden_lifecycle_script");
        assertThat(Reports.json(r)).doesNotContain("hidden_lifecycle_script");
        assertThat(Reports.table(r, false)).doesNotContain("hidden_lifecycle_script");
        assertThat(r.getNotEvaluated()).isEmpty();
    }

    @Test
    void sm_07_to_11_bareStepsAndS3Definitions() {
        PostureReport r = GuardTesting.check(ctx -> {
            new Pipeline("bare", PipelineArgs.builder().pipelineName("b").pipelineDisplayName("b")
                    .roleArn("arn:aws:iam::123456789012:role/r")
                    .pipelineDefinition(definition(BARE_TRAINING, BARE_PROCESSING)).build());
            new Pipeline("ins3", PipelineArgs.builder().pipelineName("s").pipelineDisplayName("s")
                    .roleArn("arn:aws:iam::123456789012:role/r")
                    .pipelineDefinitionS3Location(PipelinePipelineDefinitionS3LocationArgs.builder()
                            .bucket("my-model-artifacts-bucket").objectKey("def.json").build()).build());
        });
        for (String rule : new String[] {"MLI-SM-07", "MLI-SM-08", "MLI-SM-09", "MLI-SM-10", "MLI-SM-11"}) {
            assertThat(r.findingsOf(rule)).as(rule).filteredOn(f -> f.getResourceName().equals("bare")).hasSize(2);
            assertThat(r.findingsOf(rule)).as(rule).filteredOn(f -> f.getResourceName().equals("ins3"))
                    .singleElement().extracting(Finding::getMessage).asString()
                    .contains("pipelineDefinitionS3Location my-model-artifacts-bucket/def.json");
        }
        assertThat(r.findingsOf("MLI-SM-07")).extracting(Finding::getMessage)
                .contains("step Train (Training): EnableNetworkIsolation is not true",
                        "step Prep (Processing): NetworkConfig.EnableNetworkIsolation is not true");
        assertThat(r.findingsOf("MLI-SM-08")).extracting(Finding::getMessage)
                .contains("step Train (Training): OutputDataConfig.KmsKeyId is not set; ResourceConfig.VolumeKmsKeyId is not set");
    }

    @Test
    void sm_08_instanceStorageNeedsNoVolumeKey() {
        String gpuTraining = "{\"Name\":\"Train\",\"Type\":\"Training\",\"Arguments\":{"
                + "\"OutputDataConfig\":{\"S3OutputPath\":\"s3://b/out\",\"KmsKeyId\":\"k\"},"
                + "\"ResourceConfig\":{\"InstanceCount\":1,\"InstanceType\":%s,\"VolumeSizeInGB\":50}}}";
        String params = "[{\"Name\":\"T\",\"Type\":\"String\",\"DefaultValue\":\"ml.g5.xlarge\",\"EnumValues\":%s}]";
        PostureReport r = GuardTesting.check(ctx -> {
            for (String[] c : new String[][] {
                    {"g5", "\"ml.g5.xlarge\"", "[]"},
                    {"m5", "\"ml.m5.xlarge\"", "[]"},
                    {"gpuparam", "{\"Get\":\"Parameters.T\"}", "[\"ml.g5.xlarge\",\"ml.p4d.24xlarge\"]"},
                    {"mixedparam", "{\"Get\":\"Parameters.T\"}", "[\"ml.g5.xlarge\",\"ml.m5.xlarge\"]"}}) {
                new Pipeline(c[0], PipelineArgs.builder().pipelineName(c[0]).pipelineDisplayName(c[0])
                        .roleArn("arn:aws:iam::123456789012:role/r")
                        .pipelineDefinition("{\"Version\":\"2020-12-01\",\"Parameters\":" + String.format(params, c[2])
                                + ",\"Steps\":[" + String.format(gpuTraining, c[1]) + "]}").build());
            }
        });
        assertThat(r.findingsOf("MLI-SM-08")).extracting(Finding::getResourceName).containsExactlyInAnyOrder("m5", "mixedparam");
        assertThat(r.findingsOf("MLI-SM-08")).extracting(Finding::getMessage)
                .containsOnly("step Train (Training): ResourceConfig.VolumeKmsKeyId is not set");
    }
}
