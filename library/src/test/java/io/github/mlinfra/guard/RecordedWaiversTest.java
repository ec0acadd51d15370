package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlannedResource;
import io.github.mlinfra.storage.SecureCheckpointBucket;
import io.github.mlinfra.storage.SecureCheckpointBucketArgs;
import io.github.mlinfra.network.PrivateNetwork;
import io.github.mlinfra.network.PrivateNetworkArgs;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Our plans and foreign stack files read recorded waivers through one path (no side channel). */
class RecordedWaiversTest {
    /** Semicolon and parentheses are outside AWS's tag alphabet: the tag value is shorter. */
    static final String WHY = "Access logs go to the organisation trail (data events); no second copy is kept here.";

    @Test
    void aPlanAndTheStackExportOfTheSameStackRecordTheSameWaivers() throws Exception {
        Plan plan = PlanEngine.plan(ctx -> new SecureCheckpointBucket("ckpt", SecureCheckpointBucketArgs.builder()
                .waive(Control.S3_ACCESS_LOGGING, WHY).build()));
        assertThat(Waiver.of(Control.S3_ACCESS_LOGGING, WHY).tagValue()).as("the tag alone loses text").isNotEqualTo(WHY);

        // the same stack as `pulumi stack export` writes it: no `waivers` field, only outputs and tags
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("version", 3);
        ArrayNode resources = root.putObject("deployment").putArray("resources");
        for (var r : json.readTree(plan.toJson()).get("resources")) {
            ObjectNode copy = ((ObjectNode) r).deepCopy();
            copy.remove("waivers");
            resources.add(copy);
        }
        Plan exported = PlanReaders.read(json.writeValueAsString(root));

        assertThat(waivers(exported)).isEqualTo(waivers(plan));
        // the bucket carries the tag; its justification is the component's full text, in both
        for (Plan p : new Plan[] {plan, exported}) {
            assertThat(p.resource("ckpt-bucket").getWaivers()).singleElement().satisfies(w -> {
                assertThat(w.getControl()).isEqualTo(Control.S3_ACCESS_LOGGING);
                assertThat(w.getJustification()).isEqualTo(WHY);
            });
            assertThat(p.resource("ckpt").getWaivers()).extracting(Waiver::getJustification).containsExactly(WHY);
        }
        PostureReport report = Guard.defaults().check(exported);
        assertThat(report.findingsOf("MLI-S3-11")).singleElement().satisfies(f -> {
            assertThat(f.isSuppressed()).isTrue();
            assertThat(f.getJustification()).contains(WHY);
        });
    }

    @Test
    void aTagWithNoComponentAboveKeepsItsOwnValue() {
        String export = "{\"version\":3,\"deployment\":{\"resources\":["
                + "{\"urn\":\"urn:pulumi:p::q::aws:kms/key:Key::k\",\"custom\":true,\"type\":\"aws:kms/key:Key\","
                + "\"inputs\":{\"tags\":{\"mlinfra:waiver:MLI-KMS-01\":\"Set by another tool\",\"mlinfra:waiver:MLI-NOPE-99\":\"x\"}}},"
                + "{\"urn\":\"urn:pulumi:p::q::test:index:C::c\",\"custom\":false,\"type\":\"test:index:C\","
                + "\"outputs\":{\"mlinfra:waivers\":[{\"control\":\"MLI-KMS-02\",\"justification\":\"Full text.\"},"
                + "{\"control\":\"MLI-NOPE-99\"},\"not an entry\"]}}]}}";
        Plan plan = PlanReaders.read(export);
        assertThat(plan.resource("k").getWaivers()).singleElement().satisfies(w -> {
            assertThat(w.getControl()).isEqualTo(Control.KMS_ROTATION);
            assertThat(w.getJustification()).isEqualTo("Set by another tool");
        });
        assertThat(plan.resource("c").getWaivers()).extracting(w -> w.getControl().id()).containsExactly("MLI-KMS-02");
    }

    @Test
    void eachEndpointGetsTheFullTextOfItsOwnBuiltInWaiver() {
        // a network records one MLI-VPC-04 waiver per undocumented endpoint service and MLI-VPC-09 on its
        // VPC: the tags hold shortened text (commas, semicolons are outside AWS's tag alphabet), the
        // component's output the full text of each
        Plan plan = PlanEngine.plan(ctx -> new PrivateNetwork("net", PrivateNetworkArgs.builder()
                .interfaceEndpointServices(List.of("ssmmessages", "ec2messages")).build()));
        for (String service : List.of("ssmmessages", "ec2messages")) {
            assertThat(plan.resource("net-endpoint-" + service).getWaivers()).singleElement().satisfies(w ->
                    assertThat(w.getJustification()).startsWith("The " + service + " endpoint service is not documented"));
        }
        assertThat(plan.resource("net-vpc").getWaivers()).singleElement().satisfies(w -> {
            assertThat(w.getJustification()).contains("Incident Manager, its Contacts or, unless ec2");
            assertThat(Waiver.tagValue(w.getJustification())).as("the tag alone loses the commas").isNotEqualTo(w.getJustification());
        });
    }

    private static Map<String, String> waivers(Plan plan) {
        Map<String, String> out = new TreeMap<>();
        for (PlannedResource r : plan.getResources()) {
            if (!r.getWaivers().isEmpty()) {
                out.put(r.getUrn(), r.getWaivers().stream().map(w -> w.getControl().id() + "=" + w.getJustification())
                        .collect(Collectors.joining("|")));
            }
        }
        return out;
    }
}
