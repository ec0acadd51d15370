package io.github.mlinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Plan your own program" works as written; {@code --help} and a missing program. */
class PlanYourOwnProgramTest {
    static final Path README = Path.of("..", "README.md");
    static final Path SNIPPET = Path.of("src", "test", "java", "com", "example", "infra", "Infra.java");

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theReadmesFirstSnippetIsTheCompiledProgramAndPlansAsWritten(@TempDir Path dir) throws IOException {
        String readme = Files.readString(README);
        assertThat(readme).as("README has the section").contains("## Plan your own program");
        // the program of "Plan your own program" is the README's first Java block
        int start = readme.indexOf("```java\n") + "```java\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        assertThat(block.strip()).isEqualTo(Files.readString(SNIPPET).strip());

        Run r = run("plan", "--dir", dir.toString(), "--show", "summary", "infra=com.example.infra.Infra");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        String plan = Files.readString(dir.resolve("infra/target/plan.json"));
        assertThat(plan).contains("urn:pulumi:dev::infra::mlinfra:storage:SecureCheckpointBucket::ckpt");
        assertThat(dir.resolve("infra/target/posture.sarif")).isRegularFile();
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}, {"plan", "--help"}}) {
            Run r = run(args);
            assertThat(r.code()).isEqualTo(Main.OK);
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).startsWith("usage: mlinfra check FILE").contains("mlinfra plan [--dir DIR]")
                    .contains("DIR/NAME/target/plan.json");
        }
    }

    @Test
    void planWithoutAProgramIsAUsageErrorOnOneLine(@TempDir Path dir) throws IOException {
        Run r = run("plan", "--dir", dir.toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).startsWith("mlinfra: plan: missing NAME=CLASS");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
