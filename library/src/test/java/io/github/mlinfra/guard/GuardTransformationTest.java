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

    @Test
    void rulesThatJoinResourcesRunWhenEverythingHasItsId() {
        Guard guard = Guard.builder().minSeverity(io.github.mlinfra.controls.Severity.CRITICAL).build();
        assertThatThrownBy(() -> PlanEngine.plan(guard.guarded(ctx -> {
            var b = new com.pulumi.aws.s3.BucketV2("site", com.pulumi.aws.s3.BucketV2Args.builder().build());
            new com.pulumi.aws.s3.BucketPolicy("site-policy", com.pulumi.aws.s3.BucketPolicyArgs.builder().bucket(b.id())
                    .policy(b.arn().applyValue(arn -> "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Public\","
                            + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\""
                            + arn + "/*\"}]}")).build());
        }), with(guard)))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("resource aws:s3/bucketV2:BucketV2 'site' violates MLI-S3-02");
        Plan ok = PlanEngine.plan(guard.guarded(ctx -> new com.pulumi.aws.s3.BucketV2("quiet",
                com.pulumi.aws.s3.BucketV2Args.builder().build())), with(guard));
        assertThat(ok.find("quiet")).isPresent();
        assertThat(ok.find("mlinfra-guard")).isPresent();
    }
}
