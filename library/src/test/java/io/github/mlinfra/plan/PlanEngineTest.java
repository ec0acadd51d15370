package io.github.mlinfra.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfiguration;
import com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfigurationArgs;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PlanEngineTest {

    static final class Holder extends ComponentResource {
        Holder(String name) {
            super("test:index:Holder", name, ComponentResourceOptions.builder().build());
            var bucket = new BucketV2(name + "-bucket", BucketV2Args.builder().objectLockEnabled(true).build(),
                    CustomResourceOptions.builder().parent(this).protect(true).build());
            new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                    .bucket(bucket.id())
                    .policy(bucket.arn().applyValue(arn -> "{\"Resource\":\"" + arn + "\"}"))
                    .build(), CustomResourceOptions.builder().parent(this).build());
            registerOutputs(Map.of("bucket", bucket.bucket()));
        }
    }

    @Test
    void recordsResourcesParentsProtectOutputsAndCrossReferences() throws Exception {
        Plan plan = PlanEngine.plan(ctx -> {
            new Holder("ckpt");
            new NotebookInstanceLifecycleConfiguration("lc", NotebookInstanceLifecycleConfigurationArgs.builder()
                    .onStart(Output.ofSecret("IyEvYmluL2Jhc2gKZWNobyBzM2NyM3Q="))
                    .build());
            ctx.export("token", Output.ofSecret("s3cr3t-token"));
            ctx.export("answer", Output.of(42));
        }, PlanOptions.builder().project("proj").stack("dev").build());

        var bucket = plan.resource("ckpt-bucket");
        assertThat(bucket.getUrn()).isEqualTo("urn:pulumi:dev::proj::test:index:Holder$aws:s3/bucketV2:BucketV2::ckpt-bucket");
        assertThat(bucket.getParent()).contains("urn:pulumi:dev::proj::test:index:Holder::ckpt");
        assertThat(bucket.isProtect()).isTrue();
        assertThat(bucket.isCustom()).isTrue();
        assertThat(bucket.getInputs()).containsEntry("objectLockEnabled", true);
        String name = (String) bucket.getOutputs().get("bucket");
        assertThat(name).matches("ckpt-bucket-[0-9a-f]{7}");
        assertThat(bucket.getId()).contains(name);
        assertThat(bucket.getOutputs()).containsEntry("arn", "arn:aws:s3:::" + name);

        var policy = plan.resource("ckpt-policy");
        assertThat(policy.isProtect()).isFalse();
        assertThat(policy.getInputs()).containsEntry("bucket", name)
                .containsEntry("policy", "{\"Resource\":\"arn:aws:s3:::" + name + "\"}");

        var holder = plan.resource("ckpt");
        assertThat(holder.isCustom()).isFalse();
        assertThat(holder.getId()).isEmpty();
        assertThat(holder.getParent()).contains("urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev");

        assertThat(plan.resource("lc").getInputs()).containsEntry("onStart", "[secret]");
        assertThat(plan.getOutputs()).containsEntry("token", "[secret]").containsEntry("answer", 42L);

        String json = plan.toJson();
        assertThat(json).doesNotContain("s3cr3t").doesNotContain("IyEvYmluL2Jhc2gKZWNobyBzM2NyM3Q=");
        assertThat(json).contains("\"answer\" : 42").doesNotContain("42.0");
        var tree = new ObjectMapper().readTree(json);
        assertThat(tree.path("resources").size()).isEqualTo(plan.getResources().size());
        assertThat(Plan.fromJson(json)).isEqualTo(plan);
        assertThat(plan.renderTree()).contains("└─ aws:s3/bucketV2:BucketV2").contains("ckpt-bucket");
    }

    @Test
    void isDeterministic() {
        String a = PlanEngine.plan(ctx -> new Holder("x")).toJson();
        String b = PlanEngine.plan(ctx -> new Holder("x")).toJson();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void answersCallerIdentityWithTheConfiguredAccount() {
        Plan plan = PlanEngine.plan(ctx -> {
            Output<GetCallerIdentityResult> me = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build());
            ctx.export("account", me.applyValue(GetCallerIdentityResult::accountId));
        }, PlanOptions.builder().accountId("210987654321").build());
        assertThat(plan.getOutputs()).containsEntry("account", "210987654321");
    }

    @Test
    void anUnknownInvokeFailsThePlanNamingIt() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> ctx.export("p",
                SsmFunctions.getParameter(GetParameterArgs.builder().name("/x").build()).applyValue(r -> r.value()))))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("invoke 'aws:ssm/getParameter:getParameter' is not answered by the offline plan engine");
    }

    @Test
    void anUnresolvedInputFailsThePlanNamingResourceAndInput() {
        Output<String> unknown = new OutputInternal<>(OutputData.<String>unknown());
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new BucketV2("b", BucketV2Args.builder().bucket(unknown).build())))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("resource aws:s3/bucketV2:BucketV2 'b': input 'bucket' could not be resolved");
        Plan allowed = PlanEngine.plan(ctx -> new BucketV2("b", BucketV2Args.builder().bucket(unknown).build()),
                PlanOptions.builder().allowUnknowns(true).build());
        assertThat(allowed.resource("b").getInputs()).containsEntry("bucket", "[unknown]");
    }

    @Test
    void aResourceFailureNamesTheResourceAndItsComponent() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new Holder("h"), PlanOptions.defaults(), aws -> new com.pulumi.test.Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs a) {
                if (a.name.equals("h-policy")) {
                    throw new IllegalStateException("AccessDenied: s3:PutBucketPolicy");
                }
                return aws.newResourceAsync(a);
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs a) {
                return aws.callAsync(a);
            }
        })).isInstanceOf(PlanException.class)
                .hasMessageContaining("resource aws:s3/bucketPolicy:BucketPolicy 'h-policy' (in h test:index:Holder) failed: AccessDenied");
    }

    @Test
    void aFailingInvokeFailsThePlanNamingTheInvoke() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new io.github.mlinfra.kms.ManagedKey("k",
                io.github.mlinfra.kms.ManagedKeyArgs.builder().build()), PlanOptions.defaults(), aws -> new com.pulumi.test.Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs a) {
                return aws.newResourceAsync(a);
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs a) {
                if (a.token.equals("aws:index/getCallerIdentity:getCallerIdentity")) {
                    throw new IllegalStateException("ExpiredToken: the security token included in the request is expired");
                }
                return aws.callAsync(a);
            }
        })).isInstanceOf(PlanException.class)
                .hasMessageContaining("invoke 'aws:index/getCallerIdentity:getCallerIdentity' failed: ExpiredToken");
    }

    @Test
    @Timeout(30)
    void anOutputThatNeverResolvesTimesOut() {
        Output<String> never = new OutputInternal<>(new CompletableFuture<OutputData<String>>());
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> new BucketV2("b", BucketV2Args.builder().bucket(never).build()),
                PlanOptions.builder().timeout(Duration.ofSeconds(2)).build()))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("did not finish within 2 s");
    }

    @Test
    void recordsDependenciesAsTheEngineReceivedThem() throws Exception {
        Plan plan = PlanEngine.plan(ctx -> {
            var holder = new Holder("ckpt");
            var other = new BucketV2("other", BucketV2Args.builder().build());
            // dependsOn a component: the SDK expands it to the component's custom resources
            new BucketV2("after", BucketV2Args.builder().build(),
                    CustomResourceOptions.builder().dependsOn(holder).build());
            // an input consumed from another resource's Output is a dependency as well
            new BucketPolicy("uses-other", BucketPolicyArgs.builder().bucket(other.id()).policy("{}").build());
        }, PlanOptions.builder().project("proj").stack("dev").build());

        String holderType = "urn:pulumi:dev::proj::test:index:Holder$";
        assertThat(plan.resource("after").getDependencies()).containsExactly(
                holderType + "aws:s3/bucketPolicy:BucketPolicy::ckpt-policy",
                holderType + "aws:s3/bucketV2:BucketV2::ckpt-bucket");
        assertThat(plan.resource("uses-other").getDependencies())
                .containsExactly("urn:pulumi:dev::proj::aws:s3/bucketV2:BucketV2::other");
        assertThat(plan.resource("ckpt-policy").getDependencies())
                .containsExactly(holderType + "aws:s3/bucketV2:BucketV2::ckpt-bucket");
        assertThat(plan.resource("other").getDependencies()).isEmpty();

        var json = new ObjectMapper().readTree(plan.toJson());
        for (var r : json.get("resources")) {
            if (r.get("name").asText().equals("after")) {
                assertThat(r.get("dependencies").get(1).asText()).isEqualTo(holderType + "aws:s3/bucketV2:BucketV2::ckpt-bucket");
            }
        }
        assertThat(Plan.fromJson(plan.toJson()).resource("after").getDependencies())
                .isEqualTo(plan.resource("after").getDependencies());
    }
}
