package io.github.mlinfra.guard.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.guard.PlanIndex;
import io.github.mlinfra.guard.Violation;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * MLI-SEC-03: no credentials in the container and job environments of a SageMaker pipeline
 * definition: every {@code Environment} map of its steps (processing and training jobs' arguments,
 * as {@code CreateProcessingJob} and {@code CreateTrainingJob} take them, and steps nested in
 * condition steps). The definition is returned in full by {@code DescribePipelineDefinitionForExecution}
 * and the environment by {@code DescribeTrainingJob}/{@code DescribeProcessingJob}
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTrainingJob.html#sagemaker-CreateTrainingJob-request-Environment,
 * looked up 2026-11-30).
 */
final class SecPipelineEnvRule extends SecretsRule {
    private static final ObjectMapper JSON = new ObjectMapper();

    SecPipelineEnvRule() {
        super(Control.SEC_PIPELINE_ENV, "A job's environment is part of its description: anyone who may describe the "
                + "pipeline or its jobs reads it, and it is kept with the job's record. Pass the ARN of a Secrets Manager "
                + "secret and read it in the container instead.",
                "none for pipeline definitions, its secrets framework by kind");
    }

    @Override
    public List<Violation> check(PlanIndex plan) {
        List<Violation> out = new ArrayList<>();
        for (PlannedResource r : plan.ofType(Types.PIPELINE)) {
            Object value = r.revealedInput("pipelineDefinition").orElse(null);
            if (value instanceof String opaque && PlanIndex.isOpaque(opaque)) {
                out.add(Violation.notEvaluated(r, "pipelineDefinition is " + opaque));
                continue;
            }
            String text = readable(value);
            if (text == null) {
                continue;
            }
            JsonNode root;
            try {
                root = JSON.readTree(text);
            } catch (java.io.IOException e) {
                continue; // not JSON: the pipeline rules report an unreadable definition
            }
            walk(out, r, root, "pipelineDefinition");
        }
        return out;
    }

    private static void walk(List<Violation> out, PlannedResource r, JsonNode node, String path) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode step = node.get(i);
                String name = step.path("Name").isTextual() ? "(" + step.get("Name").asText() + ")" : "";
                walk(out, r, step, path + "[" + i + "]" + name);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if ("Environment".equals(f.getKey()) && f.getValue().isObject()) {
                Iterator<Map.Entry<String, JsonNode>> vars = f.getValue().fields();
                while (vars.hasNext()) {
                    Map.Entry<String, JsonNode> v = vars.next();
                    if (v.getValue().isTextual()) {
                        // a {"Get": "Parameters.X"} value is a pipeline parameter, resolved at run time: not a literal
                        report(out, r, path + ".Environment." + v.getKey(),
                                SecretScanner.scanNamed(v.getKey(), v.getValue().asText()));
                    }
                }
            } else {
                walk(out, r, f.getValue(), path + "." + f.getKey());
            }
        }
    }
}
