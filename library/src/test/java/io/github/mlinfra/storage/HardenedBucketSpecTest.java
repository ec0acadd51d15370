package io.github.mlinfra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HardenedBucket.Spec} is an immutable value, and the hardened bucket keeps only what is read. */
class HardenedBucketSpecTest {

    @Test
    void theSpecIsAnImmutableValueWithItsDefaults() {
        var spec = HardenedBucket.Spec.builder().argsName("XArgs").purpose("checkpoints").noncurrentVersionDays(90).build();
        assertThat(spec.isLogTarget()).isFalse();
        assertThat(spec.getAccessLogPrefix()).isEqualTo(AccessLogBucketArgs.DEFAULT_LOG_PREFIX);
        assertThat(spec.isHasExtraStatements()).isFalse();
        assertThat(spec.getExtraStatements().build("arn:aws:s3:::b", null, null)).isEmpty();
        assertThat(Arrays.stream(HardenedBucket.Spec.class.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers())))
                .as("no mutable fields in the spec").isEmpty();
        var waivers = new java.util.ArrayList<>(List.of(Waiver.of(Control.S3_LIFECYCLE, "Lifecycle is managed by the data platform team.")));
        var withWaiver = HardenedBucket.Spec.builder().from(spec).waivers(waivers).build();
        waivers.clear();
        assertThat(withWaiver.waived(Control.S3_LIFECYCLE)).as("a copy, not a view of the caller's list").isTrue();
    }

    @Test
    void aMissingRequiredPartIsRefused() {
        assertThatThrownBy(() -> HardenedBucket.Spec.builder().purpose("p").build()).isInstanceOf(InvalidArgsException.class)
                .hasMessageContaining("Spec.argsName: required attribute not set");
    }

    @Test
    void theHardenedBucketKeepsOnlyWhatItsComponentsRead() {
        assertThat(Arrays.stream(HardenedBucket.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getName))
                .containsExactlyInAnyOrder("bucketName", "bucketArn", "keyArn");
    }
}
