package io.github.mlinfra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * An independent check of the constraints in {@code io.github.mlinfra.aws} against the AWS service
 * models botocore ships (gzipped JSON, {@code botocore/data/<service>/<version>/service-2.json.gz}).
 * For each constraint with a counterpart (pattern, min, max, enum), it compares BEHAVIOUR on sample
 * strings, not regex text: Smithy patterns are unanchored, so a model pattern accepts a string when
 * it is found anywhere in it ({@code find()}). Every sample where our rule and the model disagree
 * must be listed as an expected difference with its reason; a new disagreement fails the test.
 *
 * <p>Skipped only where botocore is absent ({@code .ci/run} makes sure it is present). The
 * directory is {@code -Dmlinfra.botocore=<.../botocore/data>} or found under {@code ~/.pyenv}.
 *
 * <p>Constraints with no counterpart in the models, and where each comes from instead:
 * S3 bucket names and tag alphabet (S3 model: plain strings; bucketnamingrules.html, API_control_S3Tag),
 * log retention days ({@code Days} is a bare integer; API_PutRetentionPolicy), trail names
 * (CloudTrail {@code String}; API_CreateTrail), IAM policy sizes (the model's 131,072 is the API type
 * limit, not the quotas; reference_iam-quotas.html), S3 bucket policy 20 KB (using-iam-policies.html),
 * security group names (EC2 {@code String}; API_CreateSecurityGroup), EC2 user data 16 KB (user-data.html),
 * flow log intervals (EC2 {@code Integer}; API_CreateFlowLogs), IAM Sids (inside the policy document),
 * the key policies services need (inside the policy document; the services' key policy pages), image
 * regions and one VPC per workload (relations between resources, not constraints of one shape).
 * The SageMaker instance type enumerations and the EC2 instance families are compared as whole sets.
 */
class BotocoreCrossCheckTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Optional<Path> botocore() {
        String prop = System.getProperty("mlinfra.botocore");
        if (prop != null) {
            return Optional.of(Path.of(prop)).filter(Files::isDirectory);
        }
        Path versions = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> vs = Files.list(versions)) {
            for (Path v : vs.sorted().toList()) {
                Path lib = v.resolve("lib");
                if (!Files.isDirectory(lib)) {
                    continue;
                }
                try (Stream<Path> pys = Files.list(lib)) {
                    Optional<Path> found = pys.map(py -> py.resolve(Path.of("site-packages", "botocore", "data")))
                            .filter(Files::isDirectory).findFirst();
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static JsonNode shape(Path data, String service, String shape) throws IOException {
        Path dir;
        try (Stream<Path> s = Files.list(data.resolve(service))) {
            dir = s.filter(Files::isDirectory).sorted().reduce((a, b) -> b).orElseThrow();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("service-2.json.gz")))) {
            JsonNode n = JSON.readTree(in).path("shapes").path(shape);
            assertThat(n.isMissingNode()).as(service + " shape " + shape).isFalse();
            return n;
        }
    }

    /** What the model accepts: length (or value) within min/max, enum, pattern found anywhere. */
    static boolean modelAccepts(JsonNode shape, Object sample) {
        if (sample instanceof Integer n) {
            return (!shape.has("min") || n >= shape.get("min").asLong()) && (!shape.has("max") || n <= shape.get("max").asLong());
        }
        String s = (String) sample;
        int len = s.codePointCount(0, s.length());
        if (shape.has("min") && len < shape.get("min").asInt() || shape.has("max") && len > shape.get("max").asInt()) {
            return false;
        }
        if (shape.has("enum")) {
            List<String> values = new ArrayList<>();
            shape.get("enum").forEach(v -> values.add(v.asText()));
            return values.contains(s);
        }
        return !shape.has("pattern") || Pattern.compile(shape.get("pattern").asText()).matcher(s).find();
    }

    record Case(String name, String service, String shape, Predicate<Object> ours, List<Object> samples,
                Map<Object, String> expectedDifferences) {}

    static Map<Object, String> diff(Object... sampleAndReason) {
        Map<Object, String> m = new LinkedHashMap<>();
        for (int i = 0; i < sampleAndReason.length; i += 2) {
            m.put(sampleAndReason[i], (String) sampleAndReason[i + 1]);
        }
        return m;
    }

    static Predicate<Object> name(NameRules.Rule rule) {
        return s -> NameRules.problem(rule, (String) s).isEmpty();
    }

    static final String UNANCHORED = "the model's pattern is unanchored (found anywhere), the API's documented rule is the whole name";

    static List<Case> cases() {
        return List.of(
                new Case("KMS alias", "kms", "AliasNameType", name(NameRules.Rule.KMS_ALIAS),
                        List.of("alias/ml/ckpt", "alias/aws/ckpt", "ml/ckpt", "alias/a b", "alias/" + "a".repeat(251)),
                        diff("alias/aws/ckpt", "alias/aws/ is reserved for AWS managed keys (alias-create.html), not in the model",
                                "ml/ckpt", "the alias/ prefix is documented (API_CreateAlias), the model pattern does not require it")
                        // "alias/a b": the KMS pattern is anchored (^...$) and refuses it as we do
                        ),
                new Case("KMS deletion window", "kms", "PendingWindowInDaysType",
                        v -> (Integer) v >= ServiceLimits.KMS_WINDOW_MIN && (Integer) v <= ServiceLimits.KMS_WINDOW_MAX,
                        List.of(1, 6, 7, 30, 31, 365, 366),
                        diff(1, "the model allows 1-365 days; ScheduleKeyDeletion documents 7-30",
                                6, "the model allows 1-365 days; ScheduleKeyDeletion documents 7-30",
                                31, "the model allows 1-365 days; ScheduleKeyDeletion documents 7-30",
                                365, "the model allows 1-365 days; ScheduleKeyDeletion documents 7-30")),
                new Case("Log group name", "logs", "LogGroupName", name(NameRules.Rule.LOG_GROUP),
                        List.of("/ml/flow-logs#1", "/ml/flow logs", "x".repeat(512), "x".repeat(513), "ünicode"),
                        diff("/ml/flow logs", UNANCHORED, "ünicode", UNANCHORED)),
                new Case("Notebook name", "sagemaker", "NotebookInstanceName", name(NameRules.Rule.SAGEMAKER_NOTEBOOK),
                        List.of("ml-nb-1", "ml_nb", "-nb", "n".repeat(63), "n".repeat(64), ""),
                        diff("ml_nb", UNANCHORED, "-nb", UNANCHORED)),
                new Case("Lifecycle configuration name", "sagemaker", "NotebookInstanceLifecycleConfigName",
                        name(NameRules.Rule.SAGEMAKER_LIFECYCLE_CONFIG), List.of("lc-1", "lc_1", "l".repeat(64)),
                        diff("lc_1", UNANCHORED)),
                new Case("Pipeline name", "sagemaker", "PipelineName", name(NameRules.Rule.SAGEMAKER_PIPELINE),
                        List.of("train-1", "train 1", "p".repeat(256), "p".repeat(257)), diff("train 1", UNANCHORED)),
                new Case("Model package group name", "sagemaker", "EntityName", name(NameRules.Rule.SAGEMAKER_MODEL_PACKAGE_GROUP),
                        List.of("models-1", "models.1", "g".repeat(63), "g".repeat(64)), diff("models.1", UNANCHORED)),
                new Case("Notebook platform (provider 6.83)", "sagemaker", "PlatformIdentifier",
                        s -> NotebookPlatforms.PROVIDER_6_83_ACCEPTS.contains(s),
                        List.of("notebook-al2-v3", "notebook-al2023-v1", "notebook-al3-v1"),
                        diff("notebook-al2023-v1", "the model is newer than com.pulumi:aws 6.83, whose v5 regex lacks AL2023")),
                new Case("IAM role name", "iam", "roleNameType", s -> ServiceLimits.IAM_ROLE_NAME.matcher((String) s).matches(),
                        List.of("trainer+role@ml", "has space", "r".repeat(64), "r".repeat(65)), diff("has space", UNANCHORED)),
                new Case("IAM policy name", "iam", "policyNameType", s -> ServiceLimits.IAM_NAME_128.matcher((String) s).matches(),
                        List.of("read-data", "read/data", "p".repeat(128), "p".repeat(129)), diff("read/data", UNANCHORED)),
                new Case("IAM path", "iam", "pathType", s -> ServiceLimits.IAM_PATH.matcher((String) s).matches(),
                        List.of("/", "/ml/", "ml/", "/ml"), diff("ml/", UNANCHORED, "/ml", UNANCHORED)),
                new Case("IAM tag key", "iam", "tagKeyType", s -> TagRules.keyProblem((String) s).isEmpty(),
                        List.of("team", "aws:team", "a|b", "k".repeat(128), "k".repeat(129)),
                        diff("aws:team", "the aws: prefix is reserved (API_Tag), not in the model", "a|b", UNANCHORED)),
                new Case("SageMaker tag value", "sagemaker", "TagValue",
                        s -> TagRules.valueProblem(TagRules.Service.SAGEMAKER, (String) s).isEmpty(),
                        List.of("ml", "", "a|b", "v".repeat(256), "v".repeat(257)), diff("a|b", UNANCHORED)),
                new Case("Lifecycle script size", "sagemaker", "NotebookInstanceLifecycleConfigContent",
                        s -> ((String) s).length() <= ServiceLimits.LIFECYCLE_SCRIPT_CHARS,
                        List.of("A".repeat(16384), "A".repeat(16385)), diff()),
                new Case("Pipeline definition size", "sagemaker", "PipelineDefinition",
                        s -> ((String) s).length() <= ServiceLimits.PIPELINE_DEFINITION_CHARS,
                        List.of("{}", "x".repeat(1_048_577)), diff()),
                new Case("KMS key policy size", "kms", "PolicyType",
                        s -> ((String) s).length() <= ServiceLimits.KEY_POLICY_BYTES,
                        List.of("{}", "x".repeat(40_000)),
                        diff("x".repeat(40_000), "the model's 131,072 is the API type limit; the key policy quota is 32 KB "
                                + "(key-policy-overview.html)")));
    }

    @TestFactory
    Stream<DynamicTest> ourRulesAgreeWithTheModelsExceptWhereListed() {
        Optional<Path> data = botocore();
        Assumptions.assumeTrue(data.isPresent(), "botocore is not installed (pip install moto[server] installs it)");
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name() + " (" + c.service() + " " + c.shape() + ")", () -> {
            JsonNode shape = shape(data.get(), c.service(), c.shape());
            TreeSet<String> differences = new TreeSet<>();
            for (Object sample : c.samples()) {
                if (c.ours().test(sample) != modelAccepts(shape, sample)) {
                    differences.add(label(sample));
                }
            }
            TreeSet<String> expected = new TreeSet<>();
            c.expectedDifferences().keySet().forEach(k -> expected.add(label(k)));
            assertThat(differences).as("samples where our rule and the model disagree").isEqualTo(expected);
        }));
    }

    static TreeSet<String> enumOf(JsonNode shape) {
        TreeSet<String> out = new TreeSet<>();
        shape.path("enum").forEach(v -> out.add(v.asText()));
        return out;
    }

    /**
     * The SageMaker instance types each API accepts are the model's enumerations exactly (no expected
     * difference today: both are the API reference's Valid Values as of botocore 1.43.11).
     */
    @Test
    void sageMakerInstanceTypesAreTheModelsEnumerations() throws IOException {
        Optional<Path> data = botocore();
        Assumptions.assumeTrue(data.isPresent(), "botocore is not installed");
        assertThat(SageMakerInstanceTypes.accepted(SageMakerInstanceTypes.Api.NOTEBOOK))
                .containsExactlyInAnyOrderElementsOf(enumOf(shape(data.get(), "sagemaker", "InstanceType")));
        assertThat(SageMakerInstanceTypes.accepted(SageMakerInstanceTypes.Api.TRAINING))
                .containsExactlyInAnyOrderElementsOf(enumOf(shape(data.get(), "sagemaker", "TrainingInstanceType")));
        assertThat(SageMakerInstanceTypes.accepted(SageMakerInstanceTypes.Api.PROCESSING))
                .containsExactlyInAnyOrderElementsOf(enumOf(shape(data.get(), "sagemaker", "ProcessingInstanceType")));
    }

    /**
     * Every EC2 instance type of the model is well formed and of a family we know, and every family
     * we know has a type in the model; sample misspellings are refused by both.
     */
    @Test
    void ec2InstanceFamiliesAreTheModels() throws IOException {
        Optional<Path> data = botocore();
        Assumptions.assumeTrue(data.isPresent(), "botocore is not installed");
        TreeSet<String> types = enumOf(shape(data.get(), "ec2", "InstanceType"));
        assertThat(types).allSatisfy(t -> assertThat(Ec2InstanceTypes.problem(t)).as(t).isEmpty());
        TreeSet<String> families = new TreeSet<>();
        types.forEach(t -> families.add(t.substring(0, t.indexOf('.'))));
        assertThat(Ec2InstanceTypes.FAMILIES).containsExactlyInAnyOrderElementsOf(families);
        for (String bad : List.of("p4d.huge", "g9z.xlarge", "P4D.24XLARGE", "p4d")) {
            assertThat(Ec2InstanceTypes.problem(bad)).as(bad).isPresent();
            assertThat(types).doesNotContain(bad);
        }
    }

    @Test
    void theDirectoryIsFoundWhenBotocoreIsInstalled() {
        Optional<Path> data = botocore();
        Assumptions.assumeTrue(data.isPresent(), "botocore is not installed");
        assertThat(data.get().resolve("sagemaker")).isDirectory();
    }

    static String label(Object sample) {
        String s = String.valueOf(sample);
        return s.length() > 40 ? s.substring(0, 10) + "...(" + s.length() + ")" : s;
    }
}
