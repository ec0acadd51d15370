package io.github.mlinfra.storage;

import io.github.mlinfra.CheckedValue;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An S3 Object Lock default retention: a mode and a period in days or in years (never both).
 *
 * <p>{@link Mode#GOVERNANCE} (the default) blocks overwrites and deletes of locked object versions
 * by anyone without the {@code s3:BypassGovernanceRetention} permission, so an administrator can
 * still clean up a mistake. {@link Mode#COMPLIANCE} is <b>irreversible</b>: no one, not even the
 * account root user or AWS Support, can delete a locked version or shorten its retention before
 * it ends, and the bucket cannot be deleted while it holds one. It is accepted only through the
 * explicit opt-ins {@link #complianceDays(int)}, {@link #complianceYears(int)} or
 * {@link Builder#complianceMode(boolean)}; a builder given {@code mode(COMPLIANCE)} alone is
 * refused.
 *
 * <pre>{@code
 * Retention.days(30);            // GOVERNANCE, 30 days (the checkpoint bucket's default)
 * Retention.years(1);            // GOVERNANCE, 1 year
 * Retention.complianceDays(7);   // COMPLIANCE: irreversible, read the class documentation
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class Retention extends CheckedValue {
    /** S3's largest retention in days. */
    public static final int MAX_DAYS = 36500;
    /** S3's largest retention in years. */
    public static final int MAX_YEARS = 100;

    /** Object Lock retention modes. */
    public enum Mode {
        /** Locked versions can be deleted only with {@code s3:BypassGovernanceRetention}. */
        GOVERNANCE,
        /** Locked versions cannot be deleted by anyone until the retention ends. Irreversible. */
        COMPLIANCE
    }

    /**
     * The retention period in days (1–36500); exclusive with {@link #getYears()}.
     *
     * @return the days, if the period is in days
     */
    public abstract Optional<Integer> getDays();

    /**
     * The retention period in years (1–100); exclusive with {@link #getDays()}.
     *
     * @return the years, if the period is in years
     */
    public abstract Optional<Integer> getYears();

    /**
     * The retention mode.
     *
     * @return the mode
     * @defaultValue {@link Mode#GOVERNANCE}: versions are locked against ordinary deletes and
     *     overwrites, an administrator with {@code s3:BypassGovernanceRetention} can still remove them
     */
    @Value.Default
    public Mode getMode() {
        return Mode.GOVERNANCE;
    }

    /**
     * Whether the caller explicitly opted in to the irreversible COMPLIANCE mode.
     *
     * @return true when opted in
     * @defaultValue false: COMPLIANCE is refused
     */
    @Value.Default
    public boolean isComplianceModeAcknowledged() {
        return false;
    }

    /**
     * The period in days (years counted as 365 days), for comparisons.
     *
     * @return the period in days
     */
    public int periodDays() {
        return getDays().orElseGet(() -> getYears().orElse(0) * 365);
    }

    /**
     * GOVERNANCE retention of some days.
     *
     * @param days 1–36500
     * @return the retention
     */
    public static Retention days(int days) {
        return builder().days(days).build();
    }

    /**
     * GOVERNANCE retention of some years.
     *
     * @param years 1–100
     * @return the retention
     */
    public static Retention years(int years) {
        return builder().years(years).build();
    }

    /**
     * COMPLIANCE retention of some days. <b>Irreversible</b>: no one can delete a locked version
     * (nor the bucket holding it) until the retention ends.
     *
     * @param days 1–36500
     * @return the retention
     */
    public static Retention complianceDays(int days) {
        return builder().complianceMode(true).days(days).build();
    }

    /**
     * COMPLIANCE retention of some years. <b>Irreversible</b>: no one can delete a locked version
     * (nor the bucket holding it) until the retention ends.
     *
     * @param years 1–100
     * @return the retention
     */
    public static Retention complianceYears(int years) {
        return builder().complianceMode(true).years(years).build();
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link Retention}; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableRetention.Builder {
        /** Use {@link Retention#builder()}. */
        Builder() {}

        /**
         * Opts in to (or out of) the irreversible COMPLIANCE mode: with {@code true}, locked
         * versions cannot be deleted by anyone, root included, until the retention ends.
         *
         * @param compliance whether to use COMPLIANCE
         * @return this builder
         */
        public Builder complianceMode(boolean compliance) {
            mode(compliance ? Mode.COMPLIANCE : Mode.GOVERNANCE);
            complianceModeAcknowledged(compliance);
            return this;
        }
    }

    /**
     * Validates every plain attribute (called by {@code build()}).
     *
     * @throws io.github.mlinfra.InvalidArgsException in the project's message format
     */
    @Override
    protected void check() {
        if (getDays().isPresent() && getYears().isPresent()) {
            Check.fail("Retention.years", "days and years are exclusive",
                    "days=" + getDays().get() + ", years=" + getYears().get(), "either days or years");
        }
        if (getDays().isEmpty() && getYears().isEmpty()) {
            Check.fail("Retention.days", "no retention period given", null,
                    "days (1 to " + MAX_DAYS + ") or years (1 to " + MAX_YEARS + ")");
        }
        getDays().ifPresent(d -> Check.range("Retention.days", d, 1, MAX_DAYS, "days"));
        getYears().ifPresent(y -> Check.range("Retention.years", y, 1, MAX_YEARS, "years"));
        if (getMode() == Mode.COMPLIANCE && !isComplianceModeAcknowledged()) {
            Check.fail("Retention.mode", "COMPLIANCE is irreversible (no one, root included, can delete a locked"
                    + " version or the bucket until the retention ends) and needs the explicit opt-in", "COMPLIANCE",
                    "GOVERNANCE, or Retention.complianceDays(n)/complianceYears(n)/builder().complianceMode(true)");
        }
    }
}
