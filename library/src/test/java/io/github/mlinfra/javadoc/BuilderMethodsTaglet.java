package io.github.mlinfra.javadoc;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.LinkTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.doctree.UnknownBlockTagTree;
import com.sun.source.doctree.ValueTree;
import com.sun.source.util.DocTreePath;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import jdk.javadoc.doclet.Doclet;
import jdk.javadoc.doclet.DocletEnvironment;
import jdk.javadoc.doclet.Taglet;

/**
 * The Javadoc taglet {@code @builderMethods}: on a builder's class comment, it writes a table of every
 * public method of the builder, inherited ones included, each with the documentation of the attribute it
 * sets (its meaning, {@code @defaultValue} and security meaning, read from the attribute's getter), or
 * the method's own documentation. Immutables generates the setters in a package-private class and does
 * not copy attribute Javadoc to them, so without this the published Javadoc lists them by name only.
 *
 * <p>Built with the library's test classes; the library's and the docs module's Javadoc runs load it
 * with {@code -tagletpath library/target/test-classes}. Where it is not loaded, the tag's own text
 * (registered as a simple tag) is shown instead.
 */
public final class BuilderMethodsTaglet implements Taglet {
    /** The tag name. */
    public static final String NAME = "builderMethods";
    /** The CSS class of the table, which the docs module's test looks for. */
    public static final String TABLE_CLASS = "builder-methods";
    /** What {@code build()} does, on every builder of the library. */
    static final String BUILD = "Checks every attribute and builds the value. Bad input throws "
            + "<code>io.github.mlinfra.InvalidArgsException</code> in the project's one format "
            + "(<code>&lt;Type&gt;.&lt;attribute&gt;: &lt;what is wrong&gt;; got &lt;value&gt;; expected &lt;allowed&gt;</code>), "
            + "before any resource is registered.";
    private static final List<String> PREFIXES = List.of("addAll", "putAll", "add", "put", "");

    private DocletEnvironment env;

    /** Created by javadoc. */
    public BuilderMethodsTaglet() {}

    @Override
    public void init(DocletEnvironment env, Doclet doclet) {
        this.env = env;
    }

    @Override
    public Set<Location> getAllowedLocations() {
        return EnumSet.of(Location.TYPE);
    }

    @Override
    public boolean isInlineTag() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String toString(List<? extends DocTree> tags, Element element) {
        TypeElement builder = (TypeElement) element;
        TypeElement value = (TypeElement) builder.getEnclosingElement();
        Map<String, ExecutableElement> attributes = attributes(value);
        StringBuilder out = new StringBuilder();
        out.append("<dl class=\"notes\"><dt>Builder methods:</dt><dd>")
                .append("<table class=\"striped ").append(TABLE_CLASS).append("\">")
                .append("<thead><tr><th scope=\"col\">Method</th><th scope=\"col\">What it sets</th></tr></thead><tbody>");
        for (ExecutableElement m : methods(builder)) {
            out.append("<tr><th scope=\"row\"><code>").append(signature(m)).append("</code></th><td>");
            ExecutableElement attribute = attributeOf(m, attributes);
            if (attribute != null) {
                out.append("<code>").append(attributeName(attribute)).append("</code>: ").append(describe(attribute, true));
            } else if (m.getSimpleName().contentEquals("build") && m.getParameters().isEmpty()) {
                // build() is the generated one, without a comment; it runs CheckedValue.checkAll
                out.append(BUILD);
            } else {
                out.append(describe(m, false));
            }
            out.append("</td></tr>");
        }
        return out.append("</tbody></table></dd></dl>").toString();
    }

    /** The public instance methods a user calls on the builder, in name order. */
    private List<ExecutableElement> methods(TypeElement builder) {
        List<ExecutableElement> found = new ArrayList<>();
        for (Element e : env.getElementUtils().getAllMembers(builder)) {
            if (e.getKind() != ElementKind.METHOD || !e.getModifiers().contains(Modifier.PUBLIC)
                    || e.getModifiers().contains(Modifier.STATIC)
                    || ((TypeElement) e.getEnclosingElement()).getQualifiedName().contentEquals("java.lang.Object")) {
                continue;
            }
            found.add((ExecutableElement) e);
        }
        // an interface method a generated setter implements (WaivableBuilder.addWaivers) is listed once
        Map<String, ExecutableElement> bySignature = new java.util.TreeMap<>();
        for (ExecutableElement m : found) {
            bySignature.merge(signature(m), m, (x, y) -> x.getModifiers().contains(Modifier.ABSTRACT) ? y : x);
        }
        return new ArrayList<>(bySignature.values());
    }

    /** The attribute getters of the value type and its supertypes, by attribute name. */
    private Map<String, ExecutableElement> attributes(TypeElement value) {
        Map<String, ExecutableElement> found = new LinkedHashMap<>();
        for (Element e : env.getElementUtils().getAllMembers(value)) {
            if (e.getKind() == ElementKind.METHOD && ((ExecutableElement) e).getParameters().isEmpty()
                    && !e.getModifiers().contains(Modifier.STATIC) && !attributeName((ExecutableElement) e).isEmpty()) {
                found.putIfAbsent(attributeName((ExecutableElement) e), (ExecutableElement) e);
            }
        }
        return found;
    }

    private static String attributeName(ExecutableElement getter) {
        String n = getter.getSimpleName().toString();
        for (String prefix : List.of("get", "is")) {
            if (n.startsWith(prefix) && n.length() > prefix.length() && Character.isUpperCase(n.charAt(prefix.length()))) {
                return Character.toLowerCase(n.charAt(prefix.length())) + n.substring(prefix.length() + 1);
            }
        }
        return "";
    }

    private static ExecutableElement attributeOf(ExecutableElement method, Map<String, ExecutableElement> attributes) {
        String n = method.getSimpleName().toString();
        for (String prefix : PREFIXES) {
            if (n.startsWith(prefix) && n.length() > prefix.length()) {
                String rest = n.substring(prefix.length());
                String name = prefix.isEmpty() ? rest : rest.substring(0, 1).toLowerCase(Locale.ROOT) + rest.substring(1);
                if (attributes.containsKey(name)) {
                    return attributes.get(name);
                }
            }
        }
        return null;
    }

    /** {@code name(Type, Type)}, simple names of the erased parameter types, as reflection spells them. */
    static String signature(ExecutableElement m) {
        StringBuilder s = new StringBuilder(m.getSimpleName()).append('(');
        for (int i = 0; i < m.getParameters().size(); i++) {
            VariableElement p = m.getParameters().get(i);
            s.append(i == 0 ? "" : ", ").append(simpleName(p.asType()));
        }
        return s.append(')').toString();
    }

    private static String simpleName(TypeMirror t) {
        if (t instanceof ArrayType a) {
            return simpleName(a.getComponentType()) + "[]";
        }
        if (t instanceof DeclaredType d) {
            return d.asElement().getSimpleName().toString();
        }
        String s = t.toString();
        return s.contains(".") ? s.substring(s.lastIndexOf('.') + 1) : s;
    }

    /** The element's description, and with {@code withDefault} its {@code @defaultValue}, as HTML. */
    private String describe(Element e, boolean withDefault) {
        DocCommentTree doc = env.getDocTrees().getDocCommentTree(e);
        if (doc == null) {
            return "";
        }
        TreePath source = env.getDocTrees().getPath(e);
        DocTreePath root = source == null ? null : new DocTreePath(source, doc);
        StringBuilder s = new StringBuilder(html(root, doc.getFullBody()));
        if (withDefault) {
            for (DocTree tag : doc.getBlockTags()) {
                if (tag instanceof UnknownBlockTagTree u && u.getTagName().equals("defaultValue")) {
                    s.append(" <em>Default:</em> ").append(html(root == null ? null : new DocTreePath(root, u), u.getContent()));
                }
            }
        }
        return s.toString();
    }

    /** A {@code {@value}}: the constant it names, as javadoc prints it. */
    private String value(DocTreePath parent, ValueTree v) {
        if (v.getReference() == null) {
            return "";
        }
        if (parent == null) {
            return "<code>" + escape(v.getReference().getSignature()) + "</code>";
        }
        Element target = env.getDocTrees().getElement(new DocTreePath(new DocTreePath(parent, v), v.getReference()));
        if (target instanceof VariableElement c && c.getConstantValue() != null) {
            return escape(String.valueOf(c.getConstantValue()));
        }
        return "<code>" + escape(v.getReference().getSignature()) + "</code>";
    }

    private String html(DocTreePath parent, List<? extends DocTree> trees) {
        StringBuilder s = new StringBuilder();
        for (DocTree t : trees) {
            if (t instanceof TextTree text) {
                s.append(text.getBody());
            } else if (t instanceof LiteralTree lit) {
                String body = escape(lit.getBody().getBody());
                s.append(t.getKind() == DocTree.Kind.CODE ? "<code>" + body + "</code>" : body);
            } else if (t instanceof LinkTree link) {
                String label = html(parent, link.getLabel()).strip();
                String ref = link.getReference().getSignature();
                s.append("<code>").append(label.isEmpty() ? escape(ref.startsWith("#") ? ref.substring(1) : ref) : label).append("</code>");
            } else if (t instanceof ValueTree v) {
                s.append(value(parent, v));
            } else {
                s.append(t);
            }
        }
        return s.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
