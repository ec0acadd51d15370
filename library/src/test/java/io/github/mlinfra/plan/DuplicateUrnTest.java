package io.github.mlinfra.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import io.github.mlinfra.storage.SecureCheckpointBucket;
import io.github.mlinfra.storage.SecureCheckpointBucketArgs;
import org.junit.jupiter.api.Test;

/** The plan engine refuses two resources with one URN, as the real engine does. */
class DuplicateUrnTest {

    @Test
    void twoComponentsWithOneNameFailThePlanNamingTheUrnAndBothRegistrations() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> {
            new SecureCheckpointBucket("ckpt", SecureCheckpointBucketArgs.builder().build());
            new SecureCheckpointBucket("ckpt", SecureCheckpointBucketArgs.builder().build());
        }, PlanOptions.builder().project("proj").stack("dev").build()))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("duplicate resource URN 'urn:pulumi:dev::proj::mlinfra:storage:SecureCheckpointBucket::ckpt'")
                // where each came from is named when the SDK registers it on the program's own thread
                // (best effort: a registration the SDK completes on another thread has no program frame)
                .hasMessageMatching("(?s).*registered twice, first as mlinfra:storage:SecureCheckpointBucket 'ckpt' "
                        + "\\(top level(, at DuplicateUrnTest\\.java:18)?\\), again as mlinfra:storage:SecureCheckpointBucket "
                        + "'ckpt' \\(top level(, at DuplicateUrnTest\\.java:19)?\\).*");
    }

    @Test
    void twoCustomResourcesWithOneNameFailThePlan() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> {
            new BucketV2("data", BucketV2Args.builder().build());
            new BucketV2("data", BucketV2Args.builder().build());
        }, PlanOptions.builder().project("proj").stack("dev").build()))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("duplicate resource URN 'urn:pulumi:dev::proj::aws:s3/bucketV2:BucketV2::data'");
    }

    @Test
    void oneNameUnderTwoParentsIsNotADuplicate() {
        Plan plan = PlanEngine.plan(ctx -> {
            new SecureCheckpointBucket("ckpt-a", SecureCheckpointBucketArgs.builder().build());
            new SecureCheckpointBucket("ckpt-b", SecureCheckpointBucketArgs.builder().build());
        }, PlanOptions.builder().project("proj").stack("dev").build());
        assertThat(plan.getResources().stream().map(PlannedResource::getUrn).distinct().count())
                .isEqualTo(plan.getResources().size());
    }
}
