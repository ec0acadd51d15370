package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlinfra.guard.rules.SecretScanner;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlannedResource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The secrets rules MLI-SEC-01..05: for each place they read and each kind of credential, a
 * non-compliant value is reported (kind, place, fingerprint, never the value) and its compliant
 * counterpart is not. Credentials are assembled at run time from harmless parts, so the source
 * holds none.
 */
class SecretsRulesTest {
    // --- credentials, built so that no literal in this file is one -----------------------------
    static final String AWS_ID = "AKIA" + "Q3EGRGNLUZ5J7KXM";
    static final String AWS_SECRET = "q8Zr" + "Lw2mXk9Tb4Vn7Hc1Ps6Df3Gj0Ky5Ua8Ee2Ri";
    static final String PEM_BODY = "MIIEpAIBAAKCAQEA" + "x".repeat(40) + "7Qb";
    static final String GITHUB = "ghp_" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5";
    static final String SLACK = "xoxb-" + "2048613570-" + "4kV9bQ2mW7xZ1c";
    static final String STRIPE = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
    static final String GOOGLE = "AIza" + "SyD3f8Gk2LmN5pQ7rS9tU1vW3xY5zA7bC9d";
    static final String NPM = "npm_" + "Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2";
    static final String JWT = b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64url("{\"sub\":\"1234567890\",\"name\":\"trainer\"}")
            + "." + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    static final String PASSWORD = "hunter2" + "-rocks";

    /** A kind: a script line or two holding it, its compliant counterpart, and the same as a named value. */
    record Case(String kind, String script, String compliantScript, String name, String value, String compliantValue,
            List<String> secrets) {}

    static List<Case> cases() {
        return List.of(
                new Case("aws-access-key",
                        "export AWS_ACCESS_KEY_ID=" + AWS_ID + "\nexport AWS_SECRET_ACCESS_KEY=" + AWS_SECRET,
                        // an access key id with no secret beside it, and AWS's documentation pair
                        "export AWS_ACCESS_KEY_ID=" + AWS_ID + "\necho configured\n\n\n\n\nexport OTHER=1\n"
                                + "export K=AKIAIOSFODNN7EXAMPLE S=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                        "AWS_CREDENTIALS", AWS_ID + ":" + AWS_SECRET, AWS_ID, List.of(AWS_SECRET)),
                new Case("private-key",
                        "cat > /root/.ssh/id_rsa <<EOF\n-----BEGIN RSA PRIVATE KEY-----\n" + PEM_BODY
                                + "\n-----END RSA PRIVATE KEY-----\nEOF",
                        "cat > /root/key.pub <<EOF\n-----BEGIN PUBLIC KEY-----\n" + PEM_BODY + "\n-----END PUBLIC KEY-----\nEOF",
                        "DEPLOY_KEY", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + PEM_BODY + "\n-----END OPENSSH PRIVATE KEY-----",
                        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 trainer@example", List.of(PEM_BODY)),
                new Case("github-token", "git clone https://" + GITHUB + "@github.com/org/repo.git",
                        "git clone https://github.com/org/repo.git", "GIT_CREDENTIAL", GITHUB, "ghp_short", List.of(GITHUB)),
                new Case("slack-token", "curl -H 'Authorization: Bearer " + SLACK + "' https://slack.com/api/chat.postMessage",
                        "curl https://slack.com/api/api.test", "NOTIFY", SLACK, "xoxb-", List.of(SLACK)),
                new Case("stripe-key", "stripe_key = " + STRIPE, "publishable = pk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
                        "BILLING", STRIPE, "pk_live_" + "4eC39HqLyjWDarjtT1zdp7dc", List.of(STRIPE)),
                new Case("google-api-key", "MAPS=" + GOOGLE, "MAPS=AIza-not-a-key", "MAPS", GOOGLE, "AIzaShort",
                        List.of(GOOGLE)),
                new Case("npm-token", "echo //registry.npmjs.org/:_authToken=" + NPM + " > ~/.npmrc",
                        "echo //registry.npmjs.org/:_authToken=${NPM_TOKEN} > ~/.npmrc", "REGISTRY", NPM, "npm_ci",
                        List.of(NPM)),
                new Case("jwt", "curl -H 'Authorization: Bearer " + JWT + "' https://api.internal/",
                        "curl -H \"Authorization: Bearer $(cat /run/token)\" https://api.internal/", "BEARER", JWT,
                        "eyJhbGciOiJub25lIn0", List.of(JWT)),
                new Case("password-assignment", "export DB_PASSWORD=\"" + PASSWORD + "\"",
                        "export DB_PASSWORD=\"$DB_PASSWORD\"\nexport API_TOKEN=${API_TOKEN}\nexport APP_SECRET=\n"
                                + "export ADMIN_PASSWORD=changeme\nexport X_TOKEN=<token>",
                        "DB_PASSWORD", PASSWORD, "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf",
                        List.of(PASSWORD)));
    }

    /** A place: the rule, and how a plan holds a script or a named value there. */
    enum Place {
        INSTANCE_USER_DATA("MLI-SEC-01", "userData") {
            @Override
            Plan script(String text) {
                return plan(resource("aws:ec2/instance:Instance", "vm", Map.of("userData", "#!/bin/bash\n" + text)));
            }
        },
        LAUNCH_TEMPLATE_USER_DATA("MLI-SEC-01", "userData") {
            @Override
            Plan script(String text) {
                return plan(resource("aws:ec2/launchTemplate:LaunchTemplate", "lt", Map.of("userData", b64("#!/bin/bash\n" + text))));
            }
        },
        LIFECYCLE_SCRIPT("MLI-SEC-02", "onStart") {
            @Override
            Plan script(String text) {
                return plan(resource("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration",
                        "lc", Map.of("onCreate", b64("#!/bin/bash\nset -e\n"), "onStart", b64("#!/bin/bash\n" + text))));
            }
        },
        PIPELINE_ENVIRONMENT("MLI-SEC-03", "Environment.") {
            @Override
            Plan named(String name, String value) {
                String def = "{\"Version\":\"2020-12-01\",\"Steps\":[{\"Name\":\"Prep\",\"Type\":\"Processing\",\"Arguments\":{"
                        + "\"Environment\":{\"STAGE\":\"prod\"," + json(name) + ":" + json(value) + "}}},"
                        + "{\"Name\":\"Gate\",\"Type\":\"Condition\",\"Arguments\":{\"IfSteps\":[{\"Name\":\"Train\",\"Type\":"
                        + "\"Training\",\"Arguments\":{\"Environment\":{\"EPOCHS\":{\"Get\":\"Parameters.Epochs\"}}}}]}}]}";
                return plan(resource("aws:sagemaker/pipeline:Pipeline", "pipe", Map.of("pipelineDefinition", def)));
            }
        },
        TAGS("MLI-SEC-04", "tags.") {
            @Override
            Plan named(String name, String value) {
                return plan(resource("aws:s3/bucketV2:BucketV2", "data", Map.of("tags", Map.of("team", "ml", name, value))));
            }
        },
        OUTPUTS("MLI-SEC-05", "outputs.") {
            @Override
            Plan named(String name, String value) {
                return Plan.builder().project("p").stack("dev").putOutputs("bucket", "data-bucket")
                        .putOutputs("config", Map.of(name, value)).build();
            }
        };

        final String rule;
        final String path;

        Place(String rule, String path) {
            this.rule = rule;
            this.path = path;
        }

        /** A plan holding a script at this place (script places). */
        Plan script(String text) {
            throw new IllegalStateException(this + " is a named place, not a script place");
        }

        /** A plan holding a named value at this place (named places). */
        Plan named(String name, String value) {
            throw new IllegalStateException(this + " is a script place, not a named place");
        }

        boolean isScript() {
            return ordinal() <= LIFECYCLE_SCRIPT.ordinal();
        }

        Plan nonCompliant(Case c) {
            return isScript() ? script(c.script()) : named(c.name(), c.value());
        }

        Plan compliant(Case c) {
            return isScript() ? script(c.compliantScript()) : named(c.name(), c.compliantValue());
        }
    }

    static Stream<Arguments> placesAndKinds() {
        return Stream.of(Place.values()).flatMap(p -> cases().stream().map(c -> Arguments.of(p, c.kind(), c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("placesAndKinds")
    void nonCompliantIsReportedByKindPlaceAndFingerprintNeverByValue(Place place, String kind, Case c) {
        PostureReport report = Guard.defaults().check(place.nonCompliant(c));
        List<Finding> found = report.getFindings().stream().filter(f -> f.getRule().equals(place.rule))
                .filter(f -> f.getDetail().contains("::" + kind + ":")).collect(Collectors.toList());
        assertThat(found).as("%s finds %s", place.rule, kind).isNotEmpty();
        for (Finding f : found) {
            assertThat(f.getDetail()).startsWith("Secret::").contains(place.path);
            assertThat(f.getMessage()).contains("sha256:").contains("checkov").contains("cdk-nag none");
            for (String secret : c.secrets()) {
                assertThat(f.getMessage() + f.getKey()).doesNotContain(secret);
            }
        }
        if (place.isScript()) {
            assertThat(found.get(0).getMessage()).as("scripts locate the line").containsPattern("on line \\d+");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("placesAndKinds")
    void compliantCounterpartIsNotReported(Place place, String kind, Case c) {
        PostureReport report = Guard.defaults().check(place.compliant(c));
        assertThat(report.getFindings().stream().filter(f -> f.getRule().startsWith("MLI-SEC-")))
                .as("%s of a compliant %s", place.rule, kind).isEmpty();
    }

    @Test
    void fingerprintIsTheFirstEightHexOfTheSha256OfTheValue() throws Exception {
        PostureReport r = Guard.defaults().check(Place.TAGS.named("DB_PASSWORD", PASSWORD));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(PASSWORD.getBytes(StandardCharsets.UTF_8)), 0, 4);
        assertThat(r.findingsOf("MLI-SEC-04")).singleElement().satisfies(f -> {
            assertThat(f.getKey()).isEqualTo("MLI-SEC-04[Secret::tags.DB_PASSWORD::password-assignment:" + expected + "]");
            assertThat(f.getMessage()).contains("sha256:" + expected).contains("(DB_PASSWORD)").contains("CKV_SECRET_10");
        });
    }

    @Test
    void scriptFindingsNameTheLine() {
        PostureReport r = Guard.defaults().check(Place.INSTANCE_USER_DATA.script("set -e\necho hi\nexport DB_PASSWORD=" + PASSWORD));
        assertThat(r.findingsOf("MLI-SEC-01")).singleElement().extracting(Finding::getMessage).asString()
                .contains("on line 4").contains("CKV_SECRET_10");
    }

    @Test
    void anOpaqueValueIsNotRead() {
        Plan p = plan(resource("aws:ec2/instance:Instance", "vm", Map.of("userData", "[secret]")),
                resource("aws:s3/bucketV2:BucketV2", "b", Map.of("tags", Map.of("DB_PASSWORD", "[secret]"))));
        assertThat(Guard.defaults().check(p).getFindings()).noneMatch(f -> f.getRule().startsWith("MLI-SEC-"));
    }

    @Test
    void reportsNeverContainTheSecretText() {
        String all = cases().stream().map(Case::script).collect(Collectors.joining("\n"));
        Plan p = Plan.builder().project("p").stack("dev")
                .addResources(resource("aws:ec2/launchTemplate:LaunchTemplate", "lt", Map.of("userData", b64("#!/bin/bash\n" + all))))
                .addResources(resource("aws:s3/bucketV2:BucketV2", "b", Map.of("tags", Map.of("GH", GITHUB, "DB_PASSWORD", PASSWORD))))
                .putOutputs("npm", NPM).build();
        PostureReport report = Guard.defaults().check(p);
        assertThat(report.getFindings().stream().map(Finding::getRule).distinct())
                .contains("MLI-SEC-01", "MLI-SEC-04", "MLI-SEC-05");
        assertThat(report.findingsOf("MLI-SEC-01").stream().map(Finding::getDetail).map(d -> d.split("::")[2].split(":")[0]))
                .as("every kind found in one script").containsAll(cases().stream().map(Case::kind).collect(Collectors.toList()));
        String table = Reports.table(report, false);
        String sarif = Reports.sarif(report, "plan.json");
        String findingsJson = Reports.jsonTree(report).get("findings").toString();
        for (Case c : cases()) {
            for (String secret : c.secrets()) {
                assertThat(table).doesNotContain(secret);
                assertThat(sarif).doesNotContain(secret);
                assertThat(findingsJson).doesNotContain(secret);
            }
        }
    }

    @Test
    void theLifecycleScriptRuleNoLongerEchoesTheScript() {
        // MLI-SM-06 used to quote the first 40 characters of a script that is not base64 or not a script
        Plan p = plan(resource("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration",
                "lc", Map.of("onCreate", "DB_PASSWORD=" + PASSWORD + " ./start.sh", "onStart", b64("DB_PASSWORD=" + PASSWORD))));
        PostureReport r = Guard.defaults().check(p);
        assertThat(r.findingsOf("MLI-SM-06")).hasSize(2);
        assertThat(Reports.table(r, false) + Reports.sarif(r, "plan.json")).doesNotContain(PASSWORD);
        assertThat(r.findingsOf("MLI-SEC-02")).as("both scripts are still scanned, onStart decoded").extracting(Finding::getDetail)
                .anyMatch(d -> d.startsWith("Secret::onCreate::")).anyMatch(d -> d.startsWith("Secret::onStart::"));
    }

    @Test
    void scannerSkipsReferencesAndPlaceholders() {
        for (String v : List.of("$DB_PASSWORD", "${DB_PASSWORD}", "$(aws secretsmanager get-secret-value)", "", "changeme",
                "<password>", "xxxx", "{{resolve:secretsmanager:db}}", "arn:aws:ssm:eu-west-1:111122223333:parameter/db")) {
            assertThat(SecretScanner.isLiteral(v)).as(v).isFalse();
        }
        assertThat(SecretScanner.isLiteral(PASSWORD)).isTrue();
        assertThat(SecretScanner.decodedIfBase64(b64("#!/bin/bash\necho hi"))).isEqualTo("#!/bin/bash\necho hi");
        assertThat(SecretScanner.decodedIfBase64("#!/bin/bash\necho hi")).isEqualTo("#!/bin/bash\necho hi");
    }

    /**
     * A foreign stack's [secret] script cannot be read: not evaluated, never compliant. Our own plans
     * hand the rules the plain value behind [secret] (AWS stores the script in plain text either way),
     * so a credential in it is found, and the report shows no secret.
     */
    @Test
    void aForeignSecretIsNotEvaluatedAndOurOwnSecretIsScannedBeforeMasking() {
        String type = "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration";
        PostureReport foreign = Guard.defaults().check(plan(resource(type, "lc", Map.of("onStart", "[secret]"))));
        assertThat(foreign.getNotEvaluated()).filteredOn(n -> n.getRule().equals("MLI-SEC-02")).singleElement()
                .satisfies(n -> assertThat(n.getReason()).isEqualTo("onStart is [secret]"));
        assertThat(foreign.findingsOf("MLI-SEC-02")).isEmpty();
        String script = "#!/bin/bash\nexport DB_PASSWORD=hunter2hunter2\n";
        PlannedResource ours = PlannedResource.builder().from(resource(type, "lc", Map.of("onStart", "[secret]")))
                .putSecretInputs("onStart", b64(script)).build();
        PostureReport own = Guard.defaults().check(plan(ours));
        assertThat(own.getNotEvaluated()).filteredOn(n -> n.getRule().equals("MLI-SEC-02")).isEmpty();
        assertThat(own.findingsOf("MLI-SEC-02")).singleElement()
                .satisfies(f -> assertThat(f.getMessage()).contains("onStart").doesNotContain("hunter2"));
        assertThat(Reports.json(own)).doesNotContain("hunter2");
    }

    // --- helpers -----------------------------------------------------------------------------
    static Plan plan(PlannedResource... resources) {
        return Plan.builder().project("p").stack("dev").addResources(resources).build();
    }

    static PlannedResource resource(String type, String name, Map<String, Object> inputs) {
        return PlannedResource.builder().urn("urn:pulumi:dev::p::" + type + "::" + name).type(type).name(name)
                .custom(true).protect(false).inputs(inputs).build();
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String b64url(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
