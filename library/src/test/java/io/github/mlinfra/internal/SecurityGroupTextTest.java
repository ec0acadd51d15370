package io.github.mlinfra.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.aws.ServiceLimits;
import org.junit.jupiter.api.Test;

class SecurityGroupTextTest {
    @Test
    void aNameInEc2sAlphabetIsKeptAsItIs() {
        assertThat(SecurityGroupText.describe("GPU trainer ", "train-01", ": no ingress"))
                .isEqualTo("GPU trainer train-01: no ingress");
    }

    @Test
    void charactersEc2RefusesInADescriptionAreDropped() {
        String d = SecurityGroupText.describe("GPU trainer ", "équipe?trainer'ö\"%", ": no ingress");
        assertThat(d).isEqualTo("GPU trainer quipetrainer: no ingress");
        assertThat(ServiceLimits.SECURITY_GROUP_TEXT.matcher(d).matches()).isTrue();
    }

    @Test
    void aLongNameIsCutSoTheWholeIsAtMost255Characters() {
        String name = "p".repeat(256); // SageMaker pipeline names go up to 256
        String d = SecurityGroupText.describe("mlinfra: jobs of SageMaker pipeline ", name, "; HTTPS only");
        assertThat(d).hasSize(255).startsWith("mlinfra: jobs of SageMaker pipeline ppp").endsWith("p; HTTPS only");
        assertThat(ServiceLimits.SECURITY_GROUP_TEXT.matcher(d).matches()).isTrue();
        // a name that exactly fills the room left is kept whole
        String fits = "q".repeat(255 - "a ".length() - " b".length());
        assertThat(SecurityGroupText.describe("a ", fits, " b")).isEqualTo("a " + fits + " b");
    }

    @Test
    void fixedTextOutsideTheRuleIsADefectOfTheCaller() {
        assertThatThrownBy(() -> SecurityGroupText.describe("trainer ", "x", " — no ingress"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside EC2's rule");
    }
}
