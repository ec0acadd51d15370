package io.github.mlinfra.internal;

import com.pulumi.resources.Resource;
import io.github.mlinfra.controls.Waiver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which resources a component recorded waivers on. The plan engine reads it after a run to fill
 * each resource's {@code waivers}; the AWS tag {@code mlinfra:waiver:<id>} (built by
 * {@link ResourceTags}) carries the same waiver to the deployed resource.
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
}
