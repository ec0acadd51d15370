package io.github.mlinfra.internal;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Helpers for args that carry waivers. */
public final class Waivers {
    private Waivers() {}

    /**
     * Whether a control is among the waivers.
     *
     * @param waivers the waivers
     * @param control the control
     * @return true when waived
     */
    public static boolean waived(List<Waiver> waivers, Control control) {
        return waivers.stream().anyMatch(w -> w.getControl() == control);
    }

    /**
     * Requires every waiver to name a control the component implements, once.
     *
     * @param argsName the args type, e.g. {@code ManagedKeyArgs}
     * @param waivers the waivers
     * @param applicable the controls the component implements
     */
    public static void checkApplicable(String argsName, List<Waiver> waivers, List<Control> applicable) {
        Set<Control> seen = new HashSet<>();
        for (Waiver w : waivers) {
            if (!applicable.contains(w.getControl())) {
                Check.fail(argsName + ".waivers", "control " + w.getControl().id() + " does not apply here",
                        w.getControl().id(), "one of " + applicable.stream().map(Control::id).collect(Collectors.toList()));
            }
            if (!seen.add(w.getControl())) {
                Check.fail(argsName + ".waivers", "control waived twice", w.getControl().id(), "one waiver per control");
            }
        }
    }
}
