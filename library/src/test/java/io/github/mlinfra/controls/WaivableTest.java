package io.github.mlinfra.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.kms.ManagedKeyArgs;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The waiver plumbing is declared once, in {@link Waivable} and {@link WaivableBuilder}. */
class WaivableTest {
    private static final String JUSTIFICATION = "Imported key material; rotation is done by re-import each quarter.";

    /** Every public {@code *Args} of the library that carries waivers, found on the class path. */
    static List<Class<?>> waivableArgs() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Waivable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!rel.endsWith("Args.class") || rel.contains("$") || rel.contains("/Immutable")) {
                    continue;
                }
                Class<?> c = Class.forName(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'));
                boolean hasWaivers = Arrays.stream(c.getMethods()).anyMatch(m -> m.getName().equals("getWaivers"));
                if (Modifier.isPublic(c.getModifiers()) && hasWaivers) {
                    found.add(c);
                }
            }
        }
        return found;
    }

    @Test
    void everyArgsWithWaiversSharesTheOneDeclaration() throws Exception {
        List<Class<?>> args = waivableArgs();
        assertThat(args).hasSizeGreaterThanOrEqualTo(10);
        for (Class<?> c : args) {
            assertThat(Waivable.class).as(c.getSimpleName()).isAssignableFrom(c);
            assertThat(declared(c, "getWaivers")).as(c.getSimpleName() + " redeclares getWaivers").isEmpty();
            assertThat(declared(c, "isWaived")).as(c.getSimpleName() + " redeclares isWaived").isEmpty();
            Class<?> builder = Class.forName(c.getName() + "$Builder");
            assertThat(WaivableBuilder.class).as(c.getSimpleName() + ".Builder").isAssignableFrom(builder);
            assertThat(declared(builder, "waive")).as(c.getSimpleName() + ".Builder redeclares waive").isEmpty();
            // the shared waive(...) returns the concrete builder, so calls chain without a cast
            Method waive = builder.getMethod("waive", Control.class, String.class);
            Object b = c.getMethod("builder").invoke(null);
            assertThat(waive.invoke(b, Control.KMS_ROTATION, JUSTIFICATION)).isSameAs(b);
        }
    }

    private static List<Method> declared(Class<?> c, String name) {
        return Arrays.stream(c.getDeclaredMethods()).filter(m -> m.getName().equals(name) && !m.isSynthetic()).toList();
    }

    @Test
    void waiveRecordsTheWaiverAndIsWaivedReadsIt() {
        ManagedKeyArgs args = ManagedKeyArgs.builder().description("Checkpoint key")
                .waive(Control.KMS_ROTATION, JUSTIFICATION).build();
        assertThat(args.getWaivers()).containsExactly(Waiver.of(Control.KMS_ROTATION, JUSTIFICATION));
        assertThat(args.isWaived(Control.KMS_ROTATION)).isTrue();
        assertThat(args.isWaived(Control.KMS_DELETION_WINDOW)).isFalse();
    }

    @Test
    void waiveRefusesFillerAtTheCall() {
        assertThatThrownBy(() -> ManagedKeyArgs.builder().waive(Control.KMS_ROTATION, "because"))
                .isInstanceOf(InvalidArgsException.class).hasMessageContaining("Waiver.justification");
    }
}
