package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Severity;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.guard.rules.Rules;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardTest {
    static final String REASON = "Short-lived experiment key; it is destroyed with the stack after one day.";

    /**
     * A component that waives rotation on its key, as library components record it: a waiver tag on
     * the key and the full waiver in the component's registered outputs.
     */
    static final class WaivingKey extends ComponentResource {
        WaivingKey(String name) {
            super("test:index:WaivingKey", name, ComponentResourceOptions.builder().build());
            Waiver waiver = Waiver.of(Control.KMS_ROTATION, REASON);
            new Key(name + "-key", KeyArgs.builder().policy(String.format(KmsIamRulesTest.KEY_POLICY, "123456789012"))
                    .tags(java.util.Map.of(waiver.tagKey(), waiver.tagValue()))
                    .build(), CustomResourceOptions.builder().parent(this).build());
            registerOutputs(java.util.Map.of(ResourceTags.WAIVERS_OUTPUT, ResourceTags.waiverOutputs(List.of(waiver))));
        }
    }

    static Plan twoKeys() {
        return GuardTesting.plan(ctx -> {
            new WaivingKey("waived");
            new Key("plain", KeyArgs.builder().policy(String.format(KmsIamRulesTest.KEY_POLICY, "123456789012")).build());
        });
    }

    @Test
    void aWaiverInThePlanSuppressesTheFindingWithItsJustification() {
        PostureReport r = Guard.defaults().check(twoKeys());
        Finding waived = r.findingsOf("MLI-KMS-01").stream().filter(f -> f.getResourceName().equals("waived-key")).findFirst().orElseThrow();
        assertThat(waived.isSuppressed()).isTrue();
        assertThat(waived.getJustification()).contains(REASON);
        Finding plain = r.findingsOf("MLI-KMS-01").stream().filter(f -> f.getResourceName().equals("plain")).findFirst().orElseThrow();
        assertThat(plain.isSuppressed()).isFalse();
        assertThat(plain.getJustification()).isEmpty();
        assertThat(r.suppressedCount()).isEqualTo(1);
        assertThat(r.openFindings()).doesNotContain(waived);
    }

    @Test
    void anExplicitSuppressionByNameOrUrnSuppresses() {
        Plan plan = twoKeys();
        String urn = plan.resource("plain").getUrn();
        PostureReport byName = Guard.builder().addSuppressions(Suppression.of("MLI-KMS-01", "plain", REASON)).build().check(plan);
        assertThat(byName.findingsOf("MLI-KMS-01")).allMatch(Finding::isSuppressed);
        PostureReport byUrn = Guard.builder().addSuppressions(Suppression.of("MLI-KMS-01", urn, REASON)).build().check(plan);
        assertThat(byUrn.findingsOf("MLI-KMS-01")).allMatch(Finding::isSuppressed);
        PostureReport otherRule = Guard.builder().addSuppressions(Suppression.of("MLI-KMS-02", "plain", REASON)).build().check(plan);
        assertThat(otherRule.findingsOf("MLI-KMS-01")).filteredOn(f -> f.getResourceName().equals("plain"))
                .noneMatch(Finding::isSuppressed);
        PostureReport wrongType = Guard.builder().addSuppressions(Suppression.builder().control(Control.KMS_ROTATION)
                .resource("plain").type("aws:s3/bucketV2:BucketV2").justification(REASON).build()).build().check(plan);
        assertThat(wrongType.findingsOf("MLI-KMS-01")).filteredOn(f -> f.getResourceName().equals("plain"))
                .noneMatch(Finding::isSuppressed);
    }

    @Test
    void aTooShortJustificationOrUnknownRuleIsRejected() {
        assertThatThrownBy(() -> Suppression.of("MLI-KMS-01", "plain", "because"))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessageContaining("Suppression.justification")
                .hasMessageContaining("at least 20 characters with at least 3 words of 3 or more letters");
        // filler is no justification either: the same rule as a waiver's
        assertThatThrownBy(() -> Suppression.of("MLI-KMS-01", "plain", "a b c d e f g h i j k l"))
                .isInstanceOf(InvalidArgsException.class).hasMessageContaining("too short or filler");
        assertThatThrownBy(() -> Suppression.of("MLI-NOPE-01", "plain", REASON))
                .isInstanceOf(InvalidArgsException.class).hasMessageContaining("Suppression.rule").hasMessageContaining("MLI-NOPE-01");
    }

    @Test
    void packsSelectByExternalMappingAndSeverityFilters() {
        List<Rule> fsbp = Guard.builder().pack("fsbp").build().rules();
        assertThat(fsbp).isNotEmpty().allMatch(r -> r.control().isPreflight()
                || r.control().externalControls().stream().anyMatch(c -> c.startsWith("FSBP ")));
        assertThat(fsbp).extracting(Rule::id).contains("MLI-S3-01", "MLI-KMS-04")
                // KMS.4 (rotation) is in CIS, NIST and PCI, not FSBP (securityhub-controls.json)
                .doesNotContain("MLI-S3-04", "MLI-SM-07", "MLI-KMS-01");
        List<Rule> nag = Guard.builder().pack(RulePack.CDK_NAG_AWS_SOLUTIONS).build().rules();
        assertThat(nag).extracting(Rule::id).contains("MLI-S3-03", "MLI-IAM-01").doesNotContain("MLI-S3-05");
        assertThat(Guard.defaults().rules()).hasSameSizeAs(Rules.all());
        assertThat(Guard.builder().minSeverity(Severity.HIGH).build().rules())
                .allMatch(r -> r.control().severity().compareTo(Severity.HIGH) >= 0)
                .extracting(Rule::id).doesNotContain("MLI-KMS-01");
        assertThatThrownBy(() -> Guard.builder().pack("nist")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown pack 'nist'; expected one of mlinfra, fsbp, cdk-nag-aws-solutions, preflight");
    }

    @Test
    void everyRuleImplementsADistinctControlWithARationale() {
        assertThat(Rules.all()).extracting(Rule::control).doesNotHaveDuplicates();
        assertThat(Rules.all()).allSatisfy(r -> assertThat(r.rationale()).hasSizeGreaterThan(60));
        assertThat(Rules.byId("MLI-S3-03")).map(Rule::control).contains(Control.S3_TLS_ONLY);
    }

    @Test
    void failsAtHonoursThresholdAndSuppressions() {
        Plan plan = twoKeys();
        PostureReport r = Guard.defaults().check(plan);
        assertThat(r.failsAt(Severity.LOW)).isTrue();
        PostureReport allSuppressed = Guard.builder()
                .addAllSuppressions(r.openFindings().stream().map(f -> Suppression.of(f.getRule(), f.getUrn(), REASON))
                        .collect(java.util.stream.Collectors.toList()))
                .build().check(plan);
        assertThat(allSuppressed.failsAt(Severity.LOW)).isFalse();
        assertThat(allSuppressed.findingCount()).isEqualTo(r.findingCount());
        assertThat(allSuppressed.suppressedCount()).isEqualTo(r.findingCount());
    }
}
