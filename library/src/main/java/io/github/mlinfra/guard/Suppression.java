package io.github.mlinfra.guard;

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
 */
@Value.Immutable
@MlInfraStyle
public abstract class Suppression {
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
     * @param ruleId the rule id, e.g. {@code MLI-S3-11}
     * @param resource the resource's URN or logical name
     * @param justification why, at least a sentence
     * @return the suppression
     * @throws io.github.mlinfra.InvalidArgsException when the rule id is unknown or the
     *     justification too short
     */
    public static Suppression of(String ruleId, String resource, String justification) {
        Control c = Control.byId(ruleId).orElseThrow(() -> Check.fail("Suppression.rule", "unknown rule id", ruleId,
                "a control id of the registry such as MLI-S3-01"));
        return Check.build("Suppression", () -> builder().control(c).resource(resource).justification(justification).build());
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
        return getControl().id().equals(ruleId)
                && (getResource().equals(ANY) || getResource().equals(urn) || getResource().equals(name))
                && getType().map(type::equals).orElse(true);
    }

    /**
     * Validates the justification (at least a sentence) and the resource (not blank).
     *
     * @throws io.github.mlinfra.InvalidArgsException naming the attribute when either is invalid
     */
    @Value.Check
    protected void check() {
        String j = getJustification() == null ? "" : getJustification().strip();
        if (!Waiver.isSentence(j)) {
            Check.fail("Suppression.justification", "too short or filler to justify suppressing " + getControl().id(), j,
                    Waiver.SENTENCE_RULE);
        }
        if (getResource().isBlank()) {
            Check.fail("Suppression.resource", "must name a resource", getResource(), "a URN or logical name");
        }
    }
}
