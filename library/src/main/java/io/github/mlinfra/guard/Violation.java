package io.github.mlinfra.guard;

import io.github.mlinfra.internal.MlInfraStyle;
import io.github.mlinfra.plan.PlannedResource;
import org.immutables.value.Value;

/** What a rule reports before suppressions are applied: the offending resource and why. */
@Value.Immutable
@MlInfraStyle
public abstract class Violation {
    /**
     * The offending resource.
     *
     * @return the resource
     */
    @Value.Parameter
    public abstract PlannedResource getResource();

    /**
     * What is wrong, naming the input and the value.
     *
     * @return the message
     */
    @Value.Parameter
    public abstract String getMessage();

    /**
     * Creates a violation.
     *
     * @param resource the offending resource
     * @param message what is wrong
     * @return the violation
     */
    public static Violation of(PlannedResource resource, String message) {
        return ImmutableViolation.of(resource, message);
    }
}
