package io.github.mlinfra.examples.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every tag in the five plans is one AWS accepts on its resource ({@link TagRules}): key 1–128
 * characters of AWS's tag alphabet without the {@code aws:} prefix, value 0–256 characters of the
 * same alphabet (1–256 on CloudTrail), at most 50 tags per resource. A tag AWS refuses fails the
 * first {@code pulumi up} ({@code PutBucketTagging} answers {@code InvalidTag}).
 */
class AwsTagRulesTest {
    /** The service whose tag rule applies to a resource type. */
    static TagRules.Service service(String type) {
        String module = type.substring(4, type.indexOf('/'));
        switch (module) {
            case "s3": return TagRules.Service.S3;
            case "iam": return TagRules.Service.IAM;
            case "cloudwatch": return TagRules.Service.LOGS;
            case "sagemaker": return TagRules.Service.SAGEMAKER;
            case "kms": return TagRules.Service.KMS;
            case "cloudtrail": return TagRules.Service.CLOUDTRAIL;
            case "ebs": return TagRules.Service.EC2;
            case "ec2":
                return type.startsWith("aws:ec2/instance") || type.startsWith("aws:ec2/securityGroup")
                        ? TagRules.Service.EC2 : TagRules.Service.VPC;
            default: return TagRules.Service.CLOUDTRAIL; // unknown: the strictest rule
        }
    }

    /** Every tag map in a resource's inputs: {@code tags} and nested ones (a root volume's). */
    @SuppressWarnings("unchecked")
    static void tagMaps(Object value, String path, List<Map.Entry<String, Map<String, Object>>> out) {
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String p = path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey();
                if ("tags".equals(e.getKey()) && e.getValue() instanceof Map<?, ?> t) {
                    out.add(Map.entry(p, (Map<String, Object>) t));
                } else {
                    tagMaps(e.getValue(), p, out);
                }
            }
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                tagMaps(l.get(i), path + "[" + i + "]", out);
            }
        }
    }

    @Test
    void everyTagOfEveryPlanIsOneAwsAccepts() {
        List<String> broken = new ArrayList<>();
        int tags = 0;
        for (Map.Entry<String, Plan> e : Examples.plans().entrySet()) {
            for (PlannedResource r : e.getValue().getResources()) {
                if (!r.isCustom() || !r.getType().startsWith("aws:")) {
                    continue;
                }
                TagRules.Service service = service(r.getType());
                List<Map.Entry<String, Map<String, Object>>> maps = new ArrayList<>();
                tagMaps(r.getInputs(), "", maps);
                for (var m : maps) {
                    if (m.getValue().size() > TagRules.MAX_TAGS) {
                        broken.add(e.getKey() + " " + r.getName() + " " + m.getKey() + ": " + m.getValue().size() + " tags");
                    }
                    for (Map.Entry<String, Object> t : m.getValue().entrySet()) {
                        tags++;
                        String where = e.getKey() + " " + r.getName() + " " + m.getKey() + "[" + t.getKey() + "]";
                        TagRules.keyProblem(t.getKey()).ifPresent(p -> broken.add(where + ": " + p));
                        if (!(t.getValue() instanceof String v)) {
                            broken.add(where + ": value " + t.getValue() + " is not a string");
                            continue;
                        }
                        TagRules.valueProblem(service, v).ifPresent(p -> broken.add(where + ": " + p + ": " + v));
                    }
                }
            }
        }
        assertThat(tags).as("tags checked").isGreaterThan(100);
        assertThat(broken).as("tags AWS refuses").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void componentsRegisterTheirWaiversInFullSoTheStateKeepsThem() {
        int checked = 0;
        for (Map.Entry<String, Plan> e : Examples.plans().entrySet()) {
            for (PlannedResource r : e.getValue().getResources()) {
                if (r.isCustom() || !r.getType().startsWith("mlinfra:") || r.getWaivers().isEmpty()) {
                    continue;
                }
                Object registered = r.getOutputs().get("mlinfra:waivers");
                assertThat(registered).as("%s %s registers mlinfra:waivers", e.getKey(), r.getName()).isInstanceOf(List.class);
                for (var w : r.getWaivers()) {
                    assertThat((List<Object>) registered).as("%s %s", e.getKey(), r.getName())
                            .contains(Map.of("control", w.getControl().id(), "justification", w.getJustification()));
                    checked++;
                }
            }
        }
        assertThat(checked).as("waivers checked").isPositive();
    }

    @Test
    void theServiceMappingCoversTheTypesThePlansTag() {
        assertThat(service("aws:s3/bucketV2:BucketV2")).isEqualTo(TagRules.Service.S3);
        assertThat(service("aws:cloudtrail/trail:Trail")).isEqualTo(TagRules.Service.CLOUDTRAIL);
        assertThat(service("aws:ec2/instance:Instance")).isEqualTo(TagRules.Service.EC2);
        assertThat(service("aws:ec2/vpc:Vpc")).isEqualTo(TagRules.Service.VPC);
        assertThat(service("aws:cloudwatch/logGroup:LogGroup")).isEqualTo(TagRules.Service.LOGS);
    }
}
