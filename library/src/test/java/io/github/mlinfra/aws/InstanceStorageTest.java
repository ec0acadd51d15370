package io.github.mlinfra.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceStorageTest {
    @Test
    void typesWithInstanceStorage() {
        for (String t : List.of("ml.g4dn.xlarge", "ml.g5.xlarge", "ml.g5.48xlarge", "ml.g6.xlarge", "ml.g6e.2xlarge",
                "ml.p3dn.24xlarge", "ml.p4d.24xlarge", "ml.p4de.24xlarge", "ml.p5.48xlarge", "ml.p5en.48xlarge",
                "ml.trn1.32xlarge", "ml.trn1n.32xlarge", "ml.m5d.large", "ml.c5d.xlarge", "ml.r5d.2xlarge",
                "ml.m6id.large", "ml.p6-b200.48xlarge", "g5.xlarge")) {
            assertThat(InstanceStorage.hasInstanceStorage(t)).as(t).isTrue();
        }
    }

    @Test
    void ebsOnlyTypes() {
        for (String t : List.of("ml.m5.xlarge", "ml.c5.2xlarge", "ml.p2.xlarge", "ml.p3.2xlarge", "ml.p3.16xlarge",
                "ml.c5n.xlarge", "ml.r5.large", "ml.t3.medium", "ml.inf2.xlarge", "ml.m6i.large", "ml.c4.xlarge")) {
            assertThat(InstanceStorage.hasInstanceStorage(t)).as(t).isFalse();
        }
    }

    @Test
    void familiesAndNonTypes() {
        assertThat(InstanceStorage.family("ml.p6-b200.48xlarge")).isEqualTo("p6-b200");
        assertThat(InstanceStorage.family("ml.g4dn.xlarge")).isEqualTo("g4dn");
        assertThatThrownBy(() -> InstanceStorage.hasInstanceStorage("xlarge")).isInstanceOf(IllegalArgumentException.class);
    }
}
