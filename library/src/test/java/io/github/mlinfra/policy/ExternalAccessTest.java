package io.github.mlinfra.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlinfra.policy.ExternalAccess.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The evaluator on AWS's own documented policy examples (fixtures and their source pages in
 * {@code policies/aws-examples/SOURCES.md}): compliant and non-compliant pairs for public access,
 * cross-account access, NotPrincipal, NotAction, Deny guards and the conditions that do (and do
 * not) restrict the caller.
 */
class ExternalAccessTest {
    static final String OWN = "111122223333";

    static PolicyDocument fixture(String name) throws IOException {
        try (InputStream in = ExternalAccessTest.class.getResourceAsStream("/policies/aws-examples/" + name)) {
            assertThat(in).as(name).isNotNull();
            return PolicyDocument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static ExternalAccess.Result analyze(String name, String... trusted) throws IOException {
        return ExternalAccess.analyze(fixture(name), Optional.of(OWN), Set.of(trusted));
    }

    @ParameterizedTest(name = "{0}: {1} public, {2} external")
    @CsvSource({
        "s3-public-read.json, 1, 0",
        "s3-org-only.json, 0, 1",
        "s3-vpce-only.json, 0, 0",
        "s3-multiple-accounts.json, 0, 1",
        "s3-server-access-logs.json, 0, 0",
        "s3-ip-deny.json, 0, 0",
        "s3-secure-transport-only-allow.json, 1, 0",
        "kms-default-root.json, 0, 0",
        "kms-external-account.json, 0, 1",
        "kms-ebs-via-service.json, 0, 0",
        "kms-via-service-only.json, 1, 0",
        "iam-trust-cross-account.json, 0, 1",
        "iam-trust-ec2.json, 0, 0",
        "iam-trust-public.json, 1, 0",
        "iam-trust-public-org.json, 0, 1",
        "vpce-default-full-access.json, 1, 0",
        "vpce-principal-account.json, 0, 0",
        "vpce-org-deny-guard.json, 0, 1",
        "sqs-all-users.json, 1, 0",
        "sqs-ip-range.json, 0, 1",
        "sqs-deny-outside-ip-if-exists.json, 1, 0",
        "sns-source-owner.json, 0, 0",
        "notprincipal-allow.json, 1, 0",
        "notaction-public.json, 1, 0",
    })
    void awsDocumentedExamples(String fixture, int publicGrants, int externalGrants) throws IOException {
        ExternalAccess.Result r = analyze(fixture);
        assertThat(r.getUndecided()).isEmpty();
        assertThat(r.of(Scope.PUBLIC)).as("public grants of %s: %s", fixture, r.getGrants()).hasSize(publicGrants);
        assertThat(r.of(Scope.EXTERNAL)).as("external grants of %s: %s", fixture, r.getGrants()).hasSize(externalGrants);
    }

    @Test
    void theOtherAccountIsNamedAndTheOwnAccountIsNot() throws IOException {
        ExternalAccess.Grant g = analyze("s3-multiple-accounts.json").getGrants().get(0);
        assertThat(g.getWho()).contains("444455556666").doesNotContain(OWN);
        assertThat(g.describe()).startsWith("statement AddCannedAcl allows [s3:PutObject, s3:PutObjectAcl] to account(s)");
    }

    @Test
    void theAllowListMakesAnAccountOrOrganizationTrusted() throws IOException {
        assertThat(analyze("kms-external-account.json", "444455556666").getGrants()).isEmpty();
        assertThat(analyze("s3-org-only.json", "o-aa111bb222").getGrants()).isEmpty();
        assertThat(analyze("vpce-org-deny-guard.json", "o-exampleorgid").getGrants()).isEmpty();
        assertThat(analyze("s3-org-only.json", "o-someotherorg1").getGrants()).hasSize(1);
    }

    @Test
    void kmsCallerAccountOfAnotherAccountIsExternal() {
        PolicyDocument p = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"kms:CallerAccount\":\"444455556666\",\"kms:ViaService\":\"s3.us-east-1.amazonaws.com\"}}}]}");
        ExternalAccess.Result r = ExternalAccess.analyze(p, Optional.of(OWN), Set.of());
        assertThat(r.of(Scope.EXTERNAL)).singleElement().extracting(ExternalAccess.Grant::getWho).asString().contains("444455556666");
        assertThat(r.of(Scope.PUBLIC)).isEmpty();
    }

    @Test
    void negatedOrWildcardConditionsRestrictNothing() {
        for (String cond : List.of("{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}",
                "{\"StringLike\":{\"aws:PrincipalAccount\":\"*\"}}",
                "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:sns:*:*:topic\"}}",
                "{\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}}",
                "{\"ForAllValues:StringEquals\":{\"aws:PrincipalOrgID\":\"o-exampleorgid\"}}",
                "{\"StringEquals\":{\"aws:UserAgent\":\"my-app\"}}")) {
            PolicyDocument p = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":" + cond + "}]}");
            assertThat(ExternalAccess.analyze(p, Optional.of(OWN), Set.of()).of(Scope.PUBLIC)).as(cond).hasSize(1);
        }
    }

    @Test
    void onlyAwsServicePrincipalsIsNotPublicButFalseOrIfExistsIs() {
        String tpl = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"%s\":{\"aws:PrincipalIsAWSService\":\"%s\"}}}]}";
        assertThat(ExternalAccess.analyze(PolicyDocument.parse(String.format(tpl, "Bool", "true")), Optional.of(OWN), Set.of())
                .getGrants()).isEmpty();
        assertThat(ExternalAccess.analyze(PolicyDocument.parse(String.format(tpl, "Bool", "false")), Optional.of(OWN), Set.of())
                .of(Scope.PUBLIC)).hasSize(1);
        assertThat(ExternalAccess.analyze(PolicyDocument.parse(String.format(tpl, "BoolIfExists", "true")), Optional.of(OWN),
                Set.of()).of(Scope.PUBLIC)).hasSize(1);
    }

    @Test
    void aDenyThatDoesNotCoverTheAllowedActionsIsNoGuard() {
        PolicyDocument p = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalAccount\":\"" + OWN + "\"}}}]}");
        assertThat(ExternalAccess.analyze(p, Optional.of(OWN), Set.of()).of(Scope.PUBLIC)).hasSize(1);
        PolicyDocument covered = PolicyDocument.parse(p.toJson().replace("\"Action\":\"s3:PutObject\"", "\"Action\":\"s3:*\""));
        assertThat(ExternalAccess.analyze(covered, Optional.of(OWN), Set.of()).getGrants()).isEmpty();
    }

    @Test
    void unreadableValuesAreUndecidedNeverSafe() throws IOException {
        PolicyDocument p = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"[unknown]\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},{\"Sid\":\"B\",\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:PrincipalAccount\":\"[secret]\"}}}]}");
        ExternalAccess.Result r = ExternalAccess.analyze(p, Optional.of(OWN), Set.of());
        assertThat(r.getGrants()).isEmpty();
        assertThat(r.getUndecided()).hasSize(2);
        assertThat(ExternalAccess.analyze(fixture("kms-default-root.json"), Optional.empty(), Set.of()).getUndecided())
                .as("an account principal with the stack's account unknown").hasSize(1);
    }
}
