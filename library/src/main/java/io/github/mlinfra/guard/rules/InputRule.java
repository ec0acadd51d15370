package io.github.mlinfra.guard.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.plan.PlannedResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * A rule declared as data: its control, the types it judges, what it finds on one resource and
 * what it cannot read there. One class serves every rule that judges a resource by its own inputs,
 * so a rule is one line of its family's list ({@link InstanceRules}, {@link ServiceRules}) and its
 * logic, where it has any beyond "this input is true" or "this input is set", one static method.
 * The rationale is prose, kept with the others in {@code rationales.json} under the control's id.
 */
final class InputRule extends SimpleResourceRule {
    private static final String RATIONALES = "/io/github/mlinfra/guard/rules/rationales.json";
    private static final JsonNode TEXTS = read();

    private final Function<PlannedResource, List<String>> check;
    private final Function<PlannedResource, List<String>> notEvaluated;

    InputRule(Control control, Function<PlannedResource, List<String>> check,
            Function<PlannedResource, List<String>> notEvaluated, String... types) {
        super(control, rationale(control), types);
        this.check = check;
        this.notEvaluated = notEvaluated;
    }

    /**
     * A rule that wants a boolean input to be {@code true}; an opaque value is not evaluated.
     *
     * @param control the control
     * @param type the type token judged
     * @param path the input path, e.g. {@code monitoring}
     * @return the rule; its finding reads {@code <path> is not true}
     */
    static InputRule flag(Control control, String type, String path) {
        return new InputRule(control, r -> PlanIndex.isOpaque(r, path) || PlanIndex.bool(r, path).orElse(false)
                ? List.of() : List.of(path + " is not true"), r -> opaque(r, path), type);
    }

    /**
     * A rule that wants an input to be set (not absent, not blank).
     *
     * @param control the control
     * @param type the type token judged
     * @param path the input path, e.g. {@code kmsKeyId}
     * @param finding the finding when it is not set
     * @return the rule
     */
    static InputRule required(Control control, String type, String path, String finding) {
        return new InputRule(control, r -> PlanIndex.isBlank(r, path) ? List.of(finding) : List.of(), r -> List.of(), type);
    }

    /**
     * A rule that wants a SageMaker-style switch to be {@code Disabled} (its default is Enabled); an
     * opaque value is not evaluated.
     *
     * @param control the control
     * @param type the type token judged
     * @param path the input path, e.g. {@code rootAccess}
     * @return the rule; its finding names the value found
     */
    static InputRule disabled(Control control, String type, String path) {
        return new InputRule(control, r -> {
            Object v = r.input(path).orElse(null);
            return "Disabled".equals(v) || PlanIndex.isOpaque(v) ? List.of()
                    : List.of(path + " is " + (v == null ? "not set (defaults to Enabled)" : v) + ", expected Disabled");
        }, r -> opaque(r, path), type);
    }

    @Override
    public List<String> check(PlannedResource r) {
        return check.apply(r);
    }

    @Override
    public List<String> notEvaluated(PlannedResource r) {
        return notEvaluated.apply(r);
    }

    /** The inputs among {@code paths} that are opaque, for the families' notEvaluated methods. */
    static List<String> opaqueInputs(PlannedResource r, String... paths) {
        return opaque(r, paths);
    }

    /** The rationale of a control's rule, from {@code rationales.json}. */
    static String rationale(Control control) {
        JsonNode text = TEXTS.get(control.id());
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw new IllegalStateException(RATIONALES + ": no rationale for " + control.id());
        }
        return text.asText();
    }

    private static JsonNode read() {
        try (InputStream in = InputRule.class.getResourceAsStream(RATIONALES)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RATIONALES);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RATIONALES, e);
        }
    }
}
