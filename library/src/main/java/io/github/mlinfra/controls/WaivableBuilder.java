package io.github.mlinfra.controls;

/**
 * The builder of {@link Waivable} arguments: the one named call that weakens a control. Every
 * component's {@code XxxArgs.Builder} implements it with itself as {@code B}, so the calls chain.
 *
 * <pre>{@code
 * ManagedKeyArgs.builder()
 *     .description("Checkpoint key")
 *     .waive(Control.KMS_ROTATION, "Imported key material; rotation is done by re-import each quarter.")
 *     .build();
 * }</pre>
 *
 * @param <B> the concrete builder, returned for chaining
 */
public interface WaivableBuilder<B extends WaivableBuilder<B>> {
    /**
     * Adds a waiver (Immutables generates this method for the {@code waivers} attribute).
     *
     * @param waiver the waiver
     * @return this builder
     */
    B addWaivers(Waiver waiver);

    /**
     * Turns a control off, with a written justification: at least a sentence
     * ({@value Waiver#MIN_JUSTIFICATION_LENGTH} characters and {@value Waiver#MIN_WORDS} words of at
     * least {@value Waiver#MIN_WORD_LETTERS} letters). The control must be one of the Args'
     * {@code CONTROLS}; {@code build()} refuses any other, and a second waiver of the same control.
     * The waiver is recorded in the plan, the registered outputs, a {@code mlinfra:waiver:<id>} tag
     * and every posture report.
     *
     * @param control the control to turn off
     * @param justification why, at least a sentence
     * @return this builder
     * @throws io.github.mlinfra.InvalidArgsException at once, when the justification is shorter than a
     *     sentence or the control is a preflight control (see {@link Waiver#of(Control, String)})
     */
    default B waive(Control control, String justification) {
        return addWaivers(Waiver.of(control, justification));
    }
}
