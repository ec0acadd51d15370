package io.github.mlinfra.guard;

import io.github.mlinfra.controls.Severity;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.guard.rules.Rules;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlannedResource;
import com.pulumi.resources.ResourceTransformation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs posture rules over a plan.
 *
 * <pre>{@code
 * PostureReport report = Guard.builder()
 *     .pack("fsbp")
 *     .minSeverity(Severity.MEDIUM)
 *     .addSuppressions(Suppression.of("MLI-S3-11", "logs-bucket",
 *         "This is the access-log target bucket; logging it to itself would loop."))
 *     .build()
 *     .check(plan);
 * }</pre>
 */
public final class Guard {
    /**
     * A trusted id: a 12-digit account id, or an AWS Organizations id ({@code o-} and 10 to 32
     * lowercase letters or digits, https://docs.aws.amazon.com/organizations/latest/APIReference/API_Organization.html,
     * looked up 2026-11-30).
     */
    public static final java.util.regex.Pattern TRUSTED_ID = java.util.regex.Pattern.compile("\\d{12}|o-[a-z0-9]{10,32}");
    private final List<Rule> rules;
    private final Severity minSeverity;
    private final RulePack pack;
    private final List<Suppression> suppressions;
    private final GuardTransformation gate;
    private final java.util.Set<String> trustedAccounts;

    private Guard(Builder b) {
        this.trustedAccounts = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(b.trustedAccounts));
        this.pack = b.pack;
        this.minSeverity = b.minSeverity;
        this.suppressions = List.copyOf(b.suppressions);
        List<Rule> base = b.rules == null ? Rules.withQuotas(b.trustPolicyLimit, b.sgRulesLimit) : b.rules;
        this.rules = base.stream()
                .filter(pack::includes)
                .filter(r -> r.control().severity().compareTo(minSeverity) >= 0)
                .collect(Collectors.toUnmodifiableList());
        this.gate = new GuardTransformation(this, false);
    }

    /**
     * A new builder: pack {@code mlinfra}, minimum severity {@code LOW}, no suppressions, the rules
     * of {@link Rules#all()}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A guard with every rule and no suppressions.
     *
     * @return the guard
     */
    public static Guard defaults() {
        return builder().build();
    }

    /**
     * The rules this guard runs (pack and minimum severity applied).
     *
     * @return the rules
     */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * The minimum severity of the rules this guard runs.
     *
     * @return the severity
     */
    public Severity minSeverity() {
        return minSeverity;
    }

    /**
     * The suppressions this guard applies.
     *
     * @return the suppressions
     */
    public List<Suppression> suppressions() {
        return suppressions;
    }

    /**
     * The AWS account ids the resource-policy rules accept as trusted, besides the stack's own
     * account: access granted to them is not a finding. Default empty: every other account is
     * external.
     *
     * @return the trusted account ids, sorted
     */
    public java.util.Set<String> trustedAccounts() {
        return trustedAccounts;
    }

    /**
     * Checks a plan.
     *
     * @param plan the plan
     * @return the report: every finding, suppressed ones marked with their reason, and every rule
     *         result the guard could not decide (not evaluated, never compliant)
     */
    public PostureReport check(Plan plan) {
        PlanIndex index = PlanIndex.of(plan, trustedAccounts);
        List<Finding> findings = new ArrayList<>();
        List<NotEvaluated> unknown = new ArrayList<>();
        for (Rule rule : rules) {
            for (Violation v : rule.check(index)) {
                PlannedResource r = v.getResource();
                if (!v.isNotEvaluated()) {
                    findings.add(toFinding(rule, r, v.getMessage(), v.getDetail()));
                } else if (justification(rule, r).isEmpty()) {
                    unknown.add(NotEvaluated.builder().rule(rule.id()).urn(r.getUrn()).resourceType(r.getType())
                            .resourceName(r.getName()).reason(v.getMessage()).build());
                }
            }
        }
        findings.sort(Comparator.comparing(Finding::getSeverity).reversed()
                .thenComparing(Finding::getRule).thenComparing(Finding::getUrn).thenComparing(Finding::getMessage));
        unknown.sort(Comparator.comparing(NotEvaluated::getRule).thenComparing(NotEvaluated::getUrn)
                .thenComparing(NotEvaluated::getReason));
        return PostureReport.builder().plan(plan).rules(rules).findings(findings).notEvaluated(unknown).build();
    }

    Finding toFinding(Rule rule, PlannedResource r, String message, String detail) {
        Optional<String> reason = justification(rule, r, detail);
        return Finding.builder()
                .rule(rule.id())
                .severity(rule.control().severity())
                .urn(r.getUrn())
                .resourceType(r.getType())
                .resourceName(r.getName())
                .message(message)
                .detail(detail)
                .controls(rule.control().externalControls())
                .suppressed(reason.isPresent())
                .justification(reason)
                .build();
    }

    /**
     * The reason a finding of a rule on a resource is suppressed: a waiver recorded on the
     * resource, else a matching suppression.
     *
     * @param rule the rule
     * @param r the resource
     * @return the justification, if suppressed
     */
    Optional<String> justification(Rule rule, PlannedResource r) {
        return justification(rule, r, "");
    }

    /**
     * The reason one finding, told apart by its detail, is suppressed: a waiver recorded on the
     * resource (which covers the whole rule there), else a suppression of the whole rule on the
     * resource, else a suppression naming this very finding ({@code MLI-IAM-02[Action::s3:*]}).
     *
     * @param rule the rule
     * @param r the resource
     * @param detail the finding's detail; empty when the rule gives none
     * @return the justification, if suppressed
     */
    Optional<String> justification(Rule rule, PlannedResource r, String detail) {
        for (Waiver w : r.getWaivers()) {
            // a component can never waive a preflight control: a recorded waiver of one is ignored
            if (w.getControl() == rule.control() && !rule.control().isPreflight()) {
                return Optional.of(w.getJustification());
            }
        }
        return suppressions.stream().filter(s -> s.covers(rule.id(), r.getUrn(), r.getType(), r.getName(), detail))
                .map(Suppression::getJustification).findFirst();
    }

    /**
     * A stack transformation that stops a live run before a non-compliant resource is created.
     * Every {@link ResourceRule} of this guard judges each resource's arguments at registration
     * (values not yet known are not held against it); a finding that no waiver (a
     * {@code mlinfra:waiver:<control>} tag on the resource) or suppression covers throws
     * {@link GuardViolationException} naming the rule and the resource. It keeps nothing of the
     * run, so one instance serves any number of runs. Rules that join resources cannot run here:
     * run {@link #check(Plan)} on the plan, or on {@code pulumi preview --json} in CI, which is the
     * gate, or add them to a live run through {@link #gate()}.
     *
     * <pre>{@code
     * Pulumi.withOptions(StackOptions.builder()
     *         .resourceTransformations(Guard.defaults().transformation())
     *         .build())
     *     .run(App::stack);
     * }</pre>
     *
     * @return the transformation
     */
    public ResourceTransformation transformation() {
        return gate;
    }

    /**
     * A gate for one live run: its {@link LiveGate#transformation()} judges each resource as
     * {@link #transformation()} does and keeps what the run registers, and its
     * {@link LiveGate#guarded(java.util.function.Consumer)} adds the rules that join resources over
     * exactly those registrations. The guard holds no state of a run, so one guard checks any
     * number of runs at once, each through its own gate; a gate belongs to one run.
     *
     * <pre>{@code
     * Guard.LiveGate gate = Guard.defaults().gate();
     * Pulumi.withOptions(StackOptions.builder().resourceTransformations(gate.transformation()).build())
     *     .run(gate.guarded(App::stack));
     * }</pre>
     *
     * @return a new gate, for one run
     */
    public LiveGate gate() {
        return new LiveGate(this);
    }

    /**
     * One live run's gate (see {@link Guard#gate()}): the transformation to install on the run and
     * the program wrapper, sharing the run's registrations.
     */
    public static final class LiveGate {
        private final GuardTransformation recorder;

        private LiveGate(Guard guard) {
            this.recorder = new GuardTransformation(guard, true);
        }

        /**
         * The stack transformation to install on this gate's run: it stops a non-compliant resource
         * as {@link Guard#transformation()} does and keeps each registration for
         * {@link #guarded(java.util.function.Consumer)}.
         *
         * @return the transformation
         */
        public ResourceTransformation transformation() {
            return recorder;
        }

        /**
         * Wraps a program so that the rules that join resources run once every resource registered
         * through {@link #transformation()} (which must be installed on the same run) has its id.
         * They fail the run with {@link GuardViolationException}; by then {@code pulumi up} has
         * created what it could, so the gate to rely on is {@code pulumi preview} (or the plan) in
         * CI, where ids are not known and these rules run on {@code mlinfra check} instead. The
         * wrapper adds a component {@code mlinfra:guard:Gate} named {@code mlinfra-guard} that waits
         * for the check.
         *
         * @param program the program
         * @return the guarded program
         */
        public java.util.function.Consumer<com.pulumi.Context> guarded(java.util.function.Consumer<com.pulumi.Context> program) {
            return ctx -> {
                recorder.reset();
                program.accept(ctx);
                List<GuardTransformation.Registered> regs = recorder.registered();
                List<com.pulumi.core.Output<String>> ids = new ArrayList<>();
                for (GuardTransformation.Registered r : regs) {
                    ids.add(((com.pulumi.resources.CustomResource) r.resource).id());
                }
                com.pulumi.core.Output<String> verdict = com.pulumi.core.Output.all(ids).applyValue(list -> {
                    recorder.checkJoined(regs, list);
                    return "passed";
                });
                new GateComponent(verdict);
            };
        }
    }

    /** Holds the joined check in the run, so the engine waits for it. */
    private static final class GateComponent extends com.pulumi.resources.ComponentResource {
        GateComponent(com.pulumi.core.Output<String> verdict) {
            super("mlinfra:guard:Gate", "mlinfra-guard", com.pulumi.resources.ComponentResourceOptions.builder().build());
            registerOutputs(java.util.Map.of("verdict", verdict));
        }
    }

    /** Builds a {@link Guard}. */
    public static final class Builder {
        private RulePack pack = RulePack.MLINFRA;
        private Severity minSeverity = Severity.LOW;
        private final List<Suppression> suppressions = new ArrayList<>();
        private List<Rule> rules;
        private final java.util.Set<String> trustedAccounts = new java.util.TreeSet<>();
        private int trustPolicyLimit = io.github.mlinfra.aws.ServiceLimits.IAM_TRUST_POLICY_DEFAULT;
        private int sgRulesLimit = io.github.mlinfra.aws.ServiceLimits.SG_RULES_DEFAULT;

        private Builder() {}

        /**
         * Adds AWS accounts (or AWS Organizations ids, {@code o-...}) the resource-policy rules
         * trust besides the stack's own account: a policy granting them access is not a finding.
         * Default: none, so every other account is external and access granted to it is a HIGH
         * finding.
         *
         * @param accountIds 12-digit AWS account ids or organization ids ({@code o-} and 10 to 32
         *                   lowercase letters or digits)
         * @return this builder
         * @throws IllegalArgumentException when an id is neither
         */
        public Builder addTrustedAccounts(String... accountIds) {
            return addAllTrustedAccounts(List.of(accountIds));
        }

        /**
         * Adds AWS accounts the resource-policy rules trust; see {@link #addTrustedAccounts(String...)}.
         *
         * @param accountIds 12-digit AWS account ids or organization ids
         * @return this builder
         * @throws IllegalArgumentException when an id is neither
         */
        public Builder addAllTrustedAccounts(Iterable<String> accountIds) {
            for (String id : accountIds) {
                if (id == null || !TRUSTED_ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("Guard.trustedAccounts: not an AWS account or organization id; got "
                            + id + "; expected 12 digits or o- and 10 to 32 lowercase letters or digits");
                }
                trustedAccounts.add(id);
            }
            return this;
        }

        /**
         * Selects a pack.
         *
         * @param pack the pack
         * @return this builder
         */
        public Builder pack(RulePack pack) {
            this.pack = Objects.requireNonNull(pack, "pack");
            return this;
        }

        /**
         * Selects a pack by name.
         *
         * @param name {@code mlinfra}, {@code fsbp} or {@code cdk-nag-aws-solutions}
         * @return this builder
         * @throws IllegalArgumentException for an unknown pack name
         */
        public Builder pack(String name) {
            return pack(RulePack.byName(name));
        }

        /**
         * Runs only rules at or above a severity.
         *
         * @param minSeverity the lowest severity run
         * @return this builder
         */
        public Builder minSeverity(Severity minSeverity) {
            this.minSeverity = Objects.requireNonNull(minSeverity, "minSeverity");
            return this;
        }

        /**
         * Adds suppressions.
         *
         * @param more the suppressions
         * @return this builder
         */
        public Builder addSuppressions(Suppression... more) {
            suppressions.addAll(List.of(more));
            return this;
        }

        /**
         * Adds suppressions.
         *
         * @param more the suppressions
         * @return this builder
         */
        public Builder addAllSuppressions(Iterable<Suppression> more) {
            more.forEach(suppressions::add);
            return this;
        }

        /**
         * Replaces the rule set (tests, custom rules).
         *
         * @param rules the rules
         * @return this builder
         */
        public Builder rules(List<? extends Rule> rules) {
            this.rules = List.copyOf(rules);
            return this;
        }

        /**
         * The account's IAM role trust policy quota, which preflight rule MLI-PRE-17 reads.
         *
         * @param characters characters without whitespace; default 2,048 (AWS's default)
         * @return this builder
         */
        public Builder trustPolicyLimit(int characters) {
            if (characters < 1) {
                throw new IllegalArgumentException("trustPolicyLimit must be positive; got " + characters);
            }
            this.trustPolicyLimit = characters;
            return this;
        }

        /**
         * The account's rules-per-security-group quota, which preflight rule MLI-PRE-21 reads.
         *
         * @param rules rules per direction; default 60 (AWS's default)
         * @return this builder
         */
        public Builder sgRulesLimit(int rules) {
            if (rules < 1) {
                throw new IllegalArgumentException("sgRulesLimit must be positive; got " + rules);
            }
            this.sgRulesLimit = rules;
            return this;
        }

        /**
         * Builds the guard.
         *
         * @return the guard
         */
        public Guard build() {
            return new Guard(this);
        }
    }
}
