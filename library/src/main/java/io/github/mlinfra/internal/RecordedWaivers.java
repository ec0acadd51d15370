package io.github.mlinfra.internal;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one reading of the waivers a stack records, for the plan engine's own plans and for foreign
 * stack files alike (the component outputs and tags a {@code pulumi stack export} keeps):
 * <ul>
 *   <li>a component's waivers are its registered output {@value ResourceTags#WAIVERS_OUTPUT}, a
 *       list of {@code {control, justification}};</li>
 *   <li>a custom resource's waivers are its tags {@code mlinfra:waiver:<control>} naming a known
 *       control (inputs {@code tags}, else outputs {@code tags}), each with the full justification
 *       of the nearest ancestor component that registered the same control, else the tag value (AWS's
 *       tag alphabet may have shortened it; {@link Waiver#recorded} keeps it as it stands).</li>
 * </ul>
 * A resource that takes no tags (a bucket policy, say) records no waiver of its own: the guard's
 * rules report on the resource that carries the tag. Entries that are not of this shape (a value
 * held secret, an unknown control id) are skipped: they record nothing.
 */
public final class RecordedWaivers {
    private RecordedWaivers() {}

    /**
     * The resources with the waivers their stack records ({@link PlannedResource#getWaivers()}
     * replaced), in the same order.
     *
     * @param resources the resources of one stack (parents are looked up among them by URN)
     * @return the resources, the ones whose recorded waivers differ rebuilt
     */
    public static List<PlannedResource> apply(List<PlannedResource> resources) {
        Map<String, PlannedResource> byUrn = new HashMap<>();
        Map<String, Map<Control, List<String>>> byComponent = new HashMap<>();
        for (PlannedResource r : resources) {
            byUrn.put(r.getUrn(), r);
            if (!r.isCustom()) {
                Map<Control, List<String>> own = fromOutputs(r.getOutputs());
                if (!own.isEmpty()) {
                    byComponent.put(r.getUrn(), own);
                }
            }
        }
        List<PlannedResource> out = new ArrayList<>(resources.size());
        for (PlannedResource r : resources) {
            List<Waiver> waivers = new ArrayList<>();
            if (!r.isCustom()) {
                byComponent.getOrDefault(r.getUrn(), Map.of()).forEach((c, js) -> js.forEach(j -> waivers.add(Waiver.recorded(c, j))));
            } else {
                fromTags(r).forEach((c, tagValue) -> waivers.add(Waiver.recorded(c,
                        inherited(r, c, tagValue, byUrn, byComponent).orElse(tagValue))));
            }
            out.add(waivers.equals(r.getWaivers()) ? r : PlannedResource.builder().from(r).waivers(waivers).build());
        }
        return out;
    }

    /**
     * The justification of the nearest ancestor component that registered the control: the one whose
     * tag form is the tag's value when the component registered several (a network's per-endpoint
     * waivers), else its first.
     */
    private static Optional<String> inherited(PlannedResource r, Control c, String tagValue, Map<String, PlannedResource> byUrn,
                                              Map<String, Map<Control, List<String>>> byComponent) {
        int depth = 0;
        for (Optional<String> p = r.getParent(); p.isPresent() && depth++ < 1_000; ) {
            Map<Control, List<String>> own = byComponent.get(p.get());
            if (own != null && own.containsKey(c)) {
                List<String> texts = own.get(c);
                return Optional.of(texts.stream().filter(j -> Waiver.tagValue(j).equals(tagValue)).findFirst()
                        .orElse(texts.get(0)));
            }
            PlannedResource parent = byUrn.get(p.get());
            p = parent == null ? Optional.empty() : parent.getParent();
        }
        return Optional.empty();
    }

    /** A component's registered waivers, by control in their order; malformed entries skipped. */
    static Map<Control, List<String>> fromOutputs(Map<String, Object> outputs) {
        Map<Control, List<String>> out = new LinkedHashMap<>();
        if (outputs.get(ResourceTags.WAIVERS_OUTPUT) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m && m.get("control") instanceof String id) {
                    Object j = m.get("justification");
                    Control.byId(id).ifPresent(c -> out.computeIfAbsent(c, k -> new ArrayList<>()).add(j instanceof String s ? s : ""));
                }
            }
        }
        return out;
    }

    /** A resource's waiver tags naming known controls, in tag order. */
    static Map<Control, String> fromTags(PlannedResource r) {
        Object tags = r.getInputs().get("tags");
        if (!(tags instanceof Map)) {
            tags = r.getOutputs().get("tags");
        }
        Map<Control, String> out = new LinkedHashMap<>();
        if (tags instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (k instanceof String key && key.startsWith(Waiver.TAG_PREFIX) && v != null && !(v instanceof Map)
                        && !(v instanceof List)) {
                    Control.byId(key.substring(Waiver.TAG_PREFIX.length())).ifPresent(c -> out.putIfAbsent(c, String.valueOf(v)));
                }
            });
        }
        return out;
    }
}
