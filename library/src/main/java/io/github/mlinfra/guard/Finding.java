package io.github.mlinfra.guard;

import io.github.mlinfra.controls.Severity;
import io.github.mlinfra.internal.Digests;
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
     * What tells this finding apart from other findings of the same rule on the same resource,
     * e.g. {@code Action::s3:*} or {@code Secret::userData:github-pat:1a2b3c4d}.
     *
     * @return the detail; empty when the rule reports one kind of problem per resource
     */
    @Value.Default
    public String getDetail() {
        return "";
    }

    /**
     * The finding's stable key, as a suppression names it: the rule id, followed by the detail in
     * brackets when there is one ({@code MLI-IAM-02[Action::s3:*]}), as cdk-nag names a finding.
     * Together with the URN it identifies the finding across runs.
     *
     * @return the key
     */
    @Value.Derived
    public String getKey() {
        return getDetail().isEmpty() ? getRule() : getRule() + "[" + getDetail() + "]";
    }

    /**
     * A stable fingerprint of the finding: the first 16 hex digits of the SHA-256 of the key and
     * the URN. It does not change with the message's wording, so it is the SARIF
     * {@code partialFingerprints} value that code-scanning tools track findings by.
     *
     * @return 16 lowercase hex digits
     */
    @Value.Derived
    public String getFingerprint() {
        return Digests.sha256Hex(getKey() + "\n" + getUrn(), 16);
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static ImmutableFinding.Builder builder() {
        return ImmutableFinding.builder();
    }
}
