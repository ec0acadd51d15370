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

    /**
     * What tells this violation apart from other violations of the same rule on the same resource
     * (an action, a statement, a secret's fingerprint), written {@code Kind::value} as cdk-nag
     * writes its finding ids ({@code Action::s3:*}). A {@link Suppression} naming it covers this
     * violation only.
     *
     * @return the detail; empty when the rule reports one kind of problem per resource
     */
    @Value.Default
    public String getDetail() {
        return "";
    }

    /**
     * Creates a violation with a detail that names it among the rule's violations on the resource.
     *
     * @param resource the offending resource
     * @param message what is wrong
     * @param detail e.g. {@code Action::s3:*}; never the secret itself
     * @return the violation
     */
    public static Violation of(PlannedResource resource, String message, String detail) {
        return ImmutableViolation.builder().resource(resource).message(message).detail(detail).build();
    }
}
