package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlinfra.cli.Main;
import io.github.mlinfra.controls.Severity;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlannedResource;
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
 * A value the guard cannot read (an {@code [unknown]} or a foreign stack's {@code [secret]}) is
 * reported as not evaluated, never as compliant: a representative rule of each family, and the
 * three report formats and {@code --fail-on-unknown}.
 */
class NotEvaluatedTest {
    private static final String U = "[unknown]";
    private static final String S = "[secret]";

    private static PlannedResource res(String type, String name, Map<String, Object> inputs) {
        return PlannedResource.builder().urn("urn:pulumi:dev::foreign::" + type + "::" + name).type(type).name(name)
                .id("id-" + name).custom(true).protect(true).inputs(inputs).build();
    }

    /** A foreign stack (read from a file: no plain secret values) whose values the rules cannot read. */
    static Plan foreign() {
        return Plan.builder().project("foreign").stack("dev").addResources(
                res("aws:s3/bucketV2:BucketV2", "data", Map.of("bucket", "data-bucket")),
                res("aws:s3/bucketPolicy:BucketPolicy", "data-policy", Map.of("bucket", "data-bucket", "policy", U)),
                res("aws:s3/bucketVersioningV2:BucketVersioningV2", "data-versioning",
                        Map.of("bucket", "data-bucket", "versioningConfiguration", Map.of("status", U))),
                res("aws:kms/key:Key", "key", Map.of("policy", S, "enableKeyRotation", true, "deletionWindowInDays", 30)),
                res("aws:iam/role:Role", "role", Map.of("assumeRolePolicy", U)),
                res("aws:iam/rolePolicy:RolePolicy", "role-inline", Map.of("policy", U, "role", "role")),
                res("aws:ec2/instance:Instance", "vm", Map.of("monitoring", U, "ebsOptimized", true,
                        "disableApiTermination", true, "associatePublicIpAddress", false,
                        "metadataOptions", Map.of("httpTokens", "required", "httpPutResponseHopLimit", 1),
                        "rootBlockDevice", Map.of("encrypted", true, "kmsKeyId", "k"))),
                res("aws:ec2/securityGroup:SecurityGroup", "sg",
                        Map.of("ingress", List.of(Map.of("protocol", "tcp", "fromPort", 22, "toPort", 22, "cidrBlocks", List.of(U))))),
                res("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration", "lc",
                        Map.of("onCreate", S)))
                .build();
    }

    private static Map<String, List<String>> byRule(PostureReport r) {
        return r.getNotEvaluated().stream().collect(Collectors.groupingBy(NotEvaluated::getRule,
                Collectors.mapping(NotEvaluated::getResourceName, Collectors.toList())));
    }

    @Test
    void unreadableValuesAreNotEvaluatedNeverCompliant() {
        PostureReport r = Guard.defaults().check(foreign());
        Map<String, List<String>> ne = byRule(r);
        assertThat(ne.get("MLI-S3-03")).as("TLS-only on an [unknown] bucket policy").containsExactly("data");
        assertThat(ne.get("MLI-S3-06")).as("versioning status [unknown]").containsExactly("data");
        assertThat(ne.get("MLI-KMS-03")).as("a foreign [secret] key policy").containsExactly("key");
        assertThat(ne.get("MLI-IAM-04")).as("an [unknown] trust policy").containsExactly("role");
        assertThat(ne.get("MLI-IAM-02")).as("an [unknown] identity policy").containsExactly("role-inline");
        assertThat(ne.get("MLI-EC2-05")).as("monitoring [unknown]").containsExactly("vm");
        assertThat(ne.get("MLI-EC2-04")).as("an [unknown] ingress CIDR").containsExactly("sg");
        assertThat(ne.get("MLI-SM-06")).as("a foreign stack's [secret] script").containsExactly("lc");
        // and none of them is a finding either: the guard does not guess
        assertThat(r.getFindings()).noneMatch(f -> List.of("MLI-S3-03", "MLI-S3-06", "MLI-KMS-03", "MLI-IAM-04",
                "MLI-EC2-05", "MLI-EC2-04", "MLI-SM-06").contains(f.getRule()));
        assertThat(r.getNotEvaluated()).filteredOn(n -> n.getRule().equals("MLI-SM-06")).singleElement()
                .extracting(NotEvaluated::getReason).isEqualTo("onCreate is [secret]");
    }

    @Test
    void aReadableValueIsJudgedAndLeavesNothingUndecided() {
        Plan p = Plan.builder().project("p").stack("dev").addResources(
                res("aws:ec2/instance:Instance", "vm", Map.of("monitoring", false))).build();
        PostureReport r = Guard.defaults().check(p);
        assertThat(r.findingsOf("MLI-EC2-05")).hasSize(1);
        assertThat(byRule(r)).doesNotContainKey("MLI-EC2-05");
    }

    @Test
    void anOpaqueBlockIsNeitherAFindingNorCompliant() {
        Plan p = Plan.builder().project("p").stack("dev").addResources(
                res("aws:ec2/instance:Instance", "vm", Map.of("metadataOptions", U, "rootBlockDevice", U,
                        "monitoring", true, "ebsOptimized", true, "disableApiTermination", true,
                        "associatePublicIpAddress", false)),
                res("aws:iam/role:Role", "role", Map.of("managedPolicyArns", List.of(U),
                        "assumeRolePolicy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")))
                .build();
        PostureReport r = Guard.defaults().check(p);
        assertThat(r.findingsOf("MLI-EC2-01")).isEmpty();
        assertThat(r.findingsOf("MLI-EC2-02")).isEmpty();
        Map<String, List<String>> ne = byRule(r);
        assertThat(ne.get("MLI-EC2-01")).containsExactly("vm");
        assertThat(ne.get("MLI-EC2-02")).containsExactly("vm");
        assertThat(ne.get("MLI-IAM-01")).containsExactly("role");
    }

    @Test
    void aWaivedRuleIsNotListedAsUndecided() {
        PostureReport r = Guard.builder().addSuppressions(Suppression.of("MLI-EC2-05", "vm",
                "Detailed monitoring is billed per instance; this sandbox VM is short-lived and unmonitored."))
                .build().check(foreign());
        assertThat(byRule(r)).doesNotContainKey("MLI-EC2-05");
    }

    @Test
    void reportsCarryTheNotEvaluatedResults() throws Exception {
        PostureReport r = Guard.defaults().check(foreign());
        JsonNode json = new ObjectMapper().readTree(Reports.json(r));
        assertThat(json.path("notEvaluated").isArray()).isTrue();
        assertThat(json.path("notEvaluated")).hasSize(r.getNotEvaluated().size());
        JsonNode first = json.path("notEvaluated").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("rule", "urn", "reason");

        String table = Reports.table(r, false);
        assertThat(table).contains("NOT EVALUATED  MLI-SM-06  aws:sagemaker/notebookInstanceLifecycleConfiguration:"
                + "NotebookInstanceLifecycleConfiguration lc  onCreate is [secret]");
        assertThat(table).contains(r.getNotEvaluated().size() + " not evaluated");

        JsonNode sarif = new ObjectMapper().readTree(Reports.sarif(r, "plan.json"));
        List<JsonNode> open = new java.util.ArrayList<>();
        sarif.path("runs").get(0).path("results").forEach(n -> {
            if (n.path("kind").asText().equals("open")) {
                open.add(n);
            }
        });
        assertThat(open).hasSize(r.getNotEvaluated().size());
        assertThat(open).allMatch(n -> n.path("level").asText().equals("none"));
    }

    @Test
    void failOnUnknownTurnsThemIntoFailures(@TempDir Path dir) throws Exception {
        Plan p = Plan.builder().project("p").stack("dev").addResources(
                res("aws:ec2/instance:Instance", "vm", Map.of("monitoring", U, "ebsOptimized", true,
                        "disableApiTermination", true, "associatePublicIpAddress", false,
                        "metadataOptions", Map.of("httpTokens", "required", "httpPutResponseHopLimit", 1),
                        "rootBlockDevice", Map.of("encrypted", true, "kmsKeyId", "k"), "tags", Map.of("team", "ml")))).build();
        assertThat(Guard.defaults().check(p).getFindings()).isEmpty();
        assertThat(Guard.defaults().check(p).failsAt(Severity.LOW, false)).isFalse();
        assertThat(Guard.defaults().check(p).failsAt(Severity.LOW, true)).isTrue();
        Path file = dir.resolve("plan.json");
        Files.writeString(file, p.toJson(), StandardCharsets.UTF_8);
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(Main.run(new String[] {"check", file.toString()}, sink, sink)).isEqualTo(Main.OK);
        assertThat(Main.run(new String[] {"check", file.toString(), "--fail-on-unknown"}, sink, sink)).isEqualTo(Main.FINDINGS);
    }
}
