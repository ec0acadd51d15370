package io.github.mlinfra.controls;

import java.util.List;

/**
 * Arguments that carry waivers: the one declaration of the {@code waivers} attribute that every
 * component's {@code XxxArgs} shares. A component's Args lists the controls it may waive, and what
 * waiving each one means there, in its {@code CONTROLS} constant; its builder adds a waiver with
 * {@link WaivableBuilder#waive(Control, String)}.
 */
public interface Waivable {
    /**
     * Controls turned off, each with its written justification. Each waiver is recorded in the plan
     * ({@code waivers}), in the component's registered outputs ({@code mlinfra:waivers}), as a tag
     * {@code mlinfra:waiver:<id>} on the resources it concerns, and as a suppressed finding in every
     * posture report. A waiver of a control the component does not implement (see the Args'
     * {@code CONTROLS}), or a second waiver of the same control, is refused at {@code build()}.
     *
     * @return the waivers, in the order given
     * @defaultValue none: every control on
     */
    List<Waiver> getWaivers();

    /**
     * Whether a control is waived.
     *
     * @param control the control
     * @return true when {@link #getWaivers()} holds a waiver of it
     */
    default boolean isWaived(Control control) {
        return getWaivers().stream().anyMatch(w -> w.getControl() == control);
    }
}
