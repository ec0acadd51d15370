package io.github.mlinfra.controls;

import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import org.immutables.value.Value;

/**
 * A control turned off by name, with a written justification. A waiver travels with the plan
 * (each concerned resource's {@code waivers}), with the deployed resource where AWS allows (a tag
 * {@code mlinfra:waiver:<id>}, the justification cut to 256 characters) and shows up in every
 * posture report as a suppressed finding with its reason.
 *
 * <pre>{@code
 * Waiver.of(Control.S3_ACCESS_LOGGING,
 *     "Scratch bucket for a one-day experiment; CloudTrail data events cover access.")
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class Waiver {
    /** The shortest justification accepted, in characters. */
    public static final int MIN_JUSTIFICATION_LENGTH = 20;
    /** The tag key prefix on AWS resources. */
    public static final String TAG_PREFIX = "mlinfra:waiver:";
    /** AWS's limit on tag values. */
    public static final int TAG_VALUE_LIMIT = 256;

    /**
     * The control turned off.
     *
     * @return the control
     */
    @Value.Parameter
    public abstract Control getControl();

    /**
     * Why the control is off: at least a sentence ({@value #MIN_JUSTIFICATION_LENGTH} characters
     * and three words).
     *
     * @return the justification
     */
    @Value.Parameter
    public abstract String getJustification();

    /**
     * Creates a waiver.
     *
     * @param control the control turned off
     * @param justification why, at least a sentence
     * @return the waiver
     * @throws io.github.mlinfra.InvalidArgsException when the justification is shorter than a sentence
     */
    public static Waiver of(Control control, String justification) {
        return Check.build("Waiver", () -> ImmutableWaiver.of(control, justification));
    }

    /**
     * Whether this waiver was read from a record (a plan's {@code waivers}, a deployed resource's
     * {@code mlinfra:waiver:<id>} tag) rather than written by a program. A recorded reason is taken
     * as it stands: the authoring rule (a sentence) applies where a waiver is written, not where
     * one is read, so a tag value cut by AWS's rules, or set by another tool, still names the
     * reason. Default {@code false}: waivers a program writes are checked.
     *
     * @return true for a waiver read from a record
     */
    @Value.Default
    @Value.Auxiliary
    public boolean isRecorded() {
        return false;
    }

    /**
     * A waiver as a record holds it (a plan file, a deployed resource's tag): any non-blank reason is
     * kept as it stands, with no check of its length.
     *
     * @param control the control turned off
     * @param reason the recorded reason; a blank one reads as {@code "(no reason recorded)"}
     * @return the waiver, {@link #isRecorded()} true
     */
    public static Waiver recorded(Control control, String reason) {
        String r = reason == null || reason.isBlank() ? "(no reason recorded)" : reason;
        return ImmutableWaiver.builder().control(control).justification(r).recorded(true).build();
    }

    /**
     * The tag key recording this waiver on AWS.
     *
     * @return {@code mlinfra:waiver:<id>}
     */
    public String tagKey() {
        return TAG_PREFIX + getControl().id();
    }

    /**
     * The tag value recording this waiver on AWS: the justification, cut to 256 characters.
     *
     * @return the tag value
     */
    public String tagValue() {
        String j = getJustification().strip();
        return j.length() <= TAG_VALUE_LIMIT ? j : j.substring(0, TAG_VALUE_LIMIT - 1) + "…";
    }

    /** Validates the values on {@code build()}; throws {@link io.github.mlinfra.InvalidArgsException}. */
    @Value.Check
    protected void check() {
        if (isRecorded()) {
            return;
        }
        String j = getJustification() == null ? "" : getJustification().strip();
        if (j.length() < MIN_JUSTIFICATION_LENGTH || j.split("\\s+").length < 3) {
            Check.fail("Waiver.justification", "too short to justify waiving " + getControl().id(), j,
                    "a sentence of at least " + MIN_JUSTIFICATION_LENGTH + " characters and three words");
        }
    }
}
