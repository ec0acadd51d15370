package io.github.mlinfra.guard;

import io.github.mlinfra.controls.Severity;
import io.github.mlinfra.internal.MlInfraStyle;
import io.github.mlinfra.plan.Plan;
import java.util.List;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The result of a posture check: the plan checked, the rules run, every finding and every rule
 * result the guard could not decide ({@link #getNotEvaluated()}).
 */
@Value.Immutable
@MlInfraStyle
public abstract class PostureReport {
    /**
     * The plan checked.
     *
     * @return the plan
     */
    public abstract Plan getPlan();

    /**
     * The rules that ran.
     *
     * @return the rules
     */
    public abstract List<Rule> getRules();

    /**
     * The findings, suppressed ones included, ordered by severity (highest first), rule and URN.
     *
     * @return the findings
     */
    public abstract List<Finding> getFindings();

    /**
     * The rule results the guard could not decide (a value it cannot read), ordered by rule, URN
     * and reason. Never counted as compliant; a waiver or suppression of the rule on the resource
     * removes the entry (the finding it might hide would be suppressed too).
     *
     * @return the not-evaluated results
     */
    public abstract List<NotEvaluated> getNotEvaluated();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static ImmutablePostureReport.Builder builder() {
        return ImmutablePostureReport.builder();
    }

    /**
     * How many resources were checked.
     *
     * @return the resource count
     */
    public int resourceCount() {
        return getPlan().getResources().size();
    }

    /**
     * How many findings there are, suppressed ones included.
     *
     * @return the finding count
     */
    public int findingCount() {
        return getFindings().size();
    }

    /**
     * How many findings are suppressed.
     *
     * @return the suppressed count
     */
    public int suppressedCount() {
        return (int) getFindings().stream().filter(Finding::isSuppressed).count();
    }

    /**
     * The findings not suppressed.
     *
     * @return the open findings
     */
    public List<Finding> openFindings() {
        return getFindings().stream().filter(f -> !f.isSuppressed()).collect(Collectors.toList());
    }

    /**
     * Whether an unsuppressed finding is at or above a severity.
     *
     * @param threshold the lowest severity that fails
     * @return true when the check fails at that threshold
     */
    public boolean failsAt(Severity threshold) {
        return openFindings().stream().anyMatch(f -> f.getSeverity().compareTo(threshold) >= 0);
    }

    /**
     * Whether the check fails: an unsuppressed finding at or above the threshold, or, when
     * {@code failOnUnknown}, any not-evaluated result (the CLI's {@code --fail-on-unknown}).
     *
     * @param threshold the lowest severity that fails
     * @param failOnUnknown whether a result the guard could not decide fails the check
     * @return true when the check fails
     */
    public boolean failsAt(Severity threshold, boolean failOnUnknown) {
        return failsAt(threshold) || (failOnUnknown && !getNotEvaluated().isEmpty());
    }

    /**
     * The findings of one rule.
     *
     * @param ruleId the rule id
     * @return its findings
     */
    public List<Finding> findingsOf(String ruleId) {
        return getFindings().stream().filter(f -> f.getRule().equals(ruleId)).collect(Collectors.toList());
    }
}
