package io.github.mlinfra.plan;

import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One resource of a {@link Plan}: what the engine would be asked to create. Inputs hold exactly
 * the values the engine resolved (an input that refers to another resource holds that resource's
 * id or output), secrets as {@code "[secret]"}, unresolved values as {@code "[unknown]"}, whole
 * numbers as {@code Long}.
 */
@Value.Immutable
@MlInfraStyle
public abstract class PlannedResource {
    /**
     * The URN, as the real engine writes it.
     *
     * @return e.g. {@code urn:pulumi:dev::proj::mlinfra:storage:SecureCheckpointBucket$aws:s3/bucketV2:BucketV2::ckpt-bucket}
     */
    public abstract String getUrn();

    /**
     * The type token.
     *
     * @return e.g. {@code aws:s3/bucketV2:BucketV2}
     */
    public abstract String getType();

    /**
     * The logical name.
     *
     * @return the name
     */
    public abstract String getName();

    /**
     * The physical id the offline engine gave it (deterministic); empty for components.
     *
     * @return the id, if any
     */
    public abstract Optional<String> getId();

    /**
     * The parent's URN; empty for the stack.
     *
     * @return the parent URN, if any
     */
    public abstract Optional<String> getParent();

    /**
     * Whether this is a custom (provider) resource rather than a component.
     *
     * @return true for provider resources
     */
    public abstract boolean isCustom();

    /**
     * Whether the resource is protected from deletion.
     *
     * @return the protect flag
     */
    public abstract boolean isProtect();

    /**
     * Input properties that {@code pulumi up} would not diff ({@code ignoreChanges}).
     *
     * @return the ignored properties
     */
    public abstract List<String> getIgnoreChanges();

    /**
     * The URNs this resource depends on, as the engine received them in its registration
     * ({@code dependsOn}, a component expanded to its custom resources, plus the resources whose
     * Outputs its inputs consumed): real-engine form, sorted, no duplicates. The same field
     * {@code pulumi stack export} writes; the engine creates this resource only after all of them.
     * Empty when none are known (a preview step, a plan recorded without them).
     *
     * @return the dependency URNs
     */
    public abstract List<String> getDependencies();

    /**
     * The inputs, keys sorted.
     *
     * @return the inputs
     */
    public abstract Map<String, Object> getInputs();

    /**
     * The computed outputs the engine answered (those not among the inputs), keys sorted.
     *
     * @return the outputs
     */
    public abstract Map<String, Object> getOutputs();

    /**
     * The plain values of the inputs that print as {@code "[secret]"}, by input path (as
     * {@link #input(String)} takes it). Only the offline engine fills it, for the guard: in our
     * own plans the rules judge the real value (a secret lifecycle script, say), so nothing is
     * left undecided. It is never written to a plan, a report or a log, and is not part of
     * equality or {@code toString}; a plan read from a file has none, so a foreign stack's
     * secrets stay unreadable (the rules report them as not evaluated).
     *
     * @return the secret values by path; empty by default
     */
    @Value.Auxiliary
    public abstract Map<String, Object> getSecretInputs();

    /**
     * An input by path, with a secret's plain value when the engine handed it over
     * ({@link #getSecretInputs()}); otherwise as {@link #input(String)} reads it.
     *
     * @param path the path
     * @return the value, if present
     */
    public Optional<Object> revealedInput(String path) {
        Optional<Object> v = input(path);
        if (v.isPresent() && PlanValues.SECRET.equals(v.get()) && getSecretInputs().containsKey(path)) {
            return Optional.of(getSecretInputs().get(path));
        }
        return v;
    }

    /**
     * The controls waived on this resource, with their justifications.
     *
     * @return the waivers
     */
    public abstract List<Waiver> getWaivers();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static ImmutablePlannedResource.Builder builder() {
        return ImmutablePlannedResource.builder();
    }

    /**
     * Reads an input by a dotted path ({@code rule.defaultRetention.mode}, list items by index:
     * {@code rules.0.bucketKeyEnabled}).
     *
     * @param path the path
     * @return the value, if present
     */
    public Optional<Object> input(String path) {
        return PlanValues.at(getInputs(), path);
    }

    /**
     * Reads an output by a dotted path.
     *
     * @param path the path
     * @return the value, if present
     */
    public Optional<Object> output(String path) {
        return PlanValues.at(getOutputs(), path);
    }

    /**
     * Whether the tag {@code key} has {@code value} in the inputs' {@code tags}.
     *
     * @param key the tag key
     * @param value the tag value
     * @return whether the resource carries the tag
     */
    public boolean hasTag(String key, String value) {
        return input("tags").filter(t -> t instanceof Map<?, ?> m && value.equals(m.get(key))).isPresent();
    }
}
