package io.github.mlinfra.guard;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.rules.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generates {@code docs/CONTROLS.md} from the control and rule registries, with the coverage
 * tables of {@link Coverage} (Security Hub controls and cdk-nag rules, from their data files). Regenerate with
 * {@code ./mvnw -B -o -q -pl library test -Dtest=ControlsDocTest -Dmlinfra.regenerateControls=true}.
 */
public final class ControlsDoc {
    private ControlsDoc() {}

    /**
     * The Markdown text of {@code docs/CONTROLS.md}.
     *
     * @return the text
     */
    public static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Controls\n\n")
                .append("<!-- Generated from the rule registry by io.github.mlinfra.guard.ControlsDoc; do not edit.\n")
                .append("     Regenerate: ./mvnw -B -o -q -pl library test -Dtest=ControlsDocTest -Dmlinfra.regenerateControls=true -->\n\n")
                .append("Every control of the registry (`io.github.mlinfra.controls.Control`). Rules read plan resources ")
                .append("(type token, inputs, outputs); packs: `mlinfra` (all rules), `fsbp` (rules mapping to an AWS ")
                .append("Security Hub FSBP control), `cdk-nag-aws-solutions` (rules mapping to a cdk-nag AwsSolutions rule), ")
                .append("`preflight` (the `MLI-PRE-*` rules alone: what AWS or the provider would refuse; every pack ")
                .append("includes them, a finding is an ERROR, and the Source column cites the page that sets the limit). ")
                .append("Live runs: rules marked *resource* also block `pulumi up` through `Guard.transformation()`; ")
                .append("rules marked *plan* join resources and run on the plan or on `pulumi preview --json`.\n\n")
                .append("| Id | Severity | Title | Maps to | Rationale | Source | Packs | Runs on |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Control c : Control.values()) {
            Optional<Rule> rule = Rules.of(c);
            List<String> packs = new ArrayList<>();
            rule.ifPresent(r -> {
                for (RulePack p : RulePack.values()) {
                    if (p.includes(r)) {
                        packs.add("`" + p.packName() + "`");
                    }
                }
            });
            sb.append("| ").append(c.id())
                    .append(" | ").append(c.severity())
                    .append(" | ").append(cell(c.title()))
                    .append(" | ").append(c.externalControls().isEmpty() ? "—" : cell(String.join(", ", c.externalControls())))
                    .append(" | ").append(rule.map(r -> cell(r.rationale())).orElse("Not checked by a rule yet."))
                    .append(" | ").append(c.sources().isEmpty() ? "—" : cell(String.join(" ", c.sources())))
                    .append(" | ").append(packs.isEmpty() ? "—" : String.join(" ", packs))
                    .append(" | ").append(rule.map(r -> r instanceof ResourceRule ? "resource" : "plan").orElse("—"))
                    .append(" |\n");
        }
        sb.append("\n").append(Coverage.render());
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /**
     * Writes the file.
     *
     * @param target the path of {@code docs/CONTROLS.md}
     * @throws IOException when it cannot be written
     */
    public static void write(Path target) throws IOException {
        Files.writeString(target, render(), StandardCharsets.UTF_8);
    }
}
