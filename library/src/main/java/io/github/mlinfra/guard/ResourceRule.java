package io.github.mlinfra.guard;

import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A rule that judges one resource by its own inputs, with no join to other resources. Such rules
 * also run in a live {@code pulumi up} through {@link Guard#transformation()}, where they see the
 * arguments as they are at registration; a value not yet known there is {@code "[unknown]"} and,
 * like {@code "[secret]"}, is never held against the resource.
 *
 * <p>A rule never reads an unreadable value as compliant: {@link #check(PlannedResource)} judges
 * what it can read, and {@link #notEvaluated(PlannedResource)} names what it could not; a plan
 * check reports the latter as not evaluated.
 */
public abstract class ResourceRule implements Rule {
    /** For subclasses. */
    protected ResourceRule() {}

    /**
     * The type tokens this rule judges.
     *
     * @return e.g. {@code aws:kms/key:Key}
     */
    public abstract Set<String> types();

    /**
     * Judges one resource of one of {@link #types()}.
     *
     * @param resource the resource
     * @return the problems found, one message each; empty when compliant
     */
    public abstract List<String> check(PlannedResource resource);

    /**
     * What this rule needs on a resource but cannot read ({@code "[unknown]"}, {@code "[secret]"}),
     * one reason each. The default reads nothing and returns an empty list; a rule that skips an
     * opaque value in {@link #check(PlannedResource)} must name it here.
     *
     * @param resource the resource
     * @return the reasons the rule could not judge (part of) the resource; empty when it could
     */
    public List<String> notEvaluated(PlannedResource resource) {
        return List.of();
    }

    @Override
    public final List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        for (PlannedResource r : plan.getPlan().getResources()) {
            if (types().contains(r.getType())) {
                for (String message : check(r)) {
                    out.add(Violation.of(r, message));
                }
                for (String reason : notEvaluated(r)) {
                    out.add(Violation.notEvaluated(r, reason));
                }
            }
        }
        return out;
    }

    /**
     * The reasons for the inputs among {@code paths} that are opaque on a resource.
     *
     * @param r the resource
     * @param paths input paths
     * @return one reason per opaque input, e.g. {@code "monitoring is [unknown]"}
     */
    protected static List<String> opaque(PlannedResource r, String... paths) {
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            r.input(p).filter(PlanIndex::isOpaque).ifPresent(v -> out.add(p + " is " + v));
        }
        return out;
    }
}
