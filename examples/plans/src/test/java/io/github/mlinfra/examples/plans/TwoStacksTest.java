package io.github.mlinfra.examples.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanOptions;
import io.github.mlinfra.plan.PlannedResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code dev} and a {@code prod} stack of the same example in one account share no physical
 * name: names unique per account (IAM, S3 buckets) or per account and region (KMS aliases, log
 * groups, SageMaker notebooks, lifecycle configs, pipelines, model package groups, trails) are
 * derived from project and stack, or auto-named by Pulumi with a random suffix. Fixed names made
 * the second stack fail with {@code AlreadyExists}.
 */
class TwoStacksTest {
    /** Types whose name is unique in the account (or account and region), and the inputs/outputs holding it. */
    static final Map<String, List<String>> NAMED = Map.ofEntries(
            Map.entry("aws:s3/bucketV2:BucketV2", List.of("bucket")),
            Map.entry("aws:iam/role:Role", List.of("name")),
            Map.entry("aws:iam/instanceProfile:InstanceProfile", List.of("name")),
            Map.entry("aws:iam/policy:Policy", List.of("name")),
            Map.entry("aws:kms/alias:Alias", List.of("name")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", List.of("name")),
            Map.entry("aws:sagemaker/notebookInstance:NotebookInstance", List.of("name")),
            Map.entry("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration", List.of("name")),
            Map.entry("aws:sagemaker/pipeline:Pipeline", List.of("pipelineName")),
            Map.entry("aws:sagemaker/modelPackageGroup:ModelPackageGroup", List.of("modelPackageGroupName")),
            Map.entry("aws:cloudtrail/trail:Trail", List.of("name")));

    static Map<String, String> physicalNames(Plan plan) {
        Map<String, String> out = new HashMap<>();
        for (PlannedResource r : plan.getResources()) {
            List<String> keys = NAMED.get(r.getType());
            if (keys == null) {
                continue;
            }
            for (String k : keys) {
                Object v = r.getInputs().containsKey(k) ? r.getInputs().get(k) : r.getOutputs().get(k);
                if (v instanceof String s && !s.isEmpty()) {
                    out.put(r.getType() + " " + s, r.getName());
                }
            }
        }
        return out;
    }

    @Test
    void theSameExamplePlannedAsTwoStacksSharesNoPhysicalName() {
        int compared = 0;
        for (Map.Entry<String, String> e : Examples.classes().entrySet()) {
            var program = Examples.program(e.getValue());
            Plan dev = PlanEngine.plan(program, PlanOptions.builder().project(e.getKey()).stack("dev").build());
            Plan prod = PlanEngine.plan(program, PlanOptions.builder().project(e.getKey()).stack("prod_eu.1").build());
            Map<String, String> a = physicalNames(dev);
            Map<String, String> b = physicalNames(prod);
            assertThat(a).as("physical names of %s", e.getKey()).isNotEmpty();
            for (Map.Entry<String, String> n : a.entrySet()) {
                if (!b.containsKey(n.getKey())) {
                    continue;
                }
                assertThat(b).as("%s: %s is the same in stacks dev and prod_eu.1", e.getKey(), n.getKey())
                        .doesNotContainKey(n.getKey());
            }
            compared += a.size();
        }
        assertThat(compared).isGreaterThan(20);
    }
}
