package io.github.mlinfra.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of README.md and docs/**&#47;*.md compiles against the library, all in one
 * compiler call (each javac start would load the 49 MB aws jar again). The conventions, documented in
 * docs/CONTRIBUTING.md:
 * <ul>
 *   <li>a block that declares a top-level type (a line starting with {@code class}, {@code interface},
 *       {@code enum} or {@code record}, after modifiers) is a compilation unit, compiled as written;
 *       without a {@code package} line it gets one of its own, and {@link #COMMON_IMPORTS};</li>
 *   <li>any other block is statements: its leading {@code import} lines stay imports, the rest becomes
 *       the body of {@code public static void stack(Context ctx)} in {@code public final class App} (the
 *       examples' shape, so {@code App::stack} names it), with {@link #COMMON_IMPORTS};</li>
 *   <li>{@code ```java fragment} marks the rare block not meant to compile; any other word after
 *       {@code java} fails the test, so a typo does not silently skip a block.</li>
 * </ul>
 * The README's first block is planned as well, offline, as a user would: it must have a
 * {@code stack(Context)} method.
 */
class SnippetsCompileTest {
    /** The imports a wrapped block, or a compilation unit without a package, gets. */
    static final List<String> COMMON_IMPORTS = List.of(
            "com.pulumi.Context", "com.pulumi.Pulumi", "com.pulumi.core.Output", "com.pulumi.resources.*",
            "io.github.mlinfra.compute.*", "io.github.mlinfra.controls.*", "io.github.mlinfra.guard.*", "io.github.mlinfra.iam.*",
            "io.github.mlinfra.kms.*", "io.github.mlinfra.network.*", "io.github.mlinfra.observability.*",
            "io.github.mlinfra.plan.*", "io.github.mlinfra.policy.*", "io.github.mlinfra.sagemaker.*",
            "io.github.mlinfra.storage.*",
            "java.util.List", "java.util.Map", "java.util.Optional");
    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```java(?:\\s+(\\S.*))?\\s*$");
    private static final Pattern CLOSE = Pattern.compile("^\\s*```\\s*$");
    private static final Pattern TYPE = Pattern.compile(
            "^(?:(?:public|final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|enum|record)\\s+(\\w+)",
            Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|enum|record)\\s+(\\w+)",
            Pattern.MULTILINE);

    /** A fenced block: where it is, and what it says. */
    record Block(Path file, int line, String info, String code) {
        String where() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    /** A block as the compiler sees it: its source, and how many lines were put before the block's first. */
    record Unit(Block block, String className, String source, int linesBefore) {}

    private static List<Block> blocks;
    private static List<Unit> units;
    private static List<String> errors;
    private static Path classes;

    @BeforeAll
    static void compileAll() throws IOException {
        blocks = blocks();
        units = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).info().isEmpty()) {
                units.add(unit(blocks.get(i), i));
            }
        }
        classes = Path.of(System.getProperty("java.io.tmpdir")).resolve("mlinfra-snippets-" + ProcessHandle.current().pid());
        Files.createDirectories(classes);
        errors = compile(units, classes);
    }

    /** Every {@code ```java} block of README.md and docs/**&#47;*.md, in file order. */
    static List<Block> blocks() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md") && !ROOT.resolve("docs").relativize(p).startsWith("target"))
                    .sorted().forEach(files::add);
        }
        List<Block> found = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = FENCE.matcher(lines.get(i));
                if (!m.matches()) {
                    continue;
                }
                String indent = m.group(1);
                StringBuilder code = new StringBuilder();
                int j = i + 1;
                for (; j < lines.size() && !CLOSE.matcher(lines.get(j)).matches(); j++) {
                    String l = lines.get(j);
                    code.append(l.startsWith(indent) ? l.substring(indent.length()) : l.stripLeading()).append('\n');
                }
                found.add(new Block(f, i + 2, m.group(2) == null ? "" : m.group(2).strip(), code.toString()));
                i = j;
            }
        }
        return found;
    }

    static Unit unit(Block b, int index) {
        String code = b.code();
        String pkg = "snippets.s" + index;
        Matcher type = TYPE.matcher(code);
        if (type.find()) {
            Matcher declared = PACKAGE.matcher(code);
            Matcher pub = PUBLIC_TYPE.matcher(code);
            String simple = pub.find() ? pub.group(1) : type.group(1);
            if (declared.find()) {
                return new Unit(b, declared.group(1) + "." + simple, code, 0);
            }
            String header = "package " + pkg + "; " + imports(COMMON_IMPORTS) + "\n";
            return new Unit(b, pkg + "." + simple, header + code, 1);
        }
        // statements: leading import lines stay imports (kept on their lines, so line numbers hold)
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String l : code.split("\n", -1)) {
            boolean isImport = l.startsWith("import ") && body.toString().isBlank();
            imports.append(isImport ? l.strip() + " " : "");
            body.append(isImport ? "" : l).append('\n');
        }
        String simple = "App";
        String header = "package " + pkg + "; " + imports(COMMON_IMPORTS) + imports
                + "public final class " + simple + " { public static void stack(Context ctx) {";
        return new Unit(b, pkg + "." + simple, header + body + "}}\n", 0);
    }

    private static String imports(List<String> names) {
        return names.stream().map(n -> "import " + n + ";").collect(Collectors.joining(" ")) + " ";
    }

    /** One compiler call for every unit; the errors, each located in its Markdown file. */
    static List<String> compile(List<Unit> units, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Source> sources = units.stream().map(Source::new).toList();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-nowarn",
                    "-classpath", System.getProperty("java.class.path"), "-d", out.toString());
            javac.getTask(new StringWriter(), files, diagnostics, options, null, sources).call();
        }
        List<String> found = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String where = "(no file)";
            if (d.getSource() instanceof Source s) {
                where = ROOT.relativize(s.unit.block().file()) + ":"
                        + (s.unit.block().line() + Math.max(0, d.getLineNumber() - 1 - s.unit.linesBefore()));
            }
            found.add(where + ": " + d.getMessage(Locale.ROOT));
        }
        return found;
    }

    /** A unit as a compiler source. */
    static final class Source extends SimpleJavaFileObject {
        final Unit unit;

        Source(Unit unit) {
            super(URI.create("string:///" + unit.className().replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.unit = unit;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return unit.source();
        }
    }

    @Test
    void everyJavaBlockCompiles() {
        assertThat(units).as("java blocks found").hasSizeGreaterThan(15);
        assertThat(errors).as("snippets that do not compile (file:line: error)").isEmpty();
    }

    @Test
    void aBlockIsMarkedOnlyAsAFragment() {
        List<String> unknown = blocks.stream().filter(b -> !b.info().isEmpty() && !b.info().equals("fragment"))
                .map(b -> b.where() + ": ```java " + b.info()).toList();
        assertThat(unknown).as("```java takes no word but `fragment`").isEmpty();
    }

    @Test
    void theConventionsCompileWhatTheyPromise() throws IOException {
        Block statements = new Block(ROOT.resolve("README.md"), 1, "",
                "import java.time.Duration;\nvar d = Duration.ofDays(1);\nctx.export(\"days\", Output.of(d.toDays()));\n");
        Block unit = new Block(ROOT.resolve("README.md"), 1, "", "public final class Probe {\n    int x = List.of(1).get(0);\n}\n");
        Block broken = new Block(ROOT.resolve("README.md"), 10, "", "int x = 1;\nString y = x;\n");
        Path out = Files.createTempDirectory("mlinfra-snippet-probe");
        List<String> errs = compile(List.of(unit(statements, 9001), unit(unit, 9002), unit(broken, 9003)), out);
        // the two good blocks compile; the bad one is reported at its own Markdown line (10 + 1)
        assertThat(errs).hasSize(1);
        assertThat(errs.get(0)).startsWith("README.md:11: ").contains("incompatible types");
    }

    @Test
    void theReadmeFirstBlockPlansAsWritten() throws Exception {
        Block first = blocks.stream().filter(b -> b.file().getFileName().toString().equals("README.md")).findFirst()
                .orElseThrow();
        Unit unit = units.stream().filter(u -> u.block() == first).findFirst().orElseThrow();
        assertThat(errors).as("the README's first block compiles").noneMatch(e -> e.startsWith("README.md:" + first.line()));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> app = loader.loadClass(unit.className());
            Method stack = app.getMethod("stack", Context.class);
            assertThat(Modifier.isStatic(stack.getModifiers())).as("stack(Context) is static").isTrue();
            Plan plan = PlanEngine.plan(ctx -> {
                try {
                    stack.invoke(null, ctx);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e.getCause());
                }
            });
            assertThat(plan.getResources()).as("resources the README's first program registers").isNotEmpty();
        }
    }
}
