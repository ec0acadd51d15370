package io.github.mlinfra.guard;

import io.github.mlinfra.internal.MlInfraStyle;
import io.github.mlinfra.plan.PlannedResource;
import org.immutables.value.Value;

/**
 * What a rule reports before suppressions are applied: the offending resource and why, or, when
 * {@link #isNotEvaluated()}, the resource the rule could not judge and why (a value it cannot
 * read: {@code "[unknown]"}, {@code "[secret]"}, a missing output). A rule never reports an
 * unreadable value as compliant.
 */
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
     * Whether this is a "not evaluated" result rather than a finding: the rule could not read a
     * value it needs, and {@link #getMessage()} is the reason. Default {@code false}.
     *
     * @return true for a not-evaluated result
     */
    @Value.Default
    public boolean isNotEvaluated() {
        return false;
    }

    /**
     * Creates a "not evaluated" result: the rule could not judge the resource.
     *
     * @param resource the resource
     * @param reason what could not be read, e.g. {@code "policy is [unknown]"}
     * @return the result
     */
    public static Violation notEvaluated(PlannedResource resource, String reason) {
        return ImmutableViolation.builder().resource(resource).message(reason).notEvaluated(true).build();
    }

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
