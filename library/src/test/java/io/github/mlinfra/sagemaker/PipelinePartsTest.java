package io.github.mlinfra.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.InvalidArgsException;
import org.junit.jupiter.api.Test;

/**
 * The parts of a step (inputs, outputs, channels, property files) share one S3-part codec and one
 * set of validation helpers; the messages are those of the project's format.
 */
class PipelinePartsTest {
    static ObjectNode node() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Test
    void enumerationsAreRefusedWithOneMessageShape() {
        assertThatThrownBy(() -> ProcessingInput.builder().inputName("raw").localPath("/opt/ml/processing/in").s3InputMode("Stream")
                .build()).isInstanceOf(InvalidArgsException.class)
                .hasMessage("ProcessingInput.s3InputMode: unknown input mode; got \"Stream\"; expected File or Pipe");
        assertThatThrownBy(() -> TrainingChannel.builder().channelName("train").s3Uri(PipelineValue.of("s3://b/k"))
                .s3DataType("S3Object").build()).isInstanceOf(InvalidArgsException.class)
                .hasMessage("TrainingChannel.s3DataType: unknown S3 data type; got \"S3Object\"; "
                        + "expected S3Prefix, ManifestFile or AugmentedManifestFile");
        assertThatThrownBy(() -> RegisterModelStep.builder().name("R").modelPackageGroupName("g").image("i")
                .modelDataUrl(PipelineValue.of("s3://b/m")).modelApprovalStatus("approved").build())
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("RegisterModelStep.modelApprovalStatus: unknown status; got \"approved\"; "
                        + "expected PendingManualApproval, Approved or Rejected");
        assertThatThrownBy(() -> TrainingStep.builder().name("T").trainingImage("i").instanceType("ml.m5.large")
                .trainingInputMode("file").build()).isInstanceOf(InvalidArgsException.class)
                .hasMessage("TrainingStep.trainingInputMode: unknown input mode; got \"file\"; expected File, Pipe or FastFile");
        // accepted side of each
        assertThat(ProcessingInput.builder().inputName("raw").localPath("/opt/ml/processing/in").s3InputMode("Pipe").build()
                .getS3InputMode()).isEqualTo("Pipe");
        assertThat(ProcessingOutput.builder().outputName("o").localPath("/opt/ml/processing/o").s3UploadMode("Continuous").build()
                .getS3UploadMode()).isEqualTo("Continuous");
    }

    @Test
    void inputsAndOutputsShareTheProcessingPathRule() {
        assertThatThrownBy(() -> ProcessingInput.of("raw", "/tmp/in")).isInstanceOf(InvalidArgsException.class)
                .hasMessage("ProcessingInput.localPath: outside the processing directory; got \"/tmp/in\"; "
                        + "expected a path under /opt/ml/processing/");
        assertThatThrownBy(() -> ProcessingOutput.of("out", "/tmp/out")).isInstanceOf(InvalidArgsException.class)
                .hasMessage("ProcessingOutput.localPath: outside the processing directory; got \"/tmp/out\"; "
                        + "expected a path under /opt/ml/processing/");
    }

    @Test
    void eachPartWritesAndReadsItself() {
        var in = ProcessingInput.builder().inputName("raw").localPath("/opt/ml/processing/in")
                .s3Uri(PipelineValue.of("s3://b/in/")).s3DataType("ManifestFile").s3InputMode("Pipe").build();
        ObjectNode n = node();
        in.writeTo(n);
        assertThat(n.toString()).isEqualTo("{\"InputName\":\"raw\",\"AppManaged\":false,\"S3Input\":{\"S3Uri\":\"s3://b/in/\","
                + "\"LocalPath\":\"/opt/ml/processing/in\",\"S3DataType\":\"ManifestFile\",\"S3InputMode\":\"Pipe\"}}");
        assertThat(ProcessingInput.fromJson(n)).isEqualTo(in);

        var out = ProcessingOutput.of("train", "/opt/ml/processing/train");
        ObjectNode o = node();
        out.writeTo(o);
        assertThat(o.toString()).isEqualTo("{\"OutputName\":\"train\",\"AppManaged\":false,\"S3Output\":"
                + "{\"LocalPath\":\"/opt/ml/processing/train\",\"S3UploadMode\":\"EndOfJob\"}}");
        assertThat(ProcessingOutput.fromJson(o)).isEqualTo(out);

        var ch = TrainingChannel.builder().channelName("val").contentType("text/csv").s3Uri(PipelineValue.of("s3://b/v/")).build();
        ObjectNode c = node();
        ch.writeTo(c);
        assertThat(TrainingChannel.fromJson(c)).isEqualTo(ch);

        var pf = PropertyFile.of("Report", "evaluation", "evaluation.json");
        ObjectNode p = node();
        pf.writeTo(p);
        assertThat(PropertyFile.fromJson(p)).isEqualTo(pf);
    }

    @Test
    void modelPackageGroupsFollowTheSharedNameRule() {
        assertThat(RegisterModelStep.GROUP.pattern())
                .isEqualTo(io.github.mlinfra.aws.NameRules.Rule.SAGEMAKER_MODEL_PACKAGE_GROUP.pattern().pattern());
        assertThatThrownBy(() -> RegisterModelStep.builder().name("R").modelPackageGroupName("g--").image("i")
                .modelDataUrl(PipelineValue.of("s3://b/m")).build()).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("RegisterModelStep.modelPackageGroupName:");
    }
}
