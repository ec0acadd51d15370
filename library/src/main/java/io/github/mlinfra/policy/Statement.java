package io.github.mlinfra.policy;

import io.github.mlinfra.CheckedValue;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One policy statement.
 *
 * <p>Validated on {@code build()}: an action is {@code service:Action} (letters, digits and the
 * IAM wildcards {@code *}/{@code ?} in the action part) or {@code *}; a resource is an ARN or
 * {@code *}; principal and not-principal are exclusive, as are action/not-action and
 * resource/not-resource. Wildcard actions ({@code *}, {@code s3:*}, {@code s3:Get*}) and
 * {@code Resource: "*"} are refused in {@code Allow} statements unless
 * {@link #isWildcardsAllowed()} says the caller means it; {@code Deny} statements may use them
 * freely (denying broadly is safe).
 *
 * <pre>{@code
 * Statement.builder()
 *     .sid("ReadCheckpoints")
 *     .effect(Effect.Allow)
 *     .addActions("s3:GetObject", "s3:GetObjectVersion")
 *     .addResources("arn:aws:s3:::my-bucket/checkpoints/*")
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class Statement extends CheckedValue {
    // The service prefix is case-insensitive, as the action name is: AWS's own examples write
    // "SNS:Publish" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html,
    // "The prefix and the action name are case insensitive", looked up 2026-11-30).
    static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9][A-Za-z0-9-]*:[A-Za-z0-9*?]+");
    static final Pattern ARN = Pattern.compile("\\*|arn:(\\*|aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc):[a-z0-9*-]+:[a-z0-9*-]*:(\\*|\\d{12}|aws|)?:.+");

    /**
     * The statement id; unique within its document.
     *
     * @return the sid, if any
     */
    public abstract Optional<String> getSid();

    /**
     * Allow or Deny.
     *
     * @return the effect
     */
    public abstract Effect getEffect();

    /**
     * The principal (resource policies and trust policies); absent in identity policies.
     *
     * @return the principal, if any
     */
    public abstract Optional<Principal> getPrincipal();

    /**
     * The not-principal; exclusive with {@link #getPrincipal()}.
     *
     * @return the not-principal, if any
     */
    public abstract Optional<Principal> getNotPrincipal();

    /**
     * Actions, {@code service:Action}.
     *
     * @return the actions
     */
    public abstract List<String> getActions();

    /**
     * Not-actions; exclusive with {@link #getActions()}.
     *
     * @return the not-actions
     */
    public abstract List<String> getNotActions();

    /**
     * Resource ARNs (or {@code *}); empty in trust policies.
     *
     * @return the resources
     */
    public abstract List<String> getResources();

    /**
     * Not-resources; exclusive with {@link #getResources()}.
     *
     * @return the not-resources
     */
    public abstract List<String> getNotResources();

    /**
     * Conditions, ANDed by IAM; rendered grouped by operator, then key.
     *
     * @return the conditions
     */
    public abstract List<Condition> getConditions();

    /**
     * Whether the caller means wildcard actions or {@code Resource: "*"} in an {@code Allow}
     * statement (e.g. {@code ecr:GetAuthorizationToken}, which AWS accepts only on {@code *}).
     * Not part of the policy JSON; parsed documents set it, since they are read, not written.
     *
     * @return whether wildcards are allowed
     * @defaultValue false: an Allow statement with a wildcard is refused
     */
    @Value.Default
    @Value.Auxiliary
    public boolean isWildcardsAllowed() {
        return false;
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
     * Builds statements; {@code build()} validates and throws in the project's error format.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableStatement.Builder {
        /** Use {@link Statement#builder()}. */
        Builder() {}
    }

    /**
     * Whether an action has a wildcard ({@code *}, {@code s3:*}, {@code s3:Get*}, {@code s3:?et}).
     *
     * @param action the action
     * @return true when it matches more than one literal action
     */
    public static boolean isWildcardAction(String action) {
        return action.contains("*") || action.contains("?");
    }

    /** Validates the values on {@code build()}; throws {@link io.github.mlinfra.InvalidArgsException}. */
    @Override
    protected void check() {
        String where = "Statement" + getSid().map(s -> "[" + s + "]").orElse("");
        getSid().ifPresent(s -> Check.notBlank(where + ".sid", s));
        if (getPrincipal().isPresent() && getNotPrincipal().isPresent()) {
            Check.fail(where + ".notPrincipal", "Principal and NotPrincipal are exclusive", "both", "one of them");
        }
        if (getActions().isEmpty() == getNotActions().isEmpty()) {
            Check.fail(where + ".actions", "exactly one of Action and NotAction must be given",
                    getActions().isEmpty() ? "neither" : "both", "one of them, non-empty");
        }
        if (!getResources().isEmpty() && !getNotResources().isEmpty()) {
            Check.fail(where + ".notResources", "Resource and NotResource are exclusive", "both", "one of them");
        }
        boolean strict = getEffect() == Effect.Allow && !isWildcardsAllowed();
        for (String a : getActions()) {
            Check.matches(where + ".actions", a, ACTION, "\"service:Action\" such as \"s3:GetObject\", or \"*\"");
            if (strict && isWildcardAction(a)) {
                Check.fail(where + ".actions", "wildcard action in an Allow statement", a,
                        "literal actions, or wildcardsAllowed(true) with a reason in the caller");
            }
        }
        for (String a : getNotActions()) {
            Check.matches(where + ".notActions", a, ACTION, "\"service:Action\" such as \"s3:GetObject\", or \"*\"");
        }
        for (String r : getResources()) {
            Check.matches(where + ".resources", r, ARN, "an ARN \"arn:<partition>:<service>:<region>:<account>:<resource>\" or \"*\"");
            if (strict && r.equals("*")) {
                Check.fail(where + ".resources", "Resource \"*\" in an Allow statement", r,
                        "resource ARNs, or wildcardsAllowed(true) for actions AWS accepts only on \"*\"");
            }
        }
        for (String r : getNotResources()) {
            Check.matches(where + ".notResources", r, ARN, "an ARN or \"*\"");
        }
    }
}
