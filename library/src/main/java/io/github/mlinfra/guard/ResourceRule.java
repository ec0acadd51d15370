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

    @Override
    public final List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        for (PlannedResource r : plan.getPlan().getResources()) {
            if (types().contains(r.getType())) {
                for (String message : check(r)) {
                    out.add(Violation.of(r, message));
                }
            }
        }
        return out;
    }
}
