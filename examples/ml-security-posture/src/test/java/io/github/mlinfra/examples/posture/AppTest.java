package io.github.mlinfra.examples.posture;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.resources.ResourceTransformation;
import io.github.mlinfra.iam.StarOnlyActions;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanOptions;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppTest {
    private static Plan plan;

    @BeforeAll
    static void planOnce() {
        plan = PlanEngine.plan(App::stack);
    }

    private static String id(String name) {
        return plan.resource(name).getId().orElseThrow();
    }

    @Test
    void exportsTheNotebookNameOnly() {
        assertThat(plan.getOutputs()).containsOnlyKeys("notebook_instance_name")
                .containsEntry("notebook_instance_name", "mlinfra-mlinfra-dev-posture-notebook"); // from project and stack
    }

    @Test
    void notebookIsPrivateEncryptedAndHardened() {
        String keyArn = (String) plan.resource("posture-key-key").getOutputs().get("arn");
        assertThat(plan.resource("posture-notebook-notebook").getInputs())
                .containsEntry("directInternetAccess", "Disabled")
                .containsEntry("rootAccess", "Disabled")
                .containsEntry("subnetId", id("posture-net-private-0"))
                .containsEntry("securityGroups", List.of(id("posture-notebook-sg")))
                .containsEntry("kmsKeyId", keyArn)
                .containsEntry("instanceMetadataServiceConfiguration", Map.of("minimumInstanceMetadataServiceVersion", "2"))
                .doesNotContainKey("platformIdentifier")    // AWS's default, notebook-al2023-v1
                .containsEntry("lifecycleConfigName", plan.resource("posture-notebook-lifecycle").getInputs().get("name"));
        assertThat(plan.resource("posture-notebook-lifecycle").getInputs()).containsEntry("onStart", "[secret]");
        assertThat(plan.toJson()).doesNotContain("terminals_enabled");
    }

    @Test
    void onStartScriptQueuesTheJupyterRestartAndRunsOnAl2023() {
        String script = App.onStartScript();
        assertThat(script).startsWith("#!/bin/bash\n").doesNotContain("\r").doesNotContain("\0")
                .contains("\nsystemctl --no-block restart jupyter-server.service\n")
                .doesNotContainPattern("systemctl\\s+restart")          // would wait for a server that starts after the script
                .doesNotContainPattern("\\b(initctl|yum)\\b");          // Amazon Linux 1 / 2 only
        // Every append is guarded by a grep for the very line it appends, so restarts do not grow the file.
        assertThat(script.replace("\\\n", " ").lines().filter(l -> l.contains(">>")))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).matches("grep -qxF '([^']+)' (\\S+) 2>/dev/null\\s+\\|\\| echo '\\1' >> \\2"));
    }

    /** What the stack sends to SageMaker: onStart, decoded from the secret base64 the component passes on. */
    @Test
    void theLifecycleConfigurationCarriesThisScriptAsSecretBase64() {
        List<String> onStart = new java.util.concurrent.CopyOnWriteArrayList<>();
        ResourceTransformation capture = a -> {
            if (a.args() instanceof com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfigurationArgs lc) {
                OutputData<String> d = Internal.of(lc.onStart().orElseThrow()).getDataAsync().join();
                assertThat(d.isSecret()).isTrue();
                onStart.add(d.getValueNullable());
            }
            return Optional.empty();
        };
        PlanEngine.plan(App::stack, PlanOptions.builder().transformations(List.of(capture)).build());
        assertThat(onStart).singleElement().satisfies(b64 -> assertThat(
                new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8))
                .isEqualTo(App.onStartScript())
                .contains("systemctl --no-block restart jupyter-server.service"));
    }

    /**
     * Runs the script's configuration steps twice under bash, in a scratch home, with {@code chown} and
     * {@code systemctl} stubbed: the Jupyter config and .bashrc gain their lines once, and the only call to
     * systemctl is a non-blocking restart.
     */
    @Test
    void onStartScriptIsIdempotent(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Path bin = dir.resolve("bin");
        Files.createDirectories(home);
        Files.createDirectories(bin);
        Path calls = dir.resolve("calls.log");
        for (String stub : List.of("chown", "systemctl")) {
            Path f = bin.resolve(stub);
            Files.writeString(f, "#!/bin/bash\necho \"" + stub + " $*\" >> '" + calls + "'\n");
            assertThat(f.toFile().setExecutable(true)).isTrue();
        }
        Path script = dir.resolve("on-start.sh");
        Files.writeString(script, App.onStartScript().replace("/home/ec2-user", home.toString()));
        for (int run = 0; run < 2; run++) {
            var pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
            pb.environment().put("PATH", bin + ":/usr/bin:/bin");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
        }
        assertThat(Files.readAllLines(home.resolve(".jupyter/jupyter_server_config.py")))
                .containsExactly("c.ServerApp.terminals_enabled = False");
        assertThat(Files.readAllLines(home.resolve(".bashrc"))).containsExactly("umask 077");
        assertThat(Files.readAllLines(calls).stream().filter(l -> l.startsWith("systemctl")))
                .containsExactly("systemctl --no-block restart jupyter-server.service",
                        "systemctl --no-block restart jupyter-server.service");
    }

    @Test
    void roleHasNoManagedPolicyAndNoWildcardAction() {
        assertThat(plan.resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).isEmpty();
        for (var rp : plan.resourcesOfType("aws:iam/rolePolicy:RolePolicy")) {
            for (Statement s : PolicyDocument.parse((String) rp.getInputs().get("policy")).getStatements()) {
                assertThat(s.getActions()).noneMatch(Statement::isWildcardAction);
                if (s.getResources().contains("*")) {
                    assertThat(s.getActions()).allMatch(StarOnlyActions::contains);
                }
            }
        }
        var policy = PolicyDocument.parse((String) plan.resource("posture-notebook-role-policy").getInputs().get("policy"));
        assertThat(policy.getStatements()).extracting(s -> s.getSid().orElse(""))
                .contains("UseNotebookKey", "NotebookLogs", "DescribeOwnNotebook");
        assertThat(policy.toJson()).contains("datasets/").contains("experiments/");
    }

    @Test
    void networkIsPrivateWithFlowLogsAndAClosedDefaultGroup() {
        assertThat(plan.resourcesOfType("aws:ec2/internetGateway:InternetGateway")).isEmpty();
        assertThat(plan.resourcesOfType("aws:ec2/subnet:Subnet")).hasSize(2);
        assertThat(plan.resource("posture-net-default-sg").getInputs())
                .containsEntry("ingress", List.of()).containsEntry("egress", List.of());
        assertThat(plan.resource("posture-net-flow-log").getInputs()).containsEntry("vpcId", id("posture-net-vpc"))
                .containsEntry("trafficType", "ALL")
                .containsEntry("logDestination", plan.resource("posture-net-flow-log-group").getOutputs().get("arn"));
        assertThat(plan.resourcesOfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"))
                .noneMatch(r -> "0.0.0.0/0".equals(r.getInputs().get("cidrIpv4")));
    }

    @Test
    void auditTrailIsMultiRegionValidatedAndEncrypted() {
        var trails = plan.resourcesOfType("aws:cloudtrail/trail:Trail");
        assertThat(trails).singleElement().satisfies(t -> assertThat(t.getInputs())
                .containsEntry("isMultiRegionTrail", true)
                .containsEntry("includeGlobalServiceEvents", true)
                .containsEntry("enableLogFileValidation", true)
                .containsKey("kmsKeyId")
                .containsKey("cloudWatchLogsGroupArn"));
        assertThat(trails.get(0).getParent()).contains(plan.resource("posture-audit").getUrn());
    }

    @Test
    void guardFindsNothingOpenOnTheNetworkOrTheNotebook() {
        var report = io.github.mlinfra.guard.Guard.defaults().check(plan);
        assertThat(report.openFindings()).filteredOn(f -> f.getUrn().contains("mlinfra:network:PrivateNetwork")
                || f.getUrn().contains("mlinfra:sagemaker:HardenedNotebook")).isEmpty();
    }
}
