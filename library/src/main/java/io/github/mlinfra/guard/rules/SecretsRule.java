package io.github.mlinfra.guard.rules;

import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;

/**
 * The secrets rules (MLI-SEC-*): each reads one kind of place for credentials with
 * {@link SecretScanner} and reports each credential as a violation of its own, located by property
 * path and line, named by kind and fingerprint, never by value. The finding's detail is
 * {@code Secret::<path>::<kind>:<fingerprint>}, so a suppression can accept one credential (a
 * documented test token) without hiding another.
 *
 * <p>A value the plan holds as {@code [secret]} (a foreign stack's secret output or input) cannot
 * be read and is skipped here; in our own plans components hand such values to the engine as
 * secrets, so they never appear in plain text. (Reporting them as not evaluated is another
 * branch's change to the guard.)
 */
abstract class SecretsRule extends DescribedRule {
    private final String location;

    SecretsRule(Control control, String rationale, String location) {
        super(control, rationale + " Found: AWS access key ids with their secret key, private key blocks, GitHub, Slack, "
                + "Stripe, Google API and npm tokens, signed JWTs, and *_PASSWORD/*_SECRET/*_TOKEN variables given a literal "
                + "value (not $VAR, ${...} or a placeholder). The report names the kind, the place and the first 8 hex digits "
                + "of the SHA-256 of the value, never the value. Checkov: " + location + "; cdk-nag: none.");
        this.location = location;
    }

    /**
     * The checkov check for this location.
     *
     * @return e.g. {@code CKV_AWS_46} or {@code none}
     */
    String location() {
        return location;
    }

    /** Adds one violation per credential found in a text at a path. */
    static void report(List<Violation> out, PlannedResource r, String path, List<SecretScanner.Hit> hits) {
        for (SecretScanner.Hit h : hits) {
            out.add(Violation.of(r, path + " holds " + SecretScanner.describe(h),
                    "Secret::" + path + "::" + h.kind().id() + ":" + h.fingerprint()));
        }
    }

    /** The text of a string value, or null when it is absent or opaque ([secret], [unknown]). */
    static String readable(Object v) {
        return v instanceof String s && !PlanIndex.isOpaque(s) ? s : null;
    }
}
