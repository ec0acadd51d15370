package io.github.mlinfra.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The pom each published module sends to Maven Central (the flatten plugin's {@code .flattened-pom.xml})
 * names the project's real urls. Maven appends the artifactId to inherited urls unless the parent says
 * {@code child.*.inherit.append.path="false"}: without it the library's pom said
 * {@code https://github.com/mlinfra/mlinfra/mlinfra-aws}, a page that does not exist.
 */
class PublishedPomTest {
    private static final String URL = "https://github.com/mlinfra/mlinfra";
    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

    /** Every module of the reactor whose pom (or a parent in the tree) does not skip deploy. */
    static List<Path> publishedModules() throws Exception {
        List<Path> found = new ArrayList<>();
        collect(ROOT, false, found);
        return found;
    }

    private static void collect(Path dir, boolean parentSkips, List<Path> found) throws Exception {
        Document pom = parse(dir.resolve("pom.xml"));
        Element props = child(pom.getDocumentElement(), "properties");
        Element skip = props == null ? null : child(props, "maven.deploy.skip");
        boolean skips = skip == null ? parentSkips : skip.getTextContent().strip().equals("true");
        if (!skips) {
            found.add(dir);
        }
        Element modules = child(pom.getDocumentElement(), "modules");
        if (modules != null) {
            for (Node n = modules.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element m && m.getTagName().equals("module")) {
                    collect(dir.resolve(m.getTextContent().strip()), skips, found);
                }
            }
        }
    }

    @Test
    void theLibraryAndTheParentArePublished() throws Exception {
        assertThat(publishedModules()).containsExactlyInAnyOrder(ROOT, ROOT.resolve("library"));
    }

    @Test
    void everyPublishedPomNamesTheRepositoryAsItIs() throws Exception {
        for (Path module : publishedModules()) {
            Path flattened = module.resolve(".flattened-pom.xml");
            assertThat(flattened).as("the flatten plugin writes %s during process-resources", flattened).exists();
            Element project = parse(flattened).getDocumentElement();
            String where = ROOT.relativize(flattened).toString();
            assertThat(text(project, "url")).as(where + " <url>").isEqualTo(URL);
            Element scm = child(project, "scm");
            assertThat(scm).as(where + " <scm>").isNotNull();
            assertThat(text(scm, "url")).as(where + " <scm><url>").isEqualTo(URL);
            assertThat(text(scm, "connection")).as(where + " <scm><connection>").isEqualTo("scm:git:" + URL + ".git");
            assertThat(text(scm, "developerConnection")).as(where + " <scm><developerConnection>")
                    .isEqualTo("scm:git:ssh://git@github.com/mlinfra/mlinfra.git");
            // what Central requires besides: name, description, licenses, developers
            for (String required : List.of("name", "description", "licenses", "developers")) {
                assertThat(child(project, required)).as(where + " <" + required + ">").isNotNull();
            }
        }
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }
}
