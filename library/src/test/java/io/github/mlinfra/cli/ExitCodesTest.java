package io.github.mlinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exit codes DESIGN.md sets: 0 nothing at or above the threshold, 1 findings, 2 unusable
 * input or usage (one line), 3 internal error (asks for a bug report; the stack trace only with
 * {@code --debug}). And no input crashes the guard: odd and truncated documents are exit 2 with one
 * line, odd values inside a well-formed document are judged (0 or 1), never an internal error.
 */
class ExitCodesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(PrintStream out, String... args) {
        var e = new ByteArrayOutputStream();
        int code = Main.run(args, out, new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, "", e.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        var o = new ByteArrayOutputStream();
        var e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    static Path foreign(String name) throws URISyntaxException {
        return Path.of(ExitCodesTest.class.getResource("/foreign/" + name).toURI());
    }

    Path write(String text) throws IOException {
        Path p = Files.createTempFile(dir, "doc", ".json");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static void assertOneLine(Run r) {
        assertThat(r.err).startsWith("mlinfra: ").endsWith("\n");
        assertThat(r.err.strip()).doesNotContain("\n");
        assertThat(r.err).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void zeroOneTwo() throws Exception {
        assertThat(run("check", foreign("empty-stack.export-v3.json").toString()).code).isEqualTo(Main.OK);
        assertThat(run("check", foreign("go-lambda-s3.state-v3.json").toString()).code).isEqualTo(Main.FINDINGS);
        assertThat(run("check", foreign("go-lambda-s3.state-v3.json").toString(), "--min-severity", "CRITICAL").code)
                .isEqualTo(Main.OK);
        Run bad = run("check", write("{\"resources\":[{\"urn\":1}]}").toString());
        assertThat(bad.code).isEqualTo(Main.USAGE);
        assertOneLine(bad);
        Run usage = run("check", "--pack", "nist", foreign("empty-stack.export-v3.json").toString());
        assertThat(usage.code).isEqualTo(Main.USAGE);
        assertThat(usage.err).isEqualTo("mlinfra: unknown pack 'nist'; expected one of mlinfra, fsbp, cdk-nag-aws-solutions, preflight\n");
    }

    /** A stream that fails the way a bug in a rule or a report would: with an IllegalArgumentException. */
    static PrintStream failing() {
        return new PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public void print(String s) {
                throw new IllegalArgumentException("a bug, not the input's fault");
            }
        };
    }

    @Test
    void anInternalErrorIsThreeAndAsksForABugReport() throws Exception {
        // on main, every IllegalArgumentException read as bad input: exit 2
        Run r = run(failing(), "check", foreign("go-lambda-s3.state-v3.json").toString());
        assertThat(r.code).isEqualTo(Main.INTERNAL);
        assertThat(r.err).isEqualTo("mlinfra: internal error (java.lang.IllegalArgumentException: a bug, not the input's fault); "
                + "this is a bug in mlinfra, please report it at " + Main.ISSUES_URI
                + " with the command you ran (--debug prints the stack trace)\n");
    }

    @Test
    void debugPrintsTheStackTrace() throws Exception {
        Run r = run(failing(), "--debug", "check", foreign("go-lambda-s3.state-v3.json").toString());
        assertThat(r.code).isEqualTo(Main.INTERNAL);
        assertThat(r.err).startsWith("mlinfra: internal error (java.lang.IllegalArgumentException: a bug, not the input's fault)")
                .contains("\tat io.github.mlinfra.cli.Main");
        Run ok = run("check", foreign("empty-stack.export-v3.json").toString(), "--debug");
        assertThat(ok.code).isEqualTo(Main.OK);
        assertThat(ok.err).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]", "[{\"resources\":[]}]", "42", "\"plan\"", "null", "", "{}", "{\"resources\":{}}",
        "{\"resources\":[1]}", "{\"resources\":[[]]}", "{\"resources\":[{}]}", "{\"resources\":[{\"urn\":\"u\"}]}",
        "{\"resources\":[{\"urn\":\"u\",\"type\":[]}]}", "{\"resources\":[{\"urn\":{},\"type\":\"t\"}]}",
        "{\"resources\":[{\"urn\":\"u\",\"type\":\"t\",\"inputs\":[]}]}", "{\"resources\":[{\"urn\":\"u\",\"type\":\"t\",\"outputs\":\"x\"}]}",
        "{\"resources\":[{\"urn\":\"u\",\"type\":\"t\",\"waivers\":{}}]}", "{\"resources\":[{\"urn\":\"u\",\"type\":\"t\",\"waivers\":[1]}]}",
        "{\"resources\":[{\"urn\":\"u\",\"type\":\"t\",\"waivers\":[{\"control\":\"MLI-X-99\"}]}]}",
        "{\"resources\":[{\"urn\":\"u\",\"type\":\"t\",\"dependencies\":\"urn:x\"}]}", "{\"resources\":[],\"outputs\":[]}",
        "{\"deployment\":[]}", "{\"deployment\":{\"resources\":{}}}", "{\"deployment\":{\"resources\":[\"x\"]}}",
        "{\"deployment\":{\"resources\":[{\"type\":\"aws:s3/bucket:Bucket\"}]}}",
        "{\"deployment\":{\"resources\":[{\"urn\":\"urn:pulumi:s::p::aws:s3/bucket:Bucket::b\"}]}}",
        "{\"deployment\":{\"resources\":[{\"urn\":\"urn:pulumi:s::p::t::b\",\"type\":\"t\",\"inputs\":\"x\"}]}}",
        "{\"deployment\":{\"resources\":[{\"urn\":\"urn:pulumi:s::p::t::b\",\"type\":\"t\",\"dependencies\":{}}]}}",
        "{\"version\":\"three\",\"deployment\":{}}", "{\"version\":3.5,\"deployment\":{}}", "{\"version\":99,\"deployment\":{}}",
        "{\"checkpoint\":[]}", "{\"checkpoint\":{\"latest\":[]}}", "{\"checkpoint\":{\"latest\":{\"resources\":7}}}",
        "{\"steps\":{}}", "{\"steps\":[1]}", "{\"steps\":[{\"op\":\"create\",\"newState\":[]}]}",
        "{\"steps\":[{\"op\":\"create\",\"newState\":{\"type\":\"t\"}}]}", "{\"steps\":[{\"op\":\"create\",\"urn\":\"u\",\"newState\":{}}]}",
        "{\"resourcePreviews\":\"x\"}", "{\"resources\":[", "{\"deployment\":{\"resources\":[{\"urn\":",
        "{\"a\":1}{\"b\":2", "\u00ff\u00fe"
    })
    void unusableInputIsTwoWithOneLine(String doc) throws Exception {
        Run r = run("check", write(doc).toString());
        assertThat(r.code).as(doc + " -> " + r.err).isEqualTo(Main.USAGE);
        assertOneLine(r);
        assertThat(r.out).isEmpty();
    }

    @Test
    void everyTruncationOfARealFileIsTwoWithOneLine() throws Exception {
        String text = Files.readString(foreign("python-lambda-s3.preview.json"));
        for (int cut = 0; cut < text.length() - 2; cut += 97) {
            Run r = run("check", write(text.substring(0, cut)).toString());
            assertThat(r.code).as("cut at " + cut + ": " + r.err).isEqualTo(Main.USAGE);
            assertOneLine(r);
        }
    }

    /**
     * Replaces each node of real files, one at a time, by odd values (null, a number as a string, an
     * array of a number where an object or a string belongs): the
     * guard either judges the document (0 or 1, nothing on stderr) or calls it unusable (2, one
     * line). Never 3, never a stack trace.
     */
    @ParameterizedTest
    @ValueSource(strings = {"go-lambda-s3.state-v3.json", "v1-s3.export.json"})
    void oddValuesAnywhereNeverCrash(String name) throws Exception {
        JsonNode original = MAPPER.readTree(Files.readString(foreign(name)));
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> odd = List.of(f.nullNode(), f.textNode("30"), f.arrayNode().add(7));
        List<Consumer<JsonNode>> edits = new ArrayList<>();
        collect(original, edits);
        int runs = 0;
        for (int i = 0; i < edits.size(); i++) {
            for (JsonNode value : odd) {
                JsonNode copy = original.deepCopy();
                List<Consumer<JsonNode>> on = new ArrayList<>();
                collectSetters(copy, on, value);
                on.get(i).accept(copy);
                Run r = run("check", write(MAPPER.writeValueAsString(copy)).toString());
                runs++;
                assertThat(r.code).as(name + " edit " + i + " = " + value + ": " + r.err).isIn(Main.OK, Main.FINDINGS, Main.USAGE);
                if (r.code == Main.USAGE) {
                    assertOneLine(r);
                } else {
                    assertThat(r.err).as(name + " edit " + i + " = " + value).isEmpty();
                }
            }
        }
        assertThat(runs).isGreaterThan(90);
    }

    /** One entry per node below the root. */
    private static void collect(JsonNode n, List<Consumer<JsonNode>> out) {
        collectSetters(n, out, null);
    }

    private static void collectSetters(JsonNode n, List<Consumer<JsonNode>> out, JsonNode value) {
        if (n instanceof ObjectNode o) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(o.properties());
            for (Map.Entry<String, JsonNode> e : fields) {
                out.add(root -> o.set(e.getKey(), value));
                collectSetters(e.getValue(), out, value);
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                int at = i;
                out.add(root -> a.set(at, value));
                collectSetters(a.get(i), out, value);
            }
        }
    }
}
