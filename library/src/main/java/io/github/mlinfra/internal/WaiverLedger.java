package io.github.mlinfra.internal;

import com.pulumi.resources.Resource;
import io.github.mlinfra.controls.Waiver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which resources a component recorded waivers on. The plan engine reads it after a run to fill
 * each resource's {@code waivers}; the AWS tag {@code mlinfra:waiver:<id>} carries the same
 * waiver to the deployed resource.
 */
public final class WaiverLedger {
    private static final Map<Resource, List<Waiver>> LEDGER = Collections.synchronizedMap(new WeakHashMap<>());

    private WaiverLedger() {}

    /**
     * Records waivers on a resource (the component and the children a waiver concerns).
     *
     * @param resource the resource
     * @param waivers the waivers
     */
    public static void record(Resource resource, Collection<Waiver> waivers) {
        if (waivers.isEmpty()) {
            return;
        }
        LEDGER.computeIfAbsent(resource, r -> Collections.synchronizedList(new ArrayList<>())).addAll(waivers);
    }

    /**
     * The waivers recorded on a resource.
     *
     * @param resource the resource
     * @return the waivers, possibly empty
     */
    public static List<Waiver> of(Resource resource) {
        List<Waiver> w = LEDGER.get(resource);
        return w == null ? List.of() : List.copyOf(w);
    }

    /**
     * AWS tags that record waivers: {@code mlinfra:waiver:<id>} to the justification, cut to 256
     * characters, merged over the given tags.
     *
     * @param tags the resource's other tags
     * @param waivers the waivers
     * @return the merged tags, in a stable order
     */
    public static Map<String, String> tags(Map<String, String> tags, Collection<Waiver> waivers) {
        Map<String, String> out = new LinkedHashMap<>(tags);
        Map<String, String> w = new HashMap<>();
        waivers.forEach(x -> w.put(x.tagKey(), x.tagValue()));
        w.keySet().stream().sorted().forEach(k -> out.put(k, w.get(k)));
        return out;
    }
}
