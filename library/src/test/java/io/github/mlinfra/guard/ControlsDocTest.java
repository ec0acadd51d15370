package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlinfra.controls.Control;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ControlsDocTest {
    /** The committed file, from the library module's directory (Maven's working directory). */
    static final Path FILE = Path.of("..", "docs", "CONTROLS.md");

    @Test
    void theCommittedControlsDocMatchesTheRegistry() throws IOException {
        String expected = ControlsDoc.render();
        if (Boolean.getBoolean("mlinfra.regenerateControls")) {
            ControlsDoc.write(FILE);
        }
        assertThat(Files.exists(FILE)).as("docs/CONTROLS.md is missing; generate it with "
                + "./mvnw -B -o -q -pl library test -Dtest=ControlsDocTest -Dmlinfra.regenerateControls=true").isTrue();
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("docs/CONTROLS.md is out of date with the rule registry; regenerate it with "
                        + "./mvnw -B -o -q -pl library test -Dtest=ControlsDocTest -Dmlinfra.regenerateControls=true")
                .isEqualTo(expected);
    }

    @Test
    void everyControlHasARow() {
        String doc = ControlsDoc.render();
        for (Control c : Control.values()) {
            assertThat(doc).contains("| " + c.id() + " | " + c.severity() + " | ");
        }
        assertThat(doc).contains("`fsbp`").contains("`cdk-nag-aws-solutions`").doesNotContain("Not checked by a rule yet.");
    }
}
