package io.github.mlinfra.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.compute.IngressRule;
import io.github.mlinfra.iam.ServiceRoleArgs;
import io.github.mlinfra.kms.ManagedKeyArgs;
import io.github.mlinfra.storage.SecureCheckpointBucketArgs;
import org.junit.jupiter.api.Test;

/**
 * A null given to a builder's setter is reported at the call site in the project's format, naming
 * the args type and the attribute ({@link MlInfraStyle}'s {@code throwForNullPointer}), not as a
 * bare NullPointerException; a missing primitive is still refused (the validation method is not
 * {@code NONE}, which would make it 0).
 */
class ArgsNullTest {
    private static final String NULL_EXPECTED = "; got null; expected a value, or the attribute left unset for its default";

    @Test
    void aNullRequiredAttributeIsReportedByName() {
        assertThatThrownBy(() -> ServiceRoleArgs.builder().service(null)).isInstanceOf(InvalidArgsException.class)
                .hasMessage("ServiceRoleArgs.service: must not be null" + NULL_EXPECTED);
    }

    @Test
    void aNullDefaultedAttributeIsReportedByName() {
        assertThatThrownBy(() -> ManagedKeyArgs.builder().description(null)).isInstanceOf(InvalidArgsException.class)
                .hasMessage("ManagedKeyArgs.description: must not be null" + NULL_EXPECTED);
    }

    @Test
    void aNullGivenToAnOptionalAttributesSetterIsReportedByName() {
        assertThatThrownBy(() -> ManagedKeyArgs.builder().alias((String) null)).isInstanceOf(InvalidArgsException.class)
                .hasMessage("ManagedKeyArgs.alias: must not be null" + NULL_EXPECTED);
        assertThatThrownBy(() -> SecureCheckpointBucketArgs.builder().bucketName((String) null))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("SecureCheckpointBucketArgs.bucketName: must not be null" + NULL_EXPECTED);
    }

    @Test
    void aNullInAValueTypeIsReportedByName() {
        assertThatThrownBy(() -> IngressRule.builder().port(443).addCidrs("10.0.0.0/16").description(null))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("IngressRule.description: must not be null" + NULL_EXPECTED);
    }

    @Test
    void aNullListElementOrMapValueIsReportedByName() {
        assertThatThrownBy(() -> ManagedKeyArgs.builder().addAdministratorRoleArns((String) null))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("ManagedKeyArgs.administratorRoleArns: contains a null element; got null; expected ");
        assertThatThrownBy(() -> ManagedKeyArgs.builder().putTags("team", null))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("ManagedKeyArgs.tags: contains a null value for key: team; got null; expected ");
    }

    @Test
    void aMissingPrimitiveIsStillRefusedNotMadeZero() {
        var builder = IngressRule.builder().addCidrs("10.0.0.0/16").description("https from the VPC");
        assertThatThrownBy(builder::build).isInstanceOf(InvalidArgsException.class)
                .hasMessage("IngressRule.port: required attribute not set; got nothing; expected a value");
    }

    @Test
    void everyMissingAttributeIsOneLine() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(InvalidArgsException.class,
                () -> IngressRule.builder().addCidrs("10.0.0.0/16").build());
        assertThat(e.problems()).extracting(InvalidArgsException.Problem::argument)
                .containsExactly("IngressRule.port", "IngressRule.description");
        assertThat(e.getMessage()).isEqualTo("IngressRule.port: required attribute not set; got nothing; expected a value\n"
                + "IngressRule.description: required attribute not set; got nothing; expected a value");
    }
}
