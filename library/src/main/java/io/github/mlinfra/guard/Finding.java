package io.github.mlinfra.guard;

import io.github.mlinfra.controls.Severity;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One finding of a posture check: a rule, the resource it concerns and what is wrong. A
 * suppressed finding (by a waiver recorded in the plan or an explicit {@link Suppression}) still
 * appears in every report, marked, with its justification.
 */
@Value.Immutable
@MlInfraStyle
public abstract class Finding {
    /**
     * The rule (control) id.
     *
     * @return e.g. {@code MLI-S3-05}
     */
    public abstract String getRule();

    /**
     * The severity.
     *
     * @return the severity
     */
    public abstract Severity getSeverity();

    /**
     * The resource's URN.
     *
     * @return the URN
     */
    public abstract String getUrn();

    /**
     * The resource's type token.
     *
     * @return e.g. {@code aws:s3/bucketV2:BucketV2}
     */
    public abstract String getResourceType();

    /**
     * The resource's logical name.
     *
     * @return the name
     */
    public abstract String getResourceName();

    /**
     * What is wrong.
     *
     * @return the message
     */
    public abstract String getMessage();

    /**
     * The external controls of the rule.
     *
     * @return e.g. {@code ["FSBP S3.5", "AwsSolutions-S10"]}
     */
    public abstract List<String> getControls();

    /**
     * Whether a waiver or suppression covers the finding.
     *
     * @return the suppressed flag
     */
    @Value.Default
    public boolean isSuppressed() {
        return false;
    }

    /**
     * Why the finding is suppressed.
     *
     * @return the justification; empty when not suppressed
     */
    public abstract Optional<String> getJustification();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static ImmutableFinding.Builder builder() {
        return ImmutableFinding.builder();
    }
}
