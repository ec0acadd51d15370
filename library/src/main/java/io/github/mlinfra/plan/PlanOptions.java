package io.github.mlinfra.plan;

import io.github.mlinfra.CheckedValue;
import com.pulumi.resources.ResourceTransformation;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Settings of one offline plan: the stack's names, the AWS account, partition and region the
 * engine pretends to deploy to, stack config, and how strict the plan is.
 *
 * <pre>{@code
 * Plan plan = PlanEngine.plan(App::stack, PlanOptions.builder()
 *     .project("checkpoints").stack("dev").region("eu-west-1").build());
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class PlanOptions extends CheckedValue {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    /**
     * The Pulumi project name.
     *
     * @return the project
     * @defaultValue {@code mlinfra}
     */
    @Value.Default
    public String getProject() {
        return "mlinfra";
    }

    /**
     * The stack name.
     *
     * @return the stack
     * @defaultValue {@code dev}
     */
    @Value.Default
    public String getStack() {
        return "dev";
    }

    /**
     * The 12-digit AWS account id answered by {@code getCallerIdentity} and used in ARNs.
     *
     * @return the account id
     * @defaultValue {@code 123456789012}
     */
    @Value.Default
    public String getAccountId() {
        return "123456789012";
    }

    /**
     * The AWS partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}).
     *
     * @return the partition
     * @defaultValue {@code aws}
     */
    @Value.Default
    public String getPartition() {
        return "aws";
    }

    /**
     * The AWS region.
     *
     * @return the region
     * @defaultValue {@code us-east-1}
     */
    @Value.Default
    public String getRegion() {
        return "us-east-1";
    }

    /**
     * Stack config, keys in Pulumi's {@code <namespace>:<key>} form (e.g.
     * {@code secure-model-checkpointing:retentionDays}). {@code aws:region} is set from
     * {@link #getRegion()} unless given here.
     *
     * @return the config
     */
    public abstract Map<String, String> getConfig();

    /**
     * Whether inputs the engine could not resolve are allowed in the plan (written as
     * {@code "[unknown]"}).
     *
     * @return whether unknowns are allowed
     * @defaultValue false: an unresolved input fails the plan, naming the resource and input
     */
    @Value.Default
    public boolean isAllowUnknowns() {
        return false;
    }

    /**
     * How long the program may take before the plan gives up (an Output that never resolves).
     *
     * @return the timeout
     * @defaultValue 120 seconds
     */
    @Value.Default
    public Duration getTimeout() {
        return Duration.ofSeconds(120);
    }

    /**
     * Whether the plan runs the preflight rules ({@code MLI-PRE-*}, what AWS or the provider would
     * refuse) and fails on an unsuppressed finding. They judge the inputs before secrets are masked
     * (lifecycle scripts, user data), and nothing of a secret is written to the plan.
     *
     * @return whether preflight runs
     * @defaultValue true; turn it off only for tests that build deliberately odd programs
     */
    @Value.Default
    public boolean isPreflight() {
        return true;
    }

    /**
     * Preflight findings the user accepts, each with a reason (the rule may be wrong).
     *
     * @return the suppressions; default none
     */
    @Value.Auxiliary
    public abstract List<io.github.mlinfra.guard.Suppression> getPreflightSuppressions();

    /**
     * Stack transformations installed for the run, e.g. the guard's live-run transformation.
     *
     * @return the transformations
     */
    @Value.Auxiliary
    public abstract List<ResourceTransformation> getTransformations();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The defaults: project {@code mlinfra}, stack {@code dev}, account {@code 123456789012},
     * partition {@code aws}, region {@code us-east-1}.
     *
     * @return the default options
     */
    public static PlanOptions defaults() {
        return builder().build();
    }

    /**
     * Builds plan options; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutablePlanOptions.Builder {
        /** Use {@link PlanOptions#builder()}. */
        Builder() {}
    }

    /** Validates the values on {@code build()}; throws {@link io.github.mlinfra.InvalidArgsException}. */
    @Override
    protected void check() {
        Check.matches("PlanOptions.accountId", getAccountId(), ACCOUNT, "12 digits");
        Check.matches("PlanOptions.region", getRegion(), REGION, "an AWS region such as \"us-east-1\"");
        if (!List.of("aws", "aws-cn", "aws-us-gov").contains(getPartition())) {
            Check.fail("PlanOptions.partition", "unknown partition", getPartition(), "\"aws\", \"aws-cn\" or \"aws-us-gov\"");
        }
        Check.notBlank("PlanOptions.project", getProject());
        Check.notBlank("PlanOptions.stack", getStack());
        if (getTimeout().isNegative() || getTimeout().isZero()) {
            Check.fail("PlanOptions.timeout", "must be positive", getTimeout(), "a positive duration");
        }
    }
}
