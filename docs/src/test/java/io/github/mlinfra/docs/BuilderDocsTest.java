package io.github.mlinfra.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlinfra.controls.Waivable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published Javadoc documents every method a user calls on a builder. Immutables generates the
 * setters in a package-private class without the attributes' Javadoc, so the builder pages listed them
 * as "inherited from ImmutableXxx.Builder" with no text; the {@code @builderMethods} taglet
 * (library test sources, {@code io.github.mlinfra.javadoc.BuilderMethodsTaglet}) writes a table of them,
 * each with its attribute's meaning and default. This test reads the site the docs module built.
 */
class BuilderDocsTest {
    private static final Path APIDOCS = Path.of(System.getProperty("apidocs.dir", "target/reports/apidocs"));
    private static final Pattern ROW = Pattern.compile(
            "<tr><th scope=\"row\"><code>([^<]+)</code></th><td>(.*?)</td></tr>", Pattern.DOTALL);

    /** Every public {@code Builder} nested in a public type of the library whose superclass Immutables generated. */
    static List<Class<?>> publicBuilders() throws Exception {
        URI location = Waivable.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        Path classes = Path.of(location);
        List<Class<?>> found = new ArrayList<>();
        try (FileSystem jar = Files.isDirectory(classes) ? null : FileSystems.newFileSystem(classes);
                Stream<Path> files = Files.walk(jar == null ? classes : jar.getPath("/"))) {
            Path root = jar == null ? classes : jar.getPath("/");
            for (Path p : (Iterable<Path>) files::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!rel.endsWith("$Builder.class") || rel.indexOf('$') != rel.lastIndexOf('$')) {
                    continue;
                }
                Class<?> c = Class.forName(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'));
                if (Modifier.isPublic(c.getModifiers()) && Modifier.isPublic(c.getEnclosingClass().getModifiers())
                        && c.getSuperclass().getSimpleName().equals("Builder")
                        && c.getSuperclass().getEnclosingClass().getSimpleName().startsWith("Immutable")) {
                    found.add(c);
                }
            }
        }
        return found;
    }

    /** {@code name(Type, Type)}: as the taglet writes it. */
    static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    @Test
    void everyPublicBuilderMethodIsDocumentedInThePublishedJavadoc() throws Exception {
        List<Class<?>> builders = publicBuilders();
        assertThat(builders).as("public builders").hasSizeGreaterThanOrEqualTo(20);
        List<String> missing = new ArrayList<>();
        for (Class<?> b : builders) {
            Path page = APIDOCS.resolve(b.getPackageName().replace('.', '/'))
                    .resolve(b.getEnclosingClass().getSimpleName() + ".Builder.html");
            assertThat(page).as("the Javadoc page of " + b.getName()).exists();
            String html = Files.readString(page);
            Map<String, String> rows = new java.util.HashMap<>();
            Matcher m = ROW.matcher(html);
            while (m.find()) {
                rows.put(m.group(1), m.group(2).replaceAll("<[^>]+>", "").strip());
            }
            for (Method method : b.getMethods()) {
                if (method.getDeclaringClass() == Object.class || method.isBridge() || method.isSynthetic()
                        || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                String sig = signature(method);
                String text = rows.get(sig);
                // a row, and more than a name: the attribute's description (at least a short sentence)
                if (text == null || text.length() < 20) {
                    missing.add(b.getEnclosingClass().getSimpleName() + ".Builder." + sig + (text == null ? " (no row)" : ": \"" + text + "\""));
                }
            }
        }
        assertThat(missing).as("builder methods without documentation in the published Javadoc").isEmpty();
    }

    @Test
    void aSetterShowsItsAttributesDefaultAndSecurityMeaning() throws Exception {
        String html = Files.readString(APIDOCS.resolve("io/github/mlinfra/kms/ManagedKeyArgs.Builder.html"));
        Matcher m = ROW.matcher(html);
        String deletionWindow = null;
        String waive = null;
        while (m.find()) {
            if (m.group(1).equals("deletionWindowDays(int)")) {
                deletionWindow = m.group(2);
            } else if (m.group(1).equals("waive(Control, String)")) {
                waive = m.group(2);
            }
        }
        // the text of ManagedKeyArgs#getDeletionWindowDays and its @defaultValue, not a link to them
        assertThat(deletionWindow).contains("7").contains("30").contains("Default:");
        assertThat(waive).contains("justification");
    }
}
