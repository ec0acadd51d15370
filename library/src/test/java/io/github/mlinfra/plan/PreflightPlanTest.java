package io.github.mlinfra.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.Context;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfiguration;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfigurationArgs;
import com.pulumi.core.Output;
import io.github.mlinfra.guard.Suppression;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The plan engine runs the preflight pack by default, on values before secrets are masked. */
class PreflightPlanTest {
    static final String SECRET_SCRIPT = "QUJD".repeat(4097); // 16,388 base64 characters, over the 16,384 limit

    static Consumer<Context> hugeSecretScript() {
        return ctx -> new NotebookInstanceLifecycleConfiguration("lc", NotebookInstanceLifecycleConfigurationArgs.builder()
                .name("lc").onStart(Output.ofSecret(SECRET_SCRIPT)).build());
    }

    @Test
    void aSecretScriptOverTheLimitFailsThePlanWithoutShowingTheSecret() {
        assertThatThrownBy(() -> PlanEngine.plan(hugeSecretScript()))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("preflight MLI-PRE-15: resource aws:sagemaker/notebookInstanceLifecycleConfiguration:"
                        + "NotebookInstanceLifecycleConfiguration 'lc': onStart: 16388 base64 characters, more than 16384")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("QUJD"));
    }

    @Test
    void aSecretScriptWithinTheLimitPlansAndStaysMasked() {
        Plan plan = PlanEngine.plan(ctx -> new NotebookInstanceLifecycleConfiguration("lc",
                NotebookInstanceLifecycleConfigurationArgs.builder().name("lc").onStart(Output.ofSecret("QUJD".repeat(4096))).build()));
        assertThat(plan.toJson()).contains("[secret]").doesNotContain("QUJD");
    }

    @Test
    void theSwitchTurnsPreflightOffAndASuppressionAcceptsAFinding() {
        PlanOptions off = PlanOptions.builder().preflight(false).build();
        assertThat(PlanEngine.plan(hugeSecretScript(), off).getResources()).filteredOn(r -> r.isCustom()).hasSize(1);
        PlanOptions suppressed = PlanOptions.builder().addPreflightSuppressions(Suppression.of("MLI-PRE-11", "k",
                "This test key is never deployed; the window is deliberately short.")).build();
        Consumer<Context> shortWindow = ctx -> new Key("k", KeyArgs.builder().deletionWindowInDays(3).build());
        assertThatThrownBy(() -> PlanEngine.plan(shortWindow)).hasMessageContaining("preflight MLI-PRE-11");
        assertThat(PlanEngine.plan(shortWindow, suppressed).getResources()).filteredOn(r -> r.isCustom()).hasSize(1);
    }
}
