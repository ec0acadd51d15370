package io.github.mlinfra.internal;

import com.pulumi.core.Output;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Waiver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one builder of the tags mlinfra puts on AWS resources: the user's tags, then
 * {@code mlinfra:managed-by=mlinfra}, {@code mlinfra:purpose=<purpose>} when the resource has one,
 * and {@code mlinfra:waiver:<control>} per waiver (value {@link Waiver#tagValue()}), validated
 * against {@link TagRules} for the resource's service. Users may not set {@code mlinfra:} keys:
 * {@link #checkUserTags(String, Map, int, TagRules.Service...)} refuses them at {@code build()}, since a user's
 * {@code mlinfra:purpose} would switch purpose-bound guard rules (Object Lock, GPU rules) off.
 */
public final class ResourceTags {
    /** The prefix of every key mlinfra sets; users may not set keys under it. */
    public static final String RESERVED_PREFIX = "mlinfra:";
    /** The key naming the library that manages the resource. */
    public static final String MANAGED_BY = "mlinfra:managed-by";
    /** The key declaring what the resource is for (guard rules apply by purpose). */
    public static final String PURPOSE = "mlinfra:purpose";
    /** The key mlinfra sets on EC2 and VPC resources to name them in the console. */
    public static final String NAME = "Name";
    /**
     * The most tags mlinfra adds to a resource besides its waiver tags: {@code Name},
     * {@code mlinfra:managed-by} and {@code mlinfra:purpose}.
     */
    public static final int OWN_TAGS = 3;

    private final TagRules.Service service;
    private final Map<String, String> user = new LinkedHashMap<>();
    private final List<Waiver> waivers = new ArrayList<>();
    private Optional<String> name = Optional.empty();
    private Optional<String> purpose = Optional.empty();

    private ResourceTags(TagRules.Service service) {
        this.service = service;
    }

    /**
     * Starts the tags of one resource.
     *
     * @param service the service the resource belongs to (its tag rule)
     * @return the builder
     */
    public static ResourceTags of(TagRules.Service service) {
        return new ResourceTags(service);
    }

    /**
     * Adds the user's tags (already checked by {@link #checkUserTags(String, Map, int, TagRules.Service...)}).
     *
     * @param tags the user's tags
     * @return this
     */
    public ResourceTags user(Map<String, String> tags) {
        user.putAll(tags);
        return this;
    }

    /**
     * Sets the {@code Name} tag (EC2 and VPC resources), unless the user set one.
     *
     * @param value the name
     * @return this
     */
    public ResourceTags name(String value) {
        this.name = Optional.of(value);
        return this;
    }

    /**
     * Sets {@code mlinfra:purpose}.
     *
     * @param value the purpose, e.g. {@code checkpoints}
     * @return this
     */
    public ResourceTags purpose(String value) {
        this.purpose = Optional.of(value);
        return this;
    }

    /**
     * Adds waiver tags.
     *
     * @param list the waivers concerning the resource
     * @return this
     */
    public ResourceTags waivers(Collection<Waiver> list) {
        waivers.addAll(list);
        return this;
    }

    /**
     * The tags, in a stable order, validated against the service's rule.
     *
     * @return the tags
     * @throws IllegalStateException when the tags break the rule (a library defect: user tags
     *     are checked at {@code build()})
     */
    public Map<String, String> build() {
        Map<String, String> out = new LinkedHashMap<>();
        name.ifPresent(n -> out.put(NAME, n));
        out.putAll(user);
        out.put(MANAGED_BY, "mlinfra");
        purpose.ifPresent(p -> out.put(PURPOSE, p));
        waivers.stream().sorted(Comparator.comparing(Waiver::tagKey)).forEach(w -> out.put(w.tagKey(), w.tagValue()));
        TagRules.problem(service, out).ifPresent(p -> {
            throw new IllegalStateException("mlinfra built tags " + service.displayName() + " refuses: " + p);
        });
        return out;
    }

    /**
     * Checks a user's tags in an args type's {@code build()}: no {@code mlinfra:} keys, every key
     * and value within AWS's rules on every service, and room for mlinfra's own tags within the
     * 50-tag limit.
     *
     * @param argument {@code <Args>.tags}
     * @param tags the user's tags
     * @param waivers how many waiver tags the component adds
     * @param services the services whose resources get the tags (CloudTrail refuses empty values)
     */
    public static void checkUserTags(String argument, Map<String, String> tags, int waivers, TagRules.Service... services) {
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String k = e.getKey();
            if (k != null && k.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
                Check.fail(argument, "tag key reserved for mlinfra", k,
                        "a key not starting with \"" + RESERVED_PREFIX + "\" (mlinfra sets " + MANAGED_BY + ", "
                                + PURPOSE + " and " + Waiver.TAG_PREFIX + "<control> itself)");
            }
            TagRules.keyProblem(k).ifPresent(p -> Check.fail(argument, p, k,
                    "a key of 1 to " + TagRules.MAX_KEY_LENGTH + " characters (" + TagRules.ALPHABET_WORDS
                            + "), not starting with aws:"));
            for (TagRules.Service s : services) {
                TagRules.valueProblem(s, e.getValue()).ifPresent(p -> Check.fail(argument, p + " (key " + Check.show(k) + ")",
                        e.getValue(), "a value of " + s.minValueLength() + " to " + TagRules.MAX_VALUE_LENGTH + " characters ("
                                + TagRules.ALPHABET_WORDS + ")"));
            }
        }
        int room = TagRules.MAX_TAGS - OWN_TAGS - waivers;
        if (tags.size() > room) {
            Check.fail(argument, "too many tags: mlinfra adds up to " + (OWN_TAGS + waivers) + " of its own and AWS allows "
                    + TagRules.MAX_TAGS, tags.size() + " tags", "at most " + room + " tags");
        }
    }

    /**
     * The waivers as a component registers them in its outputs under {@code mlinfra:waivers}: a
     * list of {@code {control, justification}} with the full justification, so the Pulumi state
     * and {@code pulumi stack export} carry it.
     *
     * @param waivers the component's waivers
     * @return the output value
     */
    public static Output<List<Map<String, String>>> waiverOutputs(Collection<Waiver> waivers) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Waiver w : waivers) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("control", w.getControl().id());
            m.put("justification", w.getJustification());
            out.add(m);
        }
        return Output.of(out);
    }

    /** The output key under which components register their waivers. */
    public static final String WAIVERS_OUTPUT = "mlinfra:waivers";
}
