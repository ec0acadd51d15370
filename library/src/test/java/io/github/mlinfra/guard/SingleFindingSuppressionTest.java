package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.cli.Main;
import io.github.mlinfra.plan.Plan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suppressions that name a single finding ({@code MLI-IAM-02[Action::s3:*]}), as cdk-nag's
 * {@code AwsSolutions-IAM5[Action::s3:*]} does: one accepted wildcard does not hide another on the
 * same role, nor one accepted credential another on the same resource.
 */
class SingleFindingSuppressionTest {
    static final String WILD = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Scratch\",\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:*\",\"ec2:*\"],\"Resource\":\"arn:aws:s3:::scratch\"}]}";

    static Plan twoWildcards() {
        return GuardTesting.plan(ctx -> {
            var role = new Role("role", RoleArgs.builder().assumeRolePolicy(KmsIamRulesTest.TRUST).build());
            new RolePolicy("wild", RolePolicyArgs.builder().role(role.name()).policy(WILD).build());
        });
    }

    @Test
    void eachWildcardIsAFindingWithItsOwnKey() {
        PostureReport r = Guard.defaults().check(twoWildcards());
        assertThat(r.findingsOf("MLI-IAM-02")).extracting(Finding::getKey)
                .containsExactlyInAnyOrder("MLI-IAM-02[Action::s3:*]", "MLI-IAM-02[Action::ec2:*]");
        assertThat(r.findingsOf("MLI-IAM-02")).extracting(Finding::getFingerprint).doesNotHaveDuplicates()
                .allMatch(f -> f.matches("[0-9a-f]{16}"));
    }

    @Test
    void suppressingOneFindingLeavesTheOtherOfTheSameRuleOnTheSameResourceOpen() {
        PostureReport r = Guard.builder()
                .addSuppressions(Suppression.of("MLI-IAM-02[Action::s3:*]", "wild", GuardTest.REASON))
                .build().check(twoWildcards());
        Map<String, Boolean> suppressed = r.findingsOf("MLI-IAM-02").stream()
                .collect(Collectors.toMap(Finding::getDetail, Finding::isSuppressed));
        assertThat(suppressed).containsExactlyInAnyOrderEntriesOf(Map.of("Action::s3:*", true, "Action::ec2:*", false));
        assertThat(r.openFindings()).extracting(Finding::getKey).contains("MLI-IAM-02[Action::ec2:*]");
    }

    @Test
    void aRuleWideSuppressionStillCoversEveryFindingOfTheRule() {
        PostureReport r = Guard.builder().addSuppressions(Suppression.of("MLI-IAM-02", "wild", GuardTest.REASON))
                .build().check(twoWildcards());
        assertThat(r.findingsOf("MLI-IAM-02")).hasSize(2).allMatch(Finding::isSuppressed);
    }

    @Test
    void oneAcceptedCredentialDoesNotHideAnother() {
        Plan p = SecretsRulesTest.plan(SecretsRulesTest.resource("aws:s3/bucketV2:BucketV2", "b",
                Map.of("tags", Map.of("A_TOKEN", "first-literal-value", "B_TOKEN", "second-literal-value"))));
        Finding first = Guard.defaults().check(p).findingsOf("MLI-SEC-04").stream()
                .filter(f -> f.getDetail().contains("A_TOKEN")).findFirst().orElseThrow();
        PostureReport r = Guard.builder().addSuppressions(Suppression.of(first.getKey(), "b", GuardTest.REASON)).build().check(p);
        assertThat(r.findingsOf("MLI-SEC-04")).hasSize(2);
        assertThat(r.openFindings().stream().filter(f -> f.getRule().equals("MLI-SEC-04"))).extracting(Finding::getDetail)
                .singleElement().asString().contains("B_TOKEN");
    }

    @Test
    void malformedKeysUnknownRulesAndFillerJustificationsAreRefused() {
        assertThatThrownBy(() -> Suppression.of("MLI-IAM-02[Action::s3:*", "wild", GuardTest.REASON))
                .isInstanceOf(InvalidArgsException.class).hasMessageStartingWith("Suppression.rule: malformed finding key");
        assertThatThrownBy(() -> Suppression.of("MLI-IAM-02[]", "wild", GuardTest.REASON))
                .isInstanceOf(InvalidArgsException.class).hasMessageStartingWith("Suppression.rule: malformed finding key");
        assertThatThrownBy(() -> Suppression.of("MLI-XX-99[Action::s3:*]", "wild", GuardTest.REASON))
                .isInstanceOf(InvalidArgsException.class).hasMessageStartingWith("Suppression.rule: unknown rule id");
        assertThatThrownBy(() -> Suppression.of("MLI-IAM-02[Action::s3:*]", "wild", "a b c d e f"))
                .isInstanceOf(InvalidArgsException.class).hasMessageStartingWith("Suppression.justification");
        Suppression s = Suppression.of(" MLI-IAM-02[Action::s3:*] ", "wild", GuardTest.REASON);
        assertThat(s.getDetail()).contains("Action::s3:*");
        assertThat(s.key()).isEqualTo("MLI-IAM-02[Action::s3:*]");
    }

    @Test
    void suppressionsReadFromJson() {
        List<Suppression> all = Suppression.fromJson("[{\"rule\":\"MLI-IAM-02[Action::s3:*]\",\"resource\":\"wild\","
                + "\"justification\":\"" + GuardTest.REASON + "\",\"type\":\"aws:iam/rolePolicy:RolePolicy\"},"
                + "{\"rule\":\"MLI-S3-11\",\"resource\":\"logs\",\"justification\":\"" + GuardTest.REASON + "\"}]");
        assertThat(all).extracting(Suppression::key).containsExactly("MLI-IAM-02[Action::s3:*]", "MLI-S3-11");
        assertThat(all.get(0).getType()).contains("aws:iam/rolePolicy:RolePolicy");
        assertThatThrownBy(() -> Suppression.fromJson("{}")).isInstanceOf(InvalidArgsException.class)
                .hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> Suppression.fromJson("[{\"rule\":")).isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("Suppression: not JSON (")
                .hasMessageEndingWith("; got \"the document\"; expected a JSON array of {rule, resource, justification[, type]}");
        assertThatThrownBy(() -> Suppression.fromJson("[{\"rule\":\"MLI-S3-11\",\"resource\":\"logs\"}]"))
                .isInstanceOf(InvalidArgsException.class).hasMessageStartingWith("Suppression[0].justification");
    }

    @Test
    void theCliTakesASuppressionsFileAndReportsKeysAndFingerprints(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, twoWildcards().toJson(), StandardCharsets.UTF_8);
        Path sup = dir.resolve("suppressions.json");
        Files.writeString(sup, "[{\"rule\":\"MLI-IAM-02[Action::s3:*]\",\"resource\":\"wild\",\"justification\":\""
                + GuardTest.REASON + "\"}]", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"check", plan.toString(), "--format", "sarif", "--suppressions", sup.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.FINDINGS);
        JsonNode results = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).path("runs").get(0).path("results");
        JsonNode s3 = null;
        JsonNode ec2 = null;
        for (JsonNode res : results) {
            String key = res.path("properties").path("findingKey").asText();
            assertThat(res.path("partialFingerprints").path("mlinfraFindingKey/v1").asText()).matches("[0-9a-f]{16}");
            if (key.equals("MLI-IAM-02[Action::s3:*]")) {
                s3 = res;
            } else if (key.equals("MLI-IAM-02[Action::ec2:*]")) {
                ec2 = res;
            }
        }
        assertThat(s3).isNotNull();
        assertThat(ec2).isNotNull();
        assertThat(s3.path("suppressions").size()).isEqualTo(1);
        assertThat(ec2.has("suppressions")).isFalse();

        Files.writeString(sup, "[{\"rule\":\"MLI-IAM-02[Action::s3:*]\",\"resource\":\"wild\",\"justification\":\"ok\"}]");
        err.reset();
        code = Main.run(new String[] {"check", plan.toString(), "--suppressions", sup.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("mlinfra: --suppressions ").contains("Suppression.justification");
    }
}
