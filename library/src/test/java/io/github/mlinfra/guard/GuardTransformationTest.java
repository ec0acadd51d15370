package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.sagemaker.NotebookInstance;
import com.pulumi.aws.sagemaker.NotebookInstanceArgs;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfiguration;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfigurationArgs;
import com.pulumi.aws.sagemaker.inputs.NotebookInstanceInstanceMetadataServiceConfigurationArgs;
import com.pulumi.core.Output;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlanEngine;
import io.github.mlinfra.plan.PlanException;
import io.github.mlinfra.plan.PlanOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardTransformationTest {
    static final com.pulumi.resources.CustomResourceOptions PROTECT =
            com.pulumi.resources.CustomResourceOptions.builder().protect(true).build();

    static PlanOptions with(Guard guard) {
        return PlanOptions.builder().transformations(List.of(guard.transformation())).build();
    }

    @Test
    void aNonCompliantResourceStopsTheRunNamingRuleAndResource() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new SecurityGroup("web", SecurityGroupArgs.builder()
                .ingress(SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(80).toPort(80).cidrBlocks("0.0.0.0/0").build())
                .build()), with(Guard.defaults())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("resource aws:ec2/securityGroup:SecurityGroup 'web' violates MLI-EC2-04")
                .hasMessageContaining("ingress.0 allows tcp 80-80 from 0.0.0.0/0");
    }

    @Test
    void theProtectOptionIsRead() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new Key("key", KeyArgs.builder().enableKeyRotation(true)
                .policy(String.format(KmsIamRulesTest.KEY_POLICY, "123456789012")).build()), with(Guard.defaults())))
                .isInstanceOf(PlanException.class).hasMessageContaining("'key' violates MLI-KMS-04");
    }

    @Test
    void nestedArgsAndPlainValuesAreRead() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new NotebookInstance("nb", NotebookInstanceArgs.builder()
                .roleArn("arn:aws:iam::123456789012:role/r").instanceType("ml.t3.medium").kmsKeyId("k")
                .directInternetAccess("Disabled").rootAccess("Disabled").subnetId("subnet-1").securityGroups("sg-1")
                .instanceMetadataServiceConfiguration(NotebookInstanceInstanceMetadataServiceConfigurationArgs.builder()
                        .minimumInstanceMetadataServiceVersion("1").build())
                .build()), with(Guard.defaults())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("'nb' violates MLI-SM-05")
                .hasMessageContaining("minimumInstanceMetadataServiceVersion is 1");
    }

    @Test
    void compliantResourcesSecretsAndUnknownValuesPass() {
        Plan plan = PlanEngine.plan(ctx -> {
            var key = new Key("key", KeyArgs.builder().enableKeyRotation(true)
                    .policy(String.format(KmsIamRulesTest.KEY_POLICY, "123456789012")).build(), PROTECT);
            new NotebookInstanceLifecycleConfiguration("lc", NotebookInstanceLifecycleConfigurationArgs.builder()
                    .onStart(Output.ofSecret("not base64 but hidden")).build());
            new Key("later", KeyArgs.builder().enableKeyRotation(true).policy(key.arn().applyValue(a ->
                    String.format(KmsIamRulesTest.KEY_POLICY, "123456789012"))).build(), PROTECT);
        }, with(Guard.defaults()));
        assertThat(plan.getResources()).filteredOn(r -> r.isCustom()).extracting(r -> r.getName())
                .containsExactlyInAnyOrder("key", "lc", "later");
    }

    @Test
    void suppressionsAndMinimumSeverityLetResourcesThrough() {
        Guard suppressed = Guard.builder().addSuppressions(Suppression.builder()
                .control(io.github.mlinfra.controls.Control.KMS_ROTATION).resource("key").type("aws:kms/key:Key")
                .justification(GuardTest.REASON).build()).build();
        Plan plan = PlanEngine.plan(ctx -> new Key("key", KeyArgs.builder()
                .policy(String.format(KmsIamRulesTest.KEY_POLICY, "123456789012")).build(), PROTECT), with(suppressed));
        assertThat(plan.resource("key")).isNotNull();
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new Key("other", KeyArgs.builder()
                .policy(String.format(KmsIamRulesTest.KEY_POLICY, "123456789012")).build(), PROTECT), with(suppressed)))
                .hasMessageContaining("'other' violates MLI-KMS-01");
        Plan high = PlanEngine.plan(ctx -> new Key("other", KeyArgs.builder()
                .policy(String.format(KmsIamRulesTest.KEY_POLICY, "123456789012")).build(), PROTECT),
                with(Guard.builder().minSeverity(io.github.mlinfra.controls.Severity.HIGH).build()));
        assertThat(high.find("other")).isPresent();
    }

    /** A bucket made public by its separate policy: only the joined rules see it. */
    static void publicSite(String name) {
        var b = new com.pulumi.aws.s3.BucketV2(name, com.pulumi.aws.s3.BucketV2Args.builder().build());
        new com.pulumi.aws.s3.BucketPolicy(name + "-policy", com.pulumi.aws.s3.BucketPolicyArgs.builder().bucket(b.id())
                .policy(b.arn().applyValue(arn -> "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Public\","
                        + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\""
                        + arn + "/*\"}]}")).build());
    }

    static PlanOptions with(Guard.LiveGate gate) {
        return PlanOptions.builder().transformations(List.of(gate.transformation())).build();
    }

    @Test
    void rulesThatJoinResourcesRunWhenEverythingHasItsId() {
        Guard guard = Guard.builder().minSeverity(io.github.mlinfra.controls.Severity.CRITICAL).build();
        Guard.LiveGate first = guard.gate();
        assertThatThrownBy(() -> PlanEngine.plan(first.guarded(ctx -> publicSite("site")), with(first)))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("resource aws:s3/bucketV2:BucketV2 'site' violates MLI-S3-02");
        Guard.LiveGate second = guard.gate();
        Plan ok = PlanEngine.plan(second.guarded(ctx -> new com.pulumi.aws.s3.BucketV2("quiet",
                com.pulumi.aws.s3.BucketV2Args.builder().build())), with(second));
        assertThat(ok.find("quiet")).isPresent();
        assertThat(ok.find("mlinfra-guard")).isPresent();
    }

    @Test
    void oneGuardChecksTwoProgramsAtOnceOnTwoThreads() throws Exception {
        Guard guard = Guard.builder().minSeverity(io.github.mlinfra.controls.Severity.CRITICAL).build();
        // both programs have registered everything before either one's joined check runs: a guard
        // sharing one list of registrations would judge the quiet program by the public site
        var bothRegistered = new java.util.concurrent.CyclicBarrier(2);
        java.util.function.Consumer<Runnable> meet = body -> {
            body.run();
            try {
                bothRegistered.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other program did not register in time", e);
            }
        };
        Guard.LiveGate noisyGate = guard.gate();
        Guard.LiveGate quietGate = guard.gate();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var noisy = pool.submit(() -> PlanEngine.plan(noisyGate.guarded(ctx -> meet.accept(() -> publicSite("site"))),
                    with(noisyGate)));
            var quiet = pool.submit(() -> PlanEngine.plan(quietGate.guarded(ctx -> meet.accept(() ->
                    new com.pulumi.aws.s3.BucketV2("quiet", com.pulumi.aws.s3.BucketV2Args.builder().build()))), with(quietGate)));
            Plan ok = quiet.get(5, java.util.concurrent.TimeUnit.MINUTES);
            assertThat(ok.find("quiet")).isPresent();
            assertThat(ok.find("site")).isEmpty();
            assertThatThrownBy(() -> noisy.get(5, java.util.concurrent.TimeUnit.MINUTES))
                    .hasCauseInstanceOf(PlanException.class)
                    .hasMessageContaining("resource aws:s3/bucketV2:BucketV2 'site' violates MLI-S3-02");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWaiverTagOnTheResourceLetsItThroughTheLiveGate() {
        Waiver waiver = Waiver.of(io.github.mlinfra.controls.Control.KMS_ROTATION,
                "Short-lived experiment key; it is destroyed with the stack after one day.");
        Plan plan = PlanEngine.plan(ctx -> new Key("waived", KeyArgs.builder()
                .policy(String.format(KmsIamRulesTest.KEY_POLICY, "123456789012"))
                .tags(java.util.Map.of(waiver.tagKey(), waiver.tagValue())).build(), PROTECT), with(Guard.defaults()));
        assertThat(plan.resource("waived").getWaivers()).extracting(Waiver::getControl)
                .containsExactly(io.github.mlinfra.controls.Control.KMS_ROTATION);
        // the same key without the tag is stopped (MLI-KMS-01: rotation off)
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new Key("plain", KeyArgs.builder()
                .policy(String.format(KmsIamRulesTest.KEY_POLICY, "123456789012")).build(), PROTECT), with(Guard.defaults())))
                .hasMessageContaining("'plain' violates MLI-KMS-01");
    }
}
