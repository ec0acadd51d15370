package io.github.mlinfra.guard;

import io.github.mlinfra.internal.MlInfraStyle;
import org.immutables.value.Value;

/**
 * A rule result the guard could not decide: the rule needs a value it cannot read (an
 * {@code "[unknown]"} or {@code "[secret]"} input, an opaque policy, a missing output). It is never
 * counted as compliant: reports list it in {@code notEvaluated} (JSON), on a line of its own
 * (table), as a SARIF result of {@code kind "open"}; {@code --fail-on-unknown} makes it fail the
 * check.
 */
@Value.Immutable
@MlInfraStyle
public abstract class NotEvaluated {
    /**
     * The rule (control) id.
     *
     * @return e.g. {@code MLI-S3-03}
     */
    public abstract String getRule();

    /**
     * The resource's URN.
     *
     * @return the URN
     */
    public abstract String getUrn();

    /**
     * The resource's type token.
     *
     * @return e.g. {@code aws:s3/bucketPolicy:BucketPolicy}
     */
    public abstract String getResourceType();

    /**
     * The resource's logical name.
     *
     * @return the name
     */
    public abstract String getResourceName();

    /**
     * Why the rule could not judge the resource.
     *
     * @return e.g. {@code "policy is [unknown]"}
     */
    public abstract String getReason();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static ImmutableNotEvaluated.Builder builder() {
        return ImmutableNotEvaluated.builder();
    }
}
