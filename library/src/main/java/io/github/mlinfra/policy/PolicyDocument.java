package io.github.mlinfra.policy;

import io.github.mlinfra.CheckedValue;
import com.pulumi.core.Output;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A typed IAM policy document (identity, resource, trust or key policy), serialized by Jackson to
 * the exact AWS grammar and parsed back.
 *
 * <pre>{@code
 * PolicyDocument doc = PolicyDocument.builder()
 *     .addStatements(Statement.builder()
 *         .sid("DenyInsecureTransport").effect(Effect.Deny)
 *         .principal(Principal.anyone())
 *         .addActions("s3:*")
 *         .addResources(bucketArn, bucketArn + "/*")
 *         .addConditions(Condition.of("Bool", "aws:SecureTransport", "false"))
 *         .build())
 *     .build();
 * String json = doc.toJson();
 * // With ARNs known only at deployment time, render without any invoke:
 * Output<String> policy = PolicyDocument.toJson(bucket.arn().applyValue(arn -> documentFor(arn)));
 * }</pre>
 *
 * <p>Rendering: {@code Version} first, then {@code Id} and {@code Statement}; in a statement
 * {@code Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource,
 * Condition}. A list of one renders as a plain string, longer lists as arrays; conditions group by
 * operator then key. Parsing accepts both forms, so any valid AWS policy round-trips to an
 * equivalent document.
 */
@Value.Immutable
@MlInfraStyle
public abstract class PolicyDocument extends CheckedValue {
    /** The current policy language version. */
    public static final String VERSION = "2012-10-17";

    /**
     * The policy language version.
     *
     * @return the version
     * @defaultValue {@code 2012-10-17}, the only version that supports policy variables
     */
    @Value.Default
    public String getVersion() {
        return VERSION;
    }

    /**
     * The optional policy id.
     *
     * @return the id, if any
     */
    public abstract Optional<String> getId();

    /**
     * The statements; at least one, sids unique.
     *
     * @return the statements
     */
    public abstract List<Statement> getStatements();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds documents; {@code build()} validates and throws in the project's error format.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutablePolicyDocument.Builder {
        /** Use {@link PolicyDocument#builder()}. */
        Builder() {}
    }

    /**
     * A document of the given statements.
     *
     * @param statements the statements
     * @return the document
     */
    public static PolicyDocument of(Statement... statements) {
        return builder().addStatements(statements).build();
    }

    /**
     * Serializes to AWS policy JSON (compact).
     *
     * @return the JSON text
     */
    public String toJson() {
        return PolicyJson.tree(this).toString();
    }

    /**
     * Renders a document whose ARNs are known only at deployment time, without an invoke.
     * Secretness and dependencies of the input flow through.
     *
     * @param document the document, as an Output
     * @return the JSON text, as an Output
     */
    public static Output<String> toJson(Output<PolicyDocument> document) {
        return document.applyValue(PolicyDocument::toJson);
    }

    /**
     * Parses AWS policy JSON, including policies this library did not write. Wildcards are
     * accepted (a parsed document is read, not authored); grammar errors are not.
     *
     * @param json the JSON text
     * @return the document
     * @throws io.github.mlinfra.InvalidArgsException when the text is not a valid policy
     */
    public static PolicyDocument parse(String json) {
        return PolicyJson.read(json);
    }

    /**
     * Returns the statement with the given sid.
     *
     * @param sid the sid
     * @return the statement, if any
     */
    public Optional<Statement> statement(String sid) {
        return getStatements().stream().filter(s -> s.getSid().filter(sid::equals).isPresent()).findFirst();
    }

    /**
     * Returns a copy with the statements of another document appended.
     *
     * @param other the other document
     * @return the merged document
     */
    public PolicyDocument merge(PolicyDocument other) {
        return builder().from(this).addAllStatements(other.getStatements()).build();
    }

    /** Validates the values on {@code build()}; throws {@link io.github.mlinfra.InvalidArgsException}. */
    @Override
    protected void check() {
        if (!getVersion().equals(VERSION) && !getVersion().equals("2008-10-17")) {
            Check.fail("PolicyDocument.version", "unknown policy language version", getVersion(), "\"2012-10-17\"");
        }
        if (getStatements().isEmpty()) {
            Check.fail("PolicyDocument.statements", "a policy needs at least one statement", getStatements(), "one or more statements");
        }
        Set<String> seen = new HashSet<>();
        for (Statement s : getStatements()) {
            s.getSid().ifPresent(sid -> {
                if (!seen.add(sid)) {
                    Check.fail("PolicyDocument.statements", "duplicate Sid", sid, "unique Sids");
                }
            });
        }
    }
}
