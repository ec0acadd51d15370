package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.plan.Plan;
import org.junit.jupiter.api.Test;

class PlanReadersTest {
    static final String STACK_EXPORT = "{\"version\":3,\"deployment\":{\"manifest\":{},\"resources\":["
            + "{\"urn\":\"urn:pulumi:prod::ml::pulumi:pulumi:Stack::ml-prod\",\"custom\":false,\"type\":\"pulumi:pulumi:Stack\","
            + "\"outputs\":{\"bucketName\":\"ckpt-1234\",\"token\":{\"4dabf18193072939515e22adb298388d\":"
            + "\"1b47061264138c4ac30d75fd1eb44270\",\"ciphertext\":\"v1:abc\"}}},"
            + "{\"urn\":\"urn:pulumi:prod::ml::pulumi:providers:aws::default_6_83_0\",\"custom\":true,\"id\":\"p\","
            + "\"type\":\"pulumi:providers:aws\",\"inputs\":{\"region\":\"us-east-1\"}},"
            + "{\"urn\":\"urn:pulumi:prod::ml::aws:s3/bucketV2:BucketV2::ckpt\",\"custom\":true,\"id\":\"ckpt-1234\","
            + "\"type\":\"aws:s3/bucketV2:BucketV2\",\"parent\":\"urn:pulumi:prod::ml::pulumi:pulumi:Stack::ml-prod\","
            + "\"protect\":true,\"inputs\":{\"bucket\":\"ckpt-1234\",\"tags\":{\"mlinfra:waiver:MLI-S3-11\":"
            + "\"Access logs go to the organisation trail's data events instead.\"}},"
            + "\"outputs\":{\"arn\":\"arn:aws:s3:::ckpt-1234\",\"bucket\":\"ckpt-1234\"}},"
            + "{\"urn\":\"urn:pulumi:prod::ml::aws:s3/bucketVersioningV2:BucketVersioningV2::ckpt-ver\",\"custom\":true,"
            + "\"id\":\"ckpt-1234\",\"type\":\"aws:s3/bucketVersioningV2:BucketVersioningV2\",\"inputs\":{\"bucket\":\"ckpt-1234\","
            + "\"versioningConfiguration\":{\"status\":\"Enabled\"}},\"outputs\":{}},"
            + "{\"urn\":\"urn:pulumi:prod::ml::aws:kms/key:Key::key\",\"custom\":true,\"id\":\"k-1\",\"type\":\"aws:kms/key:Key\","
            + "\"inputs\":{\"deletionWindowInDays\":30.0,\"policy\":{\"4dabf18193072939515e22adb298388d\":"
            + "\"1b47061264138c4ac30d75fd1eb44270\",\"ciphertext\":\"x\"}},\"outputs\":{}}]}}";

    static final String PREVIEW = "{\"config\":{},\"steps\":["
            + "{\"op\":\"create\",\"urn\":\"urn:pulumi:dev::ml::aws:sagemaker/notebookInstance:NotebookInstance::nb\","
            + "\"newState\":{\"type\":\"aws:sagemaker/notebookInstance:NotebookInstance\",\"custom\":true,\"id\":\"\","
            + "\"inputs\":{\"instanceType\":\"ml.t3.medium\",\"roleArn\":\"04da6b54-80e4-46f7-96ec-b56ff0331ba9\","
            + "\"rootAccess\":\"Disabled\"},\"outputs\":{}}},"
            + "{\"op\":\"delete\",\"urn\":\"urn:pulumi:dev::ml::aws:kms/key:Key::old\",\"oldState\":{\"type\":\"aws:kms/key:Key\"}}],"
            + "\"duration\":1,\"changeSummary\":{\"create\":1,\"delete\":1}}";

    @Test
    void readsAStackExport() {
        Plan plan = PlanReaders.read(STACK_EXPORT);
        assertThat(plan.getProject()).isEqualTo("ml");
        assertThat(plan.getStack()).isEqualTo("prod");
        assertThat(plan.getResources()).extracting(r -> r.getName()).containsExactly("key", "ckpt", "ckpt-ver");
        assertThat(plan.getOutputs()).containsEntry("bucketName", "ckpt-1234").containsEntry("token", "[secret]");
        assertThat(plan.resource("key").getInputs()).containsEntry("policy", "[secret]").containsEntry("deletionWindowInDays", 30L);
        assertThat(plan.resource("ckpt").isProtect()).isTrue();
        assertThat(plan.resource("ckpt").getWaivers()).singleElement().satisfies(w ->
                assertThat(w.getControl().id()).isEqualTo("MLI-S3-11"));

        PostureReport r = Guard.defaults().check(plan);
        assertThat(r.findingsOf("MLI-S3-06")).as("versioning joined by bucket name").isEmpty();
        assertThat(r.findingsOf("MLI-S3-11")).singleElement().satisfies(f -> {
            assertThat(f.isSuppressed()).isTrue();
            assertThat(f.getJustification()).contains("Access logs go to the organisation trail's data events instead.");
        });
        assertThat(r.findingsOf("MLI-KMS-03")).as("a secret policy is not judged").isEmpty();
        assertThat(r.findingsOf("MLI-KMS-02")).isEmpty();
    }

    @Test
    void readsAPreviewWithStepsOrResourcePreviews() {
        Plan plan = PlanReaders.read(PREVIEW);
        assertThat(plan.getProject()).isEqualTo("ml");
        assertThat(plan.getResources()).singleElement().satisfies(r -> {
            assertThat(r.getName()).isEqualTo("nb");
            assertThat(r.getId()).isEmpty();
            assertThat(r.getInputs()).containsEntry("roleArn", "[unknown]");
        });
        PostureReport report = Guard.defaults().check(plan);
        assertThat(report.findingsOf("MLI-SM-01")).hasSize(1);
        assertThat(report.findingsOf("MLI-SM-03")).isEmpty();
        Plan old = PlanReaders.read(PREVIEW.replace("\"steps\"", "\"resourcePreviews\""));
        assertThat(old).isEqualTo(plan);
    }

    @Test
    void readsOurOwnPlan() {
        Plan plan = GuardTest.twoKeys();
        assertThat(PlanReaders.read(plan.toJson())).isEqualTo(plan);
    }

    @Test
    void rejectsWhatIsNotJsonOrNotAPlan() {
        assertThatThrownBy(() -> PlanReaders.read("{nope")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not JSON: ");
        assertThatThrownBy(() -> PlanReaders.read("{\"hello\":1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected an mlinfra plan").hasMessageContaining("pulumi stack export")
                .hasMessageContaining("pulumi preview --json");
        assertThatThrownBy(() -> PlanReaders.read("[1,2]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a plan");
    }
}
