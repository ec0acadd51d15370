package io.github.mlinfra.examples.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.resources.InputArgs;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.internal.PulumiTestInternal;
import io.github.mlinfra.cli.Main;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanOptions;
import io.github.mlinfra.plan.PlannedResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Guarantees every example keeps: pinned identities, protected state, no secret in any output. */
class ExampleGuaranteesTest {
    /** Stateful types whose replacement or deletion loses data or locks data out. */
    static final Set<String> STATEFUL = Set.of("aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket", "aws:kms/key:Key",
            "aws:ebs/volume:Volume", "aws:cloudwatch/logGroup:LogGroup");

    private static Path urnsDir() {
        return Path.of(System.getProperty("examples.dir", ".."), "plans", "src", "test", "resources", "urns");
    }

    /** The URNs of a plan, one per line: type chain and name, so a rename or re-parenting shows. */
    static String urns(Plan plan) {
        return plan.getResources().stream().map(PlannedResource::getUrn).sorted().collect(Collectors.joining("\n")) + "\n";
    }

    @Test
    void urnsArePinned() throws IOException {
        boolean update = Boolean.getBoolean("urns.update");
        for (Map.Entry<String, Plan> e : Examples.plans().entrySet()) {
            Path file = urnsDir().resolve(e.getKey() + ".txt");
            String actual = urns(e.getValue());
            if (update) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                continue;
            }
            assertThat(file).as("pinned URNs of %s (create with -Durns.update=true)", e.getKey()).exists();
            assertThat(actual).as("URNs of example %s changed: renaming or re-parenting a child replaces it "
                    + "(a locked bucket, a key). Add aliases for renamed children, then re-pin with "
                    + "./mvnw -pl examples/plans verify -Durns.update=true", e.getKey())
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }
    }

    @Test
    void statefulResourcesAreProtectedUnlessWaived() {
        int checked = 0;
        for (Map.Entry<String, Plan> e : Examples.plans().entrySet()) {
            for (PlannedResource r : e.getValue().getResources()) {
                if (!STATEFUL.contains(r.getType())) {
                    continue;
                }
                boolean waived = r.getWaivers().stream().anyMatch(w -> w.getControl() == Control.S3_DELETION_PROTECTION
                        || w.getControl() == Control.KMS_DELETION_PROTECTION);
                assertThat(r.isProtect() || waived).as("%s %s in %s is protected", r.getType(), r.getName(), e.getKey()).isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(0);
    }

    @Test
    void noSecretValueAppearsInPlansReportsOrLogs() throws Exception {
        int collected = 0;
        for (Map.Entry<String, String> e : Examples.classes().entrySet()) {
            Set<String> secrets = ConcurrentHashMap.newKeySet();
            ResourceTransformation collect = args -> {
                InputArgs in = (InputArgs) args.args();
                Map<String, com.pulumi.core.Output<?>> map = InputArgs.InputArgsInternal.from(in)
                        .toMapAsync(PulumiTestInternal.mockLog()).join();
                map.values().forEach(o -> {
                    OutputData<?> d = Internal.of(o).getDataAsync().join();
                    if (d.isSecret() && d.getValueNullable() != null) {
                        String v = String.valueOf(d.getValueNullable());
                        secrets.add(v);
                    }
                });
                return Optional.empty();
            };
            Plan plan = PlanEngine.plan(Examples.program(e.getValue()), PlanOptions.builder().project(e.getKey())
                    .transformations(List.of(collect)).build());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Path dir = Files.createTempDirectory("plans");
            int code = Main.run(new String[] {"plan", "--dir", dir.toString(), e.getKey() + "=" + e.getValue()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).as("plan of %s", e.getKey()).isZero();
            Path target = dir.resolve(e.getKey()).resolve("target");
            assertThat(Files.readString(target.resolve("plan.json"))).as("plan.json carries the guard's findings")
                    .contains("\"findings\"");
            assertThat(Files.readString(target.resolve("posture.sarif"))).as("posture.sarif of %s", e.getKey())
                    .contains("2.1.0").contains("\"runs\"");
            String everything = plan.toJson() + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)
                    + Files.readString(target.resolve("plan.json")) + Files.readString(target.resolve("posture.sarif"));
            for (String secret : secrets) {
                assertThat(everything).as("a secret of %s leaked", e.getKey()).doesNotContain(secret);
            }
            collected += secrets.size();
        }
        assertThat(collected).as("secret inputs found across the examples (the notebook's lifecycle scripts)").isGreaterThan(0);
    }

    /**
     * No example holds a credential in plain text: the secrets rules (MLI-SEC-*) find nothing in
     * their plans, and the scanner finds nothing in the values the plans hold as {@code [secret]}
     * (the notebook's lifecycle scripts), read before they are masked.
     */
    @Test
    void noPlainTextCredentials() {
        for (Map.Entry<String, Plan> e : Examples.plans().entrySet()) {
            assertThat(io.github.mlinfra.guard.Guard.defaults().check(e.getValue()).getFindings())
                    .as("secrets findings of %s", e.getKey()).noneMatch(f -> f.getRule().startsWith("MLI-SEC-"));
        }
        int scanned = 0;
        for (Map.Entry<String, String> e : Examples.classes().entrySet()) {
            List<String> secretInputs = new java.util.concurrent.CopyOnWriteArrayList<>();
            ResourceTransformation collect = args -> {
                Map<String, com.pulumi.core.Output<?>> map = InputArgs.InputArgsInternal.from((InputArgs) args.args())
                        .toMapAsync(PulumiTestInternal.mockLog()).join();
                map.values().forEach(o -> {
                    OutputData<?> d = Internal.of(o).getDataAsync().join();
                    if (d.isSecret() && d.getValueNullable() instanceof String s) {
                        secretInputs.add(s);
                    }
                });
                return Optional.empty();
            };
            PlanEngine.plan(Examples.program(e.getValue()), PlanOptions.builder().project(e.getKey())
                    .transformations(List.of(collect)).build());
            for (String v : secretInputs) {
                assertThat(io.github.mlinfra.guard.rules.SecretScanner.scan(
                        io.github.mlinfra.guard.rules.SecretScanner.decodedIfBase64(v)))
                        .as("credentials in a secret input of %s", e.getKey()).isEmpty();
                scanned++;
            }
        }
        assertThat(scanned).as("secret inputs scanned (the notebook's lifecycle scripts)").isGreaterThan(0);
    }

    /**
     * No input carries a Java value's {@code toString()} instead of its value: an
     * {@code Optional[...]}, {@code Optional.empty} or {@code Class@1a2b3c} text is accepted by the
     * mock engine and often by AWS (the pipeline's job security group description once read
     * {@code Optional[<pipeline name>]}), and a description cannot change without replacing the
     * resource.
     */
    @Test
    void noInputRendersAJavaObjectInsteadOfItsValue() throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        int strings = 0;
        for (Map.Entry<String, Plan> e : Examples.plans().entrySet()) {
            for (PlannedResource r : e.getValue().getResources()) {
                List<String> texts = new java.util.ArrayList<>();
                collectStrings(json.valueToTree(r.getInputs()), texts);
                for (String t : texts) {
                    assertThat(t).as("an input of %s in %s", r.getUrn(), e.getKey())
                            .doesNotContain("Optional[").doesNotContain("Optional.empty")
                            .doesNotContainPattern("[A-Za-z]\\$?[A-Za-z]*@[0-9a-f]{6,8}\\b(?![.-])");
                    strings++;
                }
            }
        }
        assertThat(strings).as("input strings read (967 on 2026-11-30)").isGreaterThan(500);
    }

    private static void collectStrings(com.fasterxml.jackson.databind.JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.add(n.asText());
        }
        n.forEach(c -> collectStrings(c, out));
    }
}
