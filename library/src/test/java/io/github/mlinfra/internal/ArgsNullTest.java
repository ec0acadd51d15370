package io.github.mlinfra.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.compute.IngressRule;
import io.github.mlinfra.iam.ServiceRoleArgs;
import io.github.mlinfra.kms.ManagedKeyArgs;
import org.junit.jupiter.api.Test;

/**
 * A null given to an argument builder's setter is reported at {@code build()} in the project's
 * format ({@link MlInfraArgsStyle}), not as a bare NullPointerException at the call site; a missing
 * primitive is still refused (the style is MANDATORY_ONLY, not NONE, which would make it 0).
 */
class ArgsNullTest {

    @Test
    void aNullRequiredAttributeIsReportedByName() {
        var builder = ServiceRoleArgs.builder().service(null); // no NullPointerException here
        assertThatThrownBy(builder::build).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("ServiceRoleArgs.service: ").hasMessageContaining("; got null; expected ");
    }

    @Test
    void aNullDefaultedAttributeIsReportedByName() {
        var builder = ManagedKeyArgs.builder().description(null);
        assertThatThrownBy(builder::build).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("ManagedKeyArgs.description: ").hasMessageContaining("; got null; expected ");
    }

    @Test
    void aNullInAValueTypeIsReportedByName() {
        var builder = IngressRule.builder().port(443).addCidrs("10.0.0.0/16").description(null);
        assertThatThrownBy(builder::build).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("IngressRule.description: ").hasMessageContaining("; got null; expected ");
    }

    @Test
    void aNullThatNoCheckLooksAtIsCaughtAfterBuild() {
        // an attribute no @Value.Check looks at still fails in build(), after the value is built
        assertThatThrownBy(() -> Check.build("Holder", () -> new Holder(null)))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("Holder.value: must not be null; got null; expected a value, or the attribute left unset for its default");
    }

    /** A value with one accessor, standing in for a generated implementation. */
    public static final class Holder {
        private final String value;

        Holder(String value) {
            this.value = value;
        }

        public String getValue() {
            return value;
        }
    }

    @Test
    void aNullListElementIsReportedByName() {
        var builder = ManagedKeyArgs.builder().addAdministratorRoleArns((String) null);
        assertThatThrownBy(builder::build).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("ManagedKeyArgs.administratorRoleArns: ").hasMessageContaining("got [null]");
    }

    @Test
    void aMissingPrimitiveIsStillRefusedNotMadeZero() {
        var builder = IngressRule.builder().addCidrs("10.0.0.0/16").description("https from the VPC");
        assertThatThrownBy(builder::build).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("IngressRule.port: required attribute not set");
    }
}
