package io.github.mlinfra.guard.rules;

import io.github.mlinfra.internal.Digests;
import io.github.mlinfra.internal.Lines;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in text (scripts, user data, environment values, tag values, stack outputs)
 * and reports each one by kind, fingerprint and line, never by its value.
 *
 * <p>The kinds and the shapes they match are facts taken from the rule definitions of two public
 * scanners, looked up on 2026-11-30 (the patterns here are written for this class, not copied):
 * <ul>
 *   <li>gitleaks' default rules ({@code config/gitleaks.toml},
 *       https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml, rules
 *       {@code aws-access-token}, {@code private-key}, {@code github-pat},
 *       {@code github-fine-grained-pat}, {@code github-oauth}, {@code github-app-token},
 *       {@code github-refresh-token}, {@code slack-*-token}, {@code stripe-access-token},
 *       {@code gcp-api-key}, {@code npm-access-token}, {@code jwt}; its allowlist skips AWS keys
 *       ending in {@code EXAMPLE}, AWS's documentation keys);</li>
 *   <li>Yelp detect-secrets' {@code AWSKeyDetector} (access key id prefixes
 *       {@code AKIA|ASIA|ABIA|ACCA|A3T?}, 16 upper-case alphanumerics; secret access key 40
 *       characters of {@code [A-Za-z0-9/+]},
 *       https://github.com/Yelp/detect-secrets/blob/master/detect_secrets/plugins/aws.py).</li>
 * </ul>
 * An AWS access key id alone is an identifier, not a credential: it is reported only with a
 * 40-character secret access key within three lines of it.
 *
 * <p>The checkov ids of each kind are those of checkov's secrets framework
 * ({@code SECRET_TYPE_TO_ID} in checkov/secrets/runner.py,
 * https://github.com/bridgecrewio/checkov/blob/main/checkov/secrets/runner.py): it scans the
 * source files, wherever the literal sits. cdk-nag has no rule for credentials in user data,
 * scripts, environments, tags or outputs (its rules list, RULES.md of cdk-nag 2.28, has only
 * Secrets Manager rotation and KMS rules for secrets), so its mapping is "none".
 */
public final class SecretScanner {
    /**
     * One credential found: its kind, where, and a fingerprint in place of the value.
     *
     * @param kind the kind of credential
     * @param line the line of the text it is on, from 1; 0 when the value has no lines (a tag, an
     *     environment value)
     * @param fingerprint the first 8 hex digits of the SHA-256 of the credential: tells two
     *     credentials apart and follows one across runs without showing it
     * @param name the variable the credential is assigned to, for {@link Kind#PASSWORD_ASSIGNMENT},
     *     e.g. {@code DB_PASSWORD}; empty for the other kinds
     */
    public record Hit(Kind kind, int line, String fingerprint, String name) {
        static Hit of(Kind kind, int line, String secret, String name) {
            return new Hit(kind, line, SecretScanner.fingerprint(secret), name);
        }
    }

    /** The kinds of credential found, each with the checkov ids that cover the same class. */
    public enum Kind {
        /** An AWS access key id with a secret access key beside it. */
        AWS_ACCESS_KEY("aws-access-key", "an AWS access key id with its secret access key", "CKV_SECRET_2"),
        /** A PEM or OpenSSH private key block. */
        PRIVATE_KEY("private-key", "a private key block", "CKV_SECRET_13"),
        /** A GitHub token ({@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_}, {@code github_pat_}). */
        GITHUB_TOKEN("github-token", "a GitHub token", "none"),
        /** A Slack token ({@code xoxb-}, {@code xoxa-}, {@code xoxp-}, {@code xoxr-}, {@code xoxs-}). */
        SLACK_TOKEN("slack-token", "a Slack token", "CKV_SECRET_14"),
        /** A Stripe secret or restricted key ({@code sk_live_}, {@code rk_live_}, test and prod). */
        STRIPE_KEY("stripe-key", "a Stripe secret key", "CKV_SECRET_17"),
        /** A Google API key ({@code AIza} and 35 characters). */
        GOOGLE_API_KEY("google-api-key", "a Google API key", "none"),
        /** An npm access token ({@code npm_} and 36 characters). */
        NPM_TOKEN("npm-token", "an npm access token", "CKV_SECRET_12"),
        /** A signed JSON Web Token (three base64url parts, the first two JSON objects). */
        JWT("jwt", "a JSON Web Token", "CKV_SECRET_9"),
        /** A {@code *_PASSWORD}, {@code *_SECRET} or {@code *_TOKEN} variable given a literal value. */
        PASSWORD_ASSIGNMENT("password-assignment", "a password, secret or token assigned a literal value", "CKV_SECRET_10");

        private final String id;
        private final String description;
        private final String checkov;

        Kind(String id, String description, String checkov) {
            this.id = id;
            this.description = description;
            this.checkov = checkov;
        }

        /**
         * The kind's short id, used in finding keys.
         *
         * @return e.g. {@code github-token}
         */
        public String id() {
            return id;
        }

        /**
         * What it is, in words.
         *
         * @return e.g. {@code a GitHub token}
         */
        public String description() {
            return description;
        }

        /**
         * The checkov secrets check covering the same class.
         *
         * @return e.g. {@code CKV_SECRET_2}, or {@code none}
         */
        public String checkov() {
            return checkov;
        }
    }

    private static final Pattern AWS_KEY_ID = Pattern.compile("(?<![A-Z0-9])((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Z0-9])");
    private static final Pattern AWS_SECRET = Pattern.compile("(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])");
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN[ A-Z0-9]{0,20}PRIVATE KEY(?: BLOCK)?-----([\\s\\S]{0,8192}?)-----END");
    private static final Map<Kind, Pattern> TOKENS = new LinkedHashMap<>();

    static {
        TOKENS.put(Kind.GITHUB_TOKEN, Pattern.compile("\\b(gh[pousr]_[0-9A-Za-z]{36}|github_pat_\\w{82})\\b"));
        TOKENS.put(Kind.SLACK_TOKEN, Pattern.compile("\\b(xox[baprs]-[0-9A-Za-z][0-9A-Za-z-]{9,})"));
        TOKENS.put(Kind.STRIPE_KEY, Pattern.compile("\\b((?:sk|rk)_(?:live|test|prod)_[0-9A-Za-z]{10,99})\\b"));
        TOKENS.put(Kind.GOOGLE_API_KEY, Pattern.compile("\\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])"));
        TOKENS.put(Kind.NPM_TOKEN, Pattern.compile("\\b(npm_[0-9A-Za-z]{36})\\b"));
        TOKENS.put(Kind.JWT, Pattern.compile("\\b(ey[A-Za-z0-9_-]{17,}\\.ey[A-Za-z0-9_-]{17,}\\.[A-Za-z0-9_-]{10,})"));
    }

    /**
     * {@code NAME=value}, {@code NAME: value}, {@code "NAME": "value"}, {@code export NAME="value"}; NAME ends in
     * PASSWORD, SECRET or TOKEN. A colon counts only before a space or quote, so {@code ...:secret:db} in an ARN is
     * no assignment.
     */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_])([A-Za-z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN))[\"']?[ \\t]*(?:=|:(?=[ \\t\"']))[ \\t]*"
                    + "(\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s\"';&|#]*)");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(?:^|[^A-Za-z0-9])?[A-Za-z0-9_.-]*(?:PASSWORD|PASSWD|SECRET|TOKEN)$");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)^(?:<.*>|\\{\\{.*}}|%.*%|\\[.*]|x{3,}|\\*{3,}|\\.{3,}|-+|changeme|change[_-]?me|replace[_-]?me|todo|tbd|"
                    + "none|null|nil|true|false|yes|no|placeholder|example|dummy|redacted|secret|password|token|"
                    + "your[_-].*|.*[_-]here)$");

    private SecretScanner() {}

    /**
     * Finds credentials in a text: the token formats, private key blocks, AWS key pairs and
     * assignments of literal values to {@code *_PASSWORD}, {@code *_SECRET} or {@code *_TOKEN}.
     *
     * @param text the text (a script, user data, a value)
     * @return the credentials found, in order of appearance; empty when none
     */
    public static List<Hit> scan(String text) {
        List<Hit> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Matcher m = PRIVATE_KEY.matcher(text);
        while (m.find()) {
            if (!m.group(1).isBlank()) {
                out.add(Hit.of(Kind.PRIVATE_KEY, Lines.numberAt(text, m.start()), m.group(1).replaceAll("\\s", ""), ""));
            }
        }
        m = AWS_KEY_ID.matcher(text);
        while (m.find()) {
            if (m.group(1).endsWith("EXAMPLE")) {
                continue; // AWS's documentation key, allowlisted by gitleaks
            }
            int line = Lines.numberAt(text, m.start());
            Matcher s = AWS_SECRET.matcher(text);
            while (s.find()) {
                int sl = Lines.numberAt(text, s.start());
                if (Math.abs(sl - line) <= 3 && !s.group(1).equals(m.group(1)) && !s.group(1).endsWith("EXAMPLEKEY")
                        && s.group(1).chars().anyMatch(Character::isLowerCase) && s.group(1).chars().anyMatch(Character::isDigit)) {
                    out.add(Hit.of(Kind.AWS_ACCESS_KEY, line, m.group(1) + ":" + s.group(1), ""));
                    break;
                }
            }
        }
        for (Map.Entry<Kind, Pattern> e : TOKENS.entrySet()) {
            m = e.getValue().matcher(text);
            while (m.find()) {
                if (e.getKey() == Kind.JWT && !isJwt(m.group(1))) {
                    continue;
                }
                out.add(Hit.of(e.getKey(), Lines.numberAt(text, m.start()), m.group(1), ""));
            }
        }
        m = ASSIGNMENT.matcher(text);
        while (m.find()) {
            String value = unquote(m.group(2));
            if (isLiteral(value)) {
                out.add(Hit.of(Kind.PASSWORD_ASSIGNMENT, Lines.numberAt(text, m.start()), value, m.group(1)));
            }
        }
        return out;
    }

    /**
     * Finds credentials in a named value (an environment variable, a tag, an output): the value's
     * own credentials, and the value itself when the name ends in {@code PASSWORD},
     * {@code SECRET} or {@code TOKEN} and the value is a literal.
     *
     * @param name the variable, tag key or output name
     * @param value the value
     * @return the credentials found; line 0 for a one-line value
     */
    public static List<Hit> scanNamed(String name, String value) {
        List<Hit> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (Hit h : scan(value)) {
            out.add(value.indexOf('\n') < 0 ? new Hit(h.kind(), 0, h.fingerprint(), h.name()) : h);
        }
        if (name != null && SECRET_NAME.matcher(name).find() && isLiteral(value.strip())
                && out.stream().noneMatch(h -> h.kind() != Kind.PASSWORD_ASSIGNMENT)) {
            out.add(Hit.of(Kind.PASSWORD_ASSIGNMENT, 0, value.strip(), name));
        }
        return out;
    }

    /**
     * The text a value holds: itself, or the text it decodes to when it is base64 of UTF-8 text
     * (user data and lifecycle scripts are sent base64-encoded).
     *
     * @param value the value
     * @return the decoded text, or the value itself when it is not base64 of text
     */
    public static String decodedIfBase64(String value) {
        String v = value.strip();
        if (v.length() < 8 || !v.matches("[A-Za-z0-9+/\\s]+={0,2}")) {
            return value;
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(v);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            long control = text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t').count();
            return control == 0 ? text : value;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return value;
        }
    }

    /**
     * Whether a value is a literal credential: not empty, not a reference to a variable
     * ({@code $VAR}, {@code ${...}}, {@code $(...)}), a template ({@code {{...}}}), a secret store
     * ({@code arn:aws:secretsmanager:}, {@code arn:aws:ssm:}, {@code resolve:}), nor an obvious
     * placeholder ({@code changeme}, {@code <password>}, {@code xxx}).
     *
     * @param value the value, unquoted
     * @return true when it is a literal
     */
    public static boolean isLiteral(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        if (v.length() < 4 || v.startsWith("$") || v.contains("${") || v.contains("$(") || v.startsWith("`")
                || v.equals("[secret]") || v.equals("[unknown]")) {
            return false;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("arn:aws:secretsmanager:") || lower.startsWith("arn:aws:ssm:") || lower.contains("resolve:")
                || lower.startsWith("/aws/reference/") || lower.startsWith("ssm:") || lower.startsWith("secretsmanager:")) {
            return false;
        }
        return !PLACEHOLDER.matcher(v).matches();
    }

    private static boolean isJwt(String token) {
        String[] parts = token.split("\\.");
        try {
            for (int i = 0; i < 2; i++) {
                String json = new String(Base64.getUrlDecoder().decode(parts[i].replace("=", "")), StandardCharsets.UTF_8);
                if (!json.strip().startsWith("{")) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    static String fingerprint(String secret) {
        return Digests.sha256Hex(secret, 8);
    }

    /**
     * Renders a hit for a message: kind, line and fingerprint, and the checkov and cdk-nag ids
     * covering the same class; never the value.
     *
     * @param h the hit
     * @return e.g. {@code a GitHub token on line 3 (sha256:1a2b3c4d; checkov none; cdk-nag none)}
     */
    public static String describe(Hit h) {
        return h.kind().description() + (h.name().isEmpty() ? "" : " (" + h.name() + ")")
                + (h.line() > 0 ? " on line " + h.line() : "") + " (sha256:" + h.fingerprint() + "; checkov " + h.kind().checkov()
                + "; cdk-nag none)";
    }
}
