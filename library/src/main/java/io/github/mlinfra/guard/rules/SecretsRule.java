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
 * <p>Inputs are read before secrets are masked ({@link PlannedResource#revealedInput(String)}): AWS
 * stores a lifecycle script, user data or a tag in plain text whether or not Pulumi encrypts it in
 * the state, so our own plans' secret values are scanned like any other. A value a plan holds only as
 * {@code [secret]} or {@code [unknown]} (a foreign stack's) cannot be read and is reported as not
 * evaluated, never as compliant.
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

    /**
     * Scans the input at {@code key} (read before secrets are masked) for credentials; an opaque
     * value is not evaluated.
     */
    static void scanInput(List<Violation> out, PlannedResource r, String key, boolean decodeBase64) {
        Object v = r.revealedInput(key).orElse(null);
        if (v instanceof String s && PlanIndex.isOpaque(s)) {
            out.add(Violation.notEvaluated(r, key + " is " + s));
            return;
        }
        String text = readable(v);
        if (text != null) {
            report(out, r, key, SecretScanner.scan(decodeBase64 ? SecretScanner.decodedIfBase64(text) : text));
        }
    }

    /** The text of a string value, or null when it is absent or opaque ([secret], [unknown]). */
    static String readable(Object v) {
        return v instanceof String s && !PlanIndex.isOpaque(s) ? s : null;
    }
}
