package io.github.mlinfra.guard;

import io.github.mlinfra.CheckedValue;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Accepts the findings of one rule on one resource, with a written reason, for a check run (as
 * opposed to a {@link Waiver}, which a component records in the plan). The resource is named by
 * its URN or logical name, optionally narrowed to a type token.
 *
 * <pre>{@code
 * Suppression.of("MLI-S3-11", "logs-bucket",
 *     "This is the access-log target bucket; logging it to itself would loop.")
 * }</pre>
 *
 * <p>A suppression can also name a single finding by its key, the rule id followed by the
 * finding's detail in brackets, as cdk-nag does with {@code AwsSolutions-IAM5[Action::s3:*]}: it
 * then covers that finding only, so a second wildcard added later on the same role is still
 * reported. Reports show each finding's key.
 *
 * <pre>{@code
 * Suppression.of("MLI-IAM-02[Action::s3:*]", "trainer-role",
 *     "The scratch bucket is the only resource and its actions change with each framework release.")
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class Suppression extends CheckedValue {
    /** The resource that stands for every resource: {@code *}. */
    public static final String ANY = "*";

    /**
     * The rule (control) suppressed.
     *
     * @return the control
     */
    public abstract Control getControl();

    /**
     * The resource: its URN or its logical name, or {@link #ANY} for every resource.
     *
     * @return the URN, name or {@code *}
     */
    public abstract String getResource();

    /**
     * The resource type the suppression is narrowed to.
     *
     * @return the type token; empty for any type
     */
    public abstract Optional<String> getType();

    /**
     * The one finding suppressed, by its detail (the part of {@link Finding#getKey()} in
     * brackets, e.g. {@code Action::s3:*}).
     *
     * @return the detail; empty to suppress every finding of the rule on the resource
     */
    public abstract Optional<String> getDetail();

    /**
     * Why the finding is acceptable: at least a sentence, as for a {@link Waiver}.
     *
     * @return the justification
     */
    public abstract String getJustification();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static ImmutableSuppression.Builder builder() {
        return ImmutableSuppression.builder();
    }

    /**
     * Creates a suppression.
     *
     * @param ruleId the rule id, e.g. {@code MLI-S3-11}, or a finding key naming one finding,
     *     e.g. {@code MLI-IAM-02[Action::s3:*]}
     * @param resource the resource's URN or logical name
     * @param justification why, at least a sentence
     * @return the suppression
     * @throws io.github.mlinfra.InvalidArgsException when the rule id is unknown, the key
     *     malformed or the justification too short
     */
    public static Suppression of(String ruleId, String resource, String justification) {
        return of(ruleId, resource, justification, Optional.empty());
    }

    private static Suppression of(String ruleId, String resource, String justification, Optional<String> type) {
        String id = ruleId == null ? "" : ruleId.strip();
        Optional<String> detail = Optional.empty();
        int open = id.indexOf('[');
        if (open >= 0) {
            if (!id.endsWith("]") || open + 2 > id.length() - 1) {
                throw Check.fail("Suppression.rule", "malformed finding key", ruleId,
                        "RULE or RULE[DETAIL] with a non-empty detail, e.g. MLI-IAM-02[Action::s3:*]");
            }
            detail = Optional.of(id.substring(open + 1, id.length() - 1));
            id = id.substring(0, open);
        }
        String bare = id;
        Control c = Control.byId(bare).orElseThrow(() -> Check.fail("Suppression.rule", "unknown rule id", bare,
                "a control id of the registry such as MLI-S3-01"));
        Optional<String> d = detail;
        return builder().control(c).resource(resource).detail(d)
                .type(type).justification(justification).build();
    }

    /**
     * Reads suppressions from a JSON document, the form the CLI's {@code --suppressions FILE}
     * takes: an array of objects {@code {"rule", "resource", "justification"}} with an optional
     * {@code "type"}; {@code "rule"} is a rule id or a finding key such as
     * {@code MLI-IAM-02[Action::s3:*]}. Each entry is validated as {@link #of} validates it.
     *
     * <pre>{@code
     * [{"rule": "MLI-IAM-02[Action::s3:*]", "resource": "trainer-role",
     *   "justification": "The scratch bucket is the only resource and its actions change often."}]
     * }</pre>
     *
     * @param json the document
     * @return the suppressions, in document order
     * @throws io.github.mlinfra.InvalidArgsException when the document is not such an array
     *     (naming the entry, {@code Suppression[i]...}) or an entry is invalid (naming the attribute)
     */
    public static java.util.List<Suppression> fromJson(String json) {
        com.fasterxml.jackson.databind.JsonNode root = io.github.mlinfra.internal.JsonText.parse(json == null ? "" : json,
                "Suppression", Check.show("the document"), "a JSON array of {rule, resource, justification[, type]}");
        if (root == null || !root.isArray()) {
            throw Check.fail("Suppression", "not a JSON array", root == null ? "" : root.getNodeType().name(),
                    "a JSON array of {rule, resource, justification[, type]}");
        }
        java.util.List<Suppression> out = new java.util.ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode e = root.get(i);
            String at = "Suppression[" + i + "]";
            if (!e.isObject()) {
                throw Check.fail(at, "not an object", e.getNodeType().name(), "{rule, resource, justification[, type]}");
            }
            for (String field : java.util.List.of("rule", "resource", "justification")) {
                if (!e.path(field).isTextual()) {
                    throw Check.fail(at + "." + field, "missing or not a string", e.path(field).toString(), "a string");
                }
            }
            out.add(of(e.get("rule").asText(), e.get("resource").asText(), e.get("justification").asText(),
                    e.path("type").isTextual() ? Optional.of(e.get("type").asText()) : Optional.empty()));
        }
        return out;
    }

    /**
     * The key this suppression names: the rule id, with the detail in brackets when it names a
     * single finding.
     *
     * @return e.g. {@code MLI-IAM-02[Action::s3:*]} or {@code MLI-S3-11}
     */
    public String key() {
        return getControl().id() + getDetail().map(d -> "[" + d + "]").orElse("");
    }

    /**
     * Whether this suppression covers a finding of a rule on a resource.
     *
     * @param ruleId the rule id
     * @param urn the resource URN
     * @param type the resource type
     * @param name the resource name
     * @return true when covered
     */
    public boolean covers(String ruleId, String urn, String type, String name) {
        return covers(ruleId, urn, type, name, "");
    }

    /**
     * Whether this suppression covers one finding of a rule on a resource: a suppression without
     * a detail covers every finding of the rule there; one with a detail only the finding with
     * that very detail.
     *
     * @param ruleId the rule id
     * @param urn the resource URN
     * @param type the resource type
     * @param name the resource name
     * @param detail the finding's detail ({@link Finding#getDetail()}); empty when none
     * @return true when covered
     */
    public boolean covers(String ruleId, String urn, String type, String name, String detail) {
        return getControl().id().equals(ruleId)
                && (getResource().equals(ANY) || getResource().equals(urn) || getResource().equals(name))
                && getType().map(type::equals).orElse(true)
                && getDetail().map(d -> d.equals(detail)).orElse(true);
    }

    /**
     * Validates the justification (at least a sentence) and the resource (not blank).
     *
     * @throws io.github.mlinfra.InvalidArgsException naming the attribute when either is invalid
     */
    @Override
    protected void check() {
        String j = getJustification() == null ? "" : getJustification().strip();
        if (!Waiver.isSentence(j)) {
            Check.fail("Suppression.justification", "too short or filler to justify suppressing " + getControl().id(), j,
                    Waiver.SENTENCE_RULE);
        }
        if (getDetail().isPresent() && getDetail().get().isBlank()) {
            Check.fail("Suppression.detail", "must name the finding", getDetail().get(),
                    "the detail of a finding key, e.g. Action::s3:*");
        }
        if (getResource().isBlank()) {
            Check.fail("Suppression.resource", "must name a resource", getResource(), "a URN or logical name");
        }
    }
}
