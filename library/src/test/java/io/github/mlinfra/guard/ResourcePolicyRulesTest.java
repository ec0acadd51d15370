package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import io.github.mlinfra.cli.Main;
import io.github.mlinfra.controls.Severity;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlannedResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource-policy rules (MLI-S3-02/15, MLI-KMS-05/06, MLI-IAM-07..10, MLI-VPC-05/06) on
 * AWS's documented examples placed on the resources that carry them: public is CRITICAL, an
 * untrusted account is HIGH, the allow-list (Guard builder, {@code --trusted-accounts}) trusts.
 */
class ResourcePolicyRulesTest {
    static final String OWN = "111122223333";

    static String fixture(String name) throws IOException {
        try (InputStream in = ResourcePolicyRulesTest.class.getResourceAsStream("/policies/aws-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static PlannedResource res(String type, String name, Map<String, Object> inputs, Map<String, Object> outputs) {
        return PlannedResource.builder().urn("urn:pulumi:dev::p::" + type + "::" + name).type(type).name(name)
                .id(name + "-id").custom(true).protect(true).inputs(inputs).outputs(outputs).build();
    }

    /** One resource of each policy-bearing kind, each carrying the named fixture. */
    static Plan plan(String bucketPolicy, String keyPolicy, String trust, String endpoint, String queue) throws IOException {
        return Plan.builder().project("p").stack("dev").addResources(
                res("aws:s3/bucketV2:BucketV2", "data", Map.of("bucket", "data-bucket"),
                        Map.of("arn", "arn:aws:s3:::data-bucket")),
                res("aws:s3/bucketPolicy:BucketPolicy", "data-policy", Map.of("bucket", "data-bucket",
                        "policy", fixture(bucketPolicy)), Map.of()),
                res("aws:kms/key:Key", "key", Map.of("policy", fixture(keyPolicy)),
                        Map.of("arn", "arn:aws:kms:us-east-1:" + OWN + ":key/1234abcd-12ab-34cd-56ef-1234567890ab")),
                res("aws:iam/role:Role", "role", Map.of("assumeRolePolicy", fixture(trust)),
                        Map.of("arn", "arn:aws:iam::" + OWN + ":role/role")),
                res("aws:ec2/vpcEndpoint:VpcEndpoint", "s3-endpoint", Map.of("policy", fixture(endpoint)),
                        Map.of("arn", "arn:aws:ec2:us-east-1:" + OWN + ":vpc-endpoint/vpce-0abcdef1234567890")),
                res("aws:sqs/queuePolicy:QueuePolicy", "queue-policy", Map.of("policy", fixture(queue),
                        "queueUrl", "https://sqs.us-east-1.amazonaws.com/" + OWN + "/queue1"), Map.of()))
                .build();
    }

    static Plan nonCompliant() throws IOException {
        return plan("s3-public-read.json", "kms-external-account.json", "iam-trust-cross-account.json",
                "vpce-default-full-access.json", "sqs-all-users.json");
    }

    static Plan compliant() throws IOException {
        return plan("s3-server-access-logs.json", "kms-ebs-via-service.json", "iam-trust-ec2.json",
                "vpce-principal-account.json", "sns-source-owner.json");
    }

    private static List<String> rulesOn(PostureReport r, String resource) {
        return r.getFindings().stream().filter(f -> f.getResourceName().equals(resource)).map(Finding::getRule)
                .filter(id -> List.of("MLI-S3-02", "MLI-S3-15", "MLI-KMS-05", "MLI-KMS-06", "MLI-IAM-07", "MLI-IAM-08",
                        "MLI-IAM-09", "MLI-IAM-10", "MLI-VPC-05", "MLI-VPC-06").contains(id))
                .sorted().distinct().collect(java.util.stream.Collectors.toList());
    }

    @Test
    void publicAndCrossAccountGrantsAreFoundOnTheResourceThatCarriesThem() throws IOException {
        PostureReport r = Guard.defaults().check(nonCompliant());
        assertThat(rulesOn(r, "data")).containsExactly("MLI-S3-02");
        assertThat(rulesOn(r, "key")).containsExactly("MLI-KMS-06");
        assertThat(rulesOn(r, "role")).containsExactly("MLI-IAM-08");
        assertThat(rulesOn(r, "s3-endpoint")).containsExactly("MLI-VPC-05");
        assertThat(rulesOn(r, "queue-policy")).containsExactly("MLI-IAM-09");
        assertThat(r.findingsOf("MLI-S3-02")).singleElement().satisfies(f -> {
            assertThat(f.getSeverity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.getMessage()).contains("data-policy policy: statement PublicReadGetObject allows [s3:GetObject] to anyone");
            assertThat(f.getControls()).contains("FSBP S3.2", "AccessAnalyzer ExternalAccess (public)");
        });
        assertThat(r.findingsOf("MLI-KMS-06")).singleElement().satisfies(f -> {
            assertThat(f.getSeverity()).isEqualTo(Severity.HIGH);
            assertThat(f.getMessage()).contains("444455556666");
        });
        assertThat(r.getNotEvaluated()).isEmpty();
    }

    @Test
    void awsDocumentedNonPublicPoliciesAreCompliant() throws IOException {
        PostureReport r = Guard.defaults().check(compliant());
        for (String name : List.of("data", "key", "role", "s3-endpoint", "queue-policy")) {
            assertThat(rulesOn(r, name)).as(name).isEmpty();
        }
        assertThat(r.getNotEvaluated()).isEmpty();
    }

    @Test
    void theGuardsAllowListTrustsAnAccount() throws IOException {
        PostureReport r = Guard.builder().addTrustedAccounts("444455556666").build().check(nonCompliant());
        assertThat(rulesOn(r, "key")).isEmpty();
        assertThat(rulesOn(r, "role")).isEmpty();
        assertThat(rulesOn(r, "data")).as("public stays public").containsExactly("MLI-S3-02");
        assertThatThrownBy(() -> Guard.builder().addTrustedAccounts("4444-5555-6666"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4444-5555-6666");
    }

    @Test
    void theCliTakesTrustedAccounts(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plan.json");
        Files.writeString(file, plan("s3-server-access-logs.json", "kms-external-account.json", "iam-trust-ec2.json",
                "vpce-principal-account.json", "sns-source-owner.json").toJson(), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(Main.run(new String[] {"check", file.toString(), "--min-severity", "HIGH", "--format", "json"}, sink, sink))
                .isEqualTo(Main.FINDINGS);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("MLI-KMS-06");
        out.reset();
        Main.run(new String[] {"check", file.toString(), "--min-severity", "HIGH", "--format", "json",
                "--trusted-accounts", "444455556666,o-exampleorgid"}, sink, sink);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("MLI-KMS-06");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {"check", file.toString(), "--trusted-accounts", "12345"}, sink,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--trusted-accounts").contains("'12345'");
    }

    @Test
    void anOpaquePolicyIsNotEvaluated() throws IOException {
        Plan p = Plan.builder().project("p").stack("dev").addResources(
                res("aws:kms/key:Key", "key", Map.of("policy", "[unknown]"),
                        Map.of("arn", "arn:aws:kms:us-east-1:" + OWN + ":key/k"))).build();
        PostureReport r = Guard.defaults().check(p);
        assertThat(r.getNotEvaluated()).extracting(NotEvaluated::getRule).contains("MLI-KMS-05", "MLI-KMS-06");
        assertThat(rulesOn(r, "key")).isEmpty();
    }

    @Test
    void aKeyPlannedByTheEngineIsJudgedAgainstTheCallerAccount() {
        // the offline engine answers caller identity 123456789012; a key policy granting another account is found
        PostureReport r = GuardTesting.check(ctx -> new Key("shared", KeyArgs.builder().policy("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Sid\":\"Root\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"},{\"Sid\":\"Partner\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::444455556666:root\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}").build()));
        assertThat(r.findingsOf("MLI-KMS-06")).singleElement().extracting(Finding::getMessage).asString()
                .contains("statement Partner").contains("444455556666").doesNotContain("123456789012");
    }

    /**
     * The S3 gateway endpoint policy PrivateNetwork writes: its own account's principals to its own
     * buckets, AWS service principals, and reads of AWS-owned buckets for anyone. None of it is public
     * or external; the same read aimed at a customer's bucket is.
     */
    @Test
    void awsServicePrincipalsAndAwsOwnedBucketReadsAreNeitherPublicNorExternal() {
        String own = "{\"Sid\":\"AllowThisAccountToItsBuckets\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":\"" + OWN + "\","
                + "\"aws:ResourceAccount\":\"" + OWN + "\"}}}";
        String services = "{\"Sid\":\"AllowAwsServicePrincipals\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\","
                + "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:PrincipalIsAWSService\":\"true\"}}}";
        String awsOwned = "{\"Sid\":\"AllowAwsOwnedBuckets\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":[\"arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*\",\"arn:aws:s3:::al2023-repos-eu-west-1-de612dc2/*\"]}";
        String customer = awsOwned.replace("AllowAwsOwnedBuckets", "ReadAnyonesBucket")
                .replace("prod-eu-west-1-starport-layer-bucket", "someone-elses-bucket");
        java.util.function.Function<String, Plan> endpoint = statements -> Plan.builder().project("p").stack("dev")
                .addResources(res("aws:ec2/vpcEndpoint:VpcEndpoint", "s3-endpoint",
                        Map.of("policy", "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}"),
                        Map.of("arn", "arn:aws:ec2:eu-west-1:" + OWN + ":vpc-endpoint/vpce-0abcdef1234567890")))
                .build();
        assertThat(rulesOn(Guard.defaults().check(endpoint.apply(own + "," + services + "," + awsOwned)), "s3-endpoint")).isEmpty();
        PostureReport open = Guard.defaults().check(endpoint.apply(own + "," + services + "," + customer));
        assertThat(rulesOn(open, "s3-endpoint")).containsExactly("MLI-VPC-05");
        assertThat(open.findingsOf("MLI-VPC-05")).singleElement().extracting(Finding::getMessage).asString()
                .contains("ReadAnyonesBucket");
    }
}
