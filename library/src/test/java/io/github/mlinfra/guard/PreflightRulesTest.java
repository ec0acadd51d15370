package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Severity;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.guard.rules.Rules;
import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlannedResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The preflight rules (MLI-PRE-*): one input each accepts, one each refuses, and the pack's behaviour. */
class PreflightRulesTest {
    static final String ROLE = "aws:iam/role:Role";

    static PlannedResource res(String type, String name, Map<String, Object> inputs) {
        return PlannedResource.builder().urn("urn:pulumi:dev::p::" + type + "::" + name).type(type).name(name)
                .custom(true).protect(false).inputs(inputs).build();
    }

    static Plan plan(PlannedResource... rs) {
        return Plan.builder().project("p").stack("dev").resources(List.of(rs)).build();
    }

    static List<String> fired(Plan plan) {
        return Guard.builder().pack(RulePack.PREFLIGHT).build().check(plan).openFindings().stream()
                .map(f -> f.getRule()).distinct().collect(Collectors.toList());
    }

    static Map<String, Object> m(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }

    static String policy(String sid, int padding) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/" + "x".repeat(padding) + "\"}]}";
    }

    static Map<String, Object> manyTags(int n) {
        Map<String, Object> t = new HashMap<>();
        for (int i = 0; i < n; i++) {
            t.put("k" + i, "v");
        }
        return t;
    }

    static List<Object> cidrRules(int n) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(m("protocol", "tcp", "fromPort", 443L, "toPort", 443L, "cidrBlocks", List.of("10.0." + i + ".0/24")));
        }
        return out;
    }

    /** Rule id, an accepted resource, a refused resource. */
    static List<Arguments> pairs() {
        String bucket = "aws:s3/bucketV2:BucketV2";
        return List.of(
                Arguments.of("MLI-PRE-01", res(bucket, "b", m("tags", m("team", "ml"))),
                        res(bucket, "b", m("tags", m("team", "ml:ops|x")))),
                Arguments.of("MLI-PRE-01", res(bucket, "b", m("tags", manyTags(50))), res(bucket, "b", m("tags", manyTags(51)))),
                Arguments.of("MLI-PRE-01", res("aws:cloudtrail/trail:Trail", "t", m("tags", m("k", "v"))),
                        res("aws:cloudtrail/trail:Trail", "t", m("tags", m("k", "")))),
                Arguments.of("MLI-PRE-01", res(ROLE, "r", m("tags", m("owner", "a"))), res(ROLE, "r", m("tags", m("aws:owner", "a")))),
                Arguments.of("MLI-PRE-02", res(bucket, "b", m("bucket", "ml-ckpt.dev-01")), res(bucket, "b", m("bucket", "ML_ckpt"))),
                Arguments.of("MLI-PRE-02", res(bucket, "b", m("bucket", "abc")), res(bucket, "b", m("bucket", "my..bucket"))),
                Arguments.of("MLI-PRE-02", res(bucket, "b", m("bucket", "data-s3")), res(bucket, "b", m("bucket", "data-s3alias"))),
                Arguments.of("MLI-PRE-02", res(bucket, "b", m("bucket", "xn-data")), res(bucket, "b", m("bucket", "xn--data"))),
                Arguments.of("MLI-PRE-02", res(bucket, "b", m("bucket", "192.168.5.4x")), res(bucket, "b", m("bucket", "192.168.5.4"))),
                Arguments.of("MLI-PRE-03", res(ROLE, "r", m("name", "trainer+role@ml", "path", "/ml/")),
                        res(ROLE, "r", m("name", "r".repeat(65)))),
                Arguments.of("MLI-PRE-03", res(ROLE, "r", m("path", "/")), res(ROLE, "r", m("path", "ml/"))),
                Arguments.of("MLI-PRE-03", res("aws:iam/instanceProfile:InstanceProfile", "ip", m("name", "p".repeat(128))),
                        res("aws:iam/instanceProfile:InstanceProfile", "ip", m("name", "has space"))),
                Arguments.of("MLI-PRE-04", res("aws:kms/alias:Alias", "a", m("name", "alias/ml/ckpt")),
                        res("aws:kms/alias:Alias", "a", m("name", "alias/aws/ckpt"))),
                Arguments.of("MLI-PRE-05", res("aws:cloudwatch/logGroup:LogGroup", "l", m("name", "/ml/flow-logs#1")),
                        res("aws:cloudwatch/logGroup:LogGroup", "l", m("name", "/ml/flow logs"))),
                Arguments.of("MLI-PRE-06", res("aws:cloudtrail/trail:Trail", "t", m("name", "ml_audit.trail")),
                        res("aws:cloudtrail/trail:Trail", "t", m("name", "ml--audit"))),
                Arguments.of("MLI-PRE-07", res("aws:sagemaker/notebookInstance:NotebookInstance", "n", m("name", "ml-nb-1")),
                        res("aws:sagemaker/notebookInstance:NotebookInstance", "n", m("name", "ml_nb"))),
                Arguments.of("MLI-PRE-07", res("aws:sagemaker/pipeline:Pipeline", "p", m("pipelineName", "p".repeat(256))),
                        res("aws:sagemaker/pipeline:Pipeline", "p", m("pipelineName", "p".repeat(257)))),
                Arguments.of("MLI-PRE-07", res("aws:sagemaker/modelPackageGroup:ModelPackageGroup", "g",
                                m("modelPackageGroupName", "g".repeat(63))),
                        res("aws:sagemaker/modelPackageGroup:ModelPackageGroup", "g", m("modelPackageGroupName", "g".repeat(64)))),
                Arguments.of("MLI-PRE-07", res("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration",
                                "lc", m("name", "lc-1")),
                        res("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration",
                                "lc", m("name", "-lc"))),
                Arguments.of("MLI-PRE-08", res("aws:ec2/securityGroup:SecurityGroup", "sg",
                                m("name", "ml [training] {a}", "description", "HTTPS from the VPC (443)")),
                        res("aws:ec2/securityGroup:SecurityGroup", "sg", m("description", "Zugriff für Training"))),
                Arguments.of("MLI-PRE-08", res("aws:ec2/securityGroup:SecurityGroup", "sg", m("name", "ml-sg")),
                        res("aws:ec2/securityGroup:SecurityGroup", "sg", m("name", "sg-ml"))),
                Arguments.of("MLI-PRE-09", res("aws:iam/rolePolicy:RolePolicy", "rp", m("policy", policy("ReadData1", 0))),
                        res("aws:iam/rolePolicy:RolePolicy", "rp", m("policy", policy("read-data", 0)))),
                Arguments.of("MLI-PRE-09", res(ROLE, "r", m("inlinePolicies", List.of(m("name", "p", "policy", policy("Ok", 0))))),
                        res(ROLE, "r", m("inlinePolicies", List.of(m("name", "p", "policy", policy("Not ok", 0)))))),
                Arguments.of("MLI-PRE-10", res("aws:cloudwatch/logGroup:LogGroup", "l", m("retentionInDays", 365L)),
                        res("aws:cloudwatch/logGroup:LogGroup", "l", m("retentionInDays", 366L))),
                Arguments.of("MLI-PRE-11", res("aws:kms/key:Key", "k", m("deletionWindowInDays", 7L)),
                        res("aws:kms/key:Key", "k", m("deletionWindowInDays", 31L))),
                Arguments.of("MLI-PRE-12", res("aws:sagemaker/notebookInstance:NotebookInstance", "n", m("platformIdentifier", "notebook-al2-v3")),
                        res("aws:sagemaker/notebookInstance:NotebookInstance", "n", m("platformIdentifier", "notebook-al2023-v1"))),
                Arguments.of("MLI-PRE-13", res("aws:ec2/flowLog:FlowLog", "f", m("maxAggregationInterval", 60L)),
                        res("aws:ec2/flowLog:FlowLog", "f", m("maxAggregationInterval", 300L))),
                Arguments.of("MLI-PRE-14", res("aws:ec2/instance:Instance", "i", m("userData", "x".repeat(16384))),
                        res("aws:ec2/instance:Instance", "i", m("userData", "x".repeat(16385)))),
                Arguments.of("MLI-PRE-15", res("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration",
                                "lc", m("onStart", "A".repeat(16384))),
                        res("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration",
                                "lc", m("onCreate", "A".repeat(16388)))),
                Arguments.of("MLI-PRE-16", res("aws:sagemaker/pipeline:Pipeline", "p", m("pipelineDefinition", "x".repeat(1_048_576))),
                        res("aws:sagemaker/pipeline:Pipeline", "p", m("pipelineDefinition", "x".repeat(1_048_577)))),
                Arguments.of("MLI-PRE-17", res("aws:iam/policy:Policy", "mp", m("policy", policy("A", 6000) + "          ")),
                        res("aws:iam/policy:Policy", "mp", m("policy", policy("A", 6100)))),
                Arguments.of("MLI-PRE-17", res(ROLE, "r", m("assumeRolePolicy", policy("A", 1900))),
                        res(ROLE, "r", m("assumeRolePolicy", policy("A", 2000)))),
                Arguments.of("MLI-PRE-17", res(ROLE, "r", m("inlinePolicies", List.of(m("policy", policy("A", 5000)), m("policy", policy("B", 5000))))),
                        res(ROLE, "r", m("inlinePolicies", List.of(m("policy", policy("A", 5000)), m("policy", policy("B", 5200)))))),
                Arguments.of("MLI-PRE-18", res("aws:s3/bucketPolicy:BucketPolicy", "bp", m("policy", policy("A", 20000))),
                        res("aws:s3/bucketPolicy:BucketPolicy", "bp", m("policy", policy("A", 20400)))),
                Arguments.of("MLI-PRE-19", res("aws:kms/key:Key", "k", m("policy", policy("A", 32000))),
                        res("aws:kms/key:Key", "k", m("policy", policy("A", 32700)))),
                Arguments.of("MLI-PRE-20", res("aws:ec2/vpcEndpoint:VpcEndpoint", "e", m("policy", policy("A", 20300))),
                        res("aws:ec2/vpcEndpoint:VpcEndpoint", "e", m("policy", policy("A", 20400)))),
                Arguments.of("MLI-PRE-23", res("aws:sagemaker/pipeline:Pipeline", "p", m("pipelineDefinition",
                                "{\"Steps\":[{\"Arguments\":{\"ResourceConfig\":{\"InstanceType\":\"ml.m5.xlarge\",\"VolumeKmsKeyId\":\"k\"}}}]}")),
                        res("aws:sagemaker/pipeline:Pipeline", "p", m("pipelineDefinition",
                                "{\"Steps\":[{\"Arguments\":{\"ResourceConfig\":{\"InstanceType\":\"ml.g4dn.xlarge\",\"VolumeKmsKeyId\":\"k\"}}}]}"))),
                Arguments.of("MLI-PRE-24", res("aws:ec2/securityGroup:SecurityGroup", "sg", m("ingress", cidrRules(2))),
                        res("aws:ec2/securityGroup:SecurityGroup", "sg", m("ingress", List.of(cidrRules(1).get(0), cidrRules(1).get(0))))),
                Arguments.of("MLI-PRE-25", res("aws:ebs/volume:Volume", "v", m("type", "gp3", "size", 500L, "iops", 6000L)),
                        res("aws:ebs/volume:Volume", "v", m("type", "st1", "size", 100L))),
                Arguments.of("MLI-PRE-25", res("aws:ec2/instance:Instance", "i", m("rootBlockDevice", m("volumeType", "io2", "volumeSize", 100L, "iops", 1000L))),
                        res("aws:ec2/instance:Instance", "i", m("ebsBlockDevices", List.of(m("volumeType", "gp4", "volumeSize", 100L))))),
                Arguments.of("MLI-PRE-25", res("aws:ebs/volume:Volume", "v", m("type", "gp2", "size", 100L)),
                        res("aws:ebs/volume:Volume", "v", m("type", "gp2", "size", 100L, "iops", 300L))),
                Arguments.of("MLI-PRE-21", res("aws:ec2/securityGroup:SecurityGroup", "sg", m("ingress", cidrRules(60))),
                        res("aws:ec2/securityGroup:SecurityGroup", "sg", m("egress", cidrRules(61)))),
                Arguments.of("MLI-PRE-26", res(NOTEBOOK, "n", m("instanceType", "ml.t3.medium")),
                        res(NOTEBOOK, "n", m("instanceType", "ml.t3.huge"))),
                Arguments.of("MLI-PRE-26", res(NOTEBOOK, "n", m("instanceType", "ml.g5.xlarge")),
                        res(NOTEBOOK, "n", m("instanceType", "ml.trn2.48xlarge"))),
                Arguments.of("MLI-PRE-26", res(PIPELINE, "p", m("pipelineDefinition", training("ml.p4d.24xlarge"))),
                        res(PIPELINE, "p", m("pipelineDefinition", training("ml.g9z.xlarge")))),
                Arguments.of("MLI-PRE-26", res(PIPELINE, "p", m("pipelineDefinition", processing("ml.m5.xlarge"))),
                        res(PIPELINE, "p", m("pipelineDefinition", processing("ml.p4d.24xlarge")))),
                Arguments.of("MLI-PRE-26", res(PIPELINE, "p", m("pipelineDefinition", parameterized("ml.m5.xlarge", "ml.g5.2xlarge"))),
                        res(PIPELINE, "p", m("pipelineDefinition", parameterized("ml.m5.xlarge", "m5.xlarge")))),
                Arguments.of("MLI-PRE-27", res("aws:ec2/instance:Instance", "i", m("instanceType", "p4d.24xlarge")),
                        res("aws:ec2/instance:Instance", "i", m("instanceType", "p4d.huge"))),
                Arguments.of("MLI-PRE-27", res("aws:ec2/instance:Instance", "i", m("instanceType", "g6e.metal-48xl")),
                        res("aws:ec2/instance:Instance", "i", m("instanceType", "g9z.xlarge"))),
                Arguments.of("MLI-PRE-27", res("aws:ec2/launchTemplate:LaunchTemplate", "lt", m("instanceType", "t3.micro")),
                        res("aws:ec2/launchTemplate:LaunchTemplate", "lt", m("instanceType", "T3.micro"))));
    }

    static final String NOTEBOOK = "aws:sagemaker/notebookInstance:NotebookInstance";
    static final String PIPELINE = "aws:sagemaker/pipeline:Pipeline";

    static String training(String type) {
        return "{\"Version\":\"2020-12-01\",\"Steps\":[{\"Name\":\"Train\",\"Type\":\"Training\",\"Arguments\":"
                + "{\"ResourceConfig\":{\"InstanceType\":\"" + type + "\",\"InstanceCount\":1}}}]}";
    }

    static String processing(String type) {
        return "{\"Version\":\"2020-12-01\",\"Steps\":[{\"Name\":\"Prep\",\"Type\":\"Processing\",\"Arguments\":"
                + "{\"ProcessingResources\":{\"ClusterConfig\":{\"InstanceType\":\"" + type + "\"}}}}]}";
    }

    static String parameterized(String dflt, String other) {
        return "{\"Version\":\"2020-12-01\",\"Parameters\":[{\"Name\":\"TrainType\",\"Type\":\"String\",\"DefaultValue\":\""
                + dflt + "\",\"EnumValues\":[\"" + dflt + "\",\"" + other + "\"]}],\"Steps\":[{\"Name\":\"Train\","
                + "\"Type\":\"Training\",\"Arguments\":{\"ResourceConfig\":{\"InstanceType\":{\"Get\":\"Parameters.TrainType\"}}}}]}";
    }

    @ParameterizedTest(name = "{0}: {1} accepted, {2} refused")
    @MethodSource("pairs")
    void eachRuleAcceptsOneInputAndRefusesAnother(String rule, PlannedResource accepted, PlannedResource refused) {
        assertThat(fired(plan(accepted))).doesNotContain(rule);
        assertThat(fired(plan(refused))).contains(rule);
    }

    @Test
    void everyPreflightControlHasARuleASourceAndATestPair() {
        List<String> tested = new ArrayList<>(pairs().stream().map(a -> (String) a.get()[0]).distinct().collect(Collectors.toList()));
        tested.add("MLI-PRE-22"); // aTrailDependsOnItsBucketPolicy
        tested.addAll(List.of("MLI-PRE-28", "MLI-PRE-29", "MLI-PRE-30", "MLI-PRE-31")); // PreflightJoinRulesTest
        for (Control c : Control.values()) {
            if (c.isPreflight()) {
                assertThat(c.severity()).isEqualTo(Severity.ERROR);
                assertThat(c.sources()).isNotEmpty().allMatch(s -> s.startsWith("https://"));
                assertThat(Rules.of(c)).as(c.id()).isPresent();
                assertThat(tested).as(c.id()).contains(c.id());
            } else {
                assertThat(c.sources()).isEmpty();
            }
        }
    }

    /** A foreign stack's secret script or user data cannot be sized: not evaluated, never compliant. */
    @Test
    void aForeignSecretScriptIsNotEvaluatedByTheSizeRules() {
        var report = Guard.builder().pack(RulePack.PREFLIGHT).build().check(plan(
                res("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration", "lc",
                        m("onStart", "[secret]")),
                res("aws:ec2/instance:Instance", "vm", m("userData", "[secret]"))));
        assertThat(report.openFindings()).isEmpty();
        assertThat(report.getNotEvaluated()).extracting(n -> n.getRule() + " " + n.getReason()).contains(
                "MLI-PRE-15 onStart is [secret]", "MLI-PRE-14 userData is [secret]");
    }

    @Test
    void aTrailDependsOnItsBucketPolicy() {
        PlannedResource policy = res("aws:s3/bucketPolicy:BucketPolicy", "bp", m("bucket", "audit-logs", "policy", policy("A", 0)));
        PlannedResource trail = res("aws:cloudtrail/trail:Trail", "t", m("s3BucketName", "audit-logs"));
        PlannedResource after = PlannedResource.builder().from(trail).dependencies(List.of(policy.getUrn())).build();
        assertThat(fired(plan(policy, after))).doesNotContain("MLI-PRE-22");
        assertThat(fired(plan(policy, trail))).contains("MLI-PRE-22");
    }

    @Test
    void aSeparateRuleDuplicatingAnInlinePermissionIsFound() {
        PlannedResource sg = res("aws:ec2/securityGroup:SecurityGroup", "sg", m("name", "ml", "ingress", cidrRules(1)));
        PlannedResource same = res("aws:ec2/securityGroupRule:SecurityGroupRule", "r", m("securityGroupId", "ml",
                "type", "ingress", "protocol", "tcp", "fromPort", 443L, "toPort", 443L, "cidrBlocks", List.of("10.0.0.0/24")));
        PlannedResource other = res("aws:ec2/securityGroupRule:SecurityGroupRule", "r", m("securityGroupId", "ml",
                "type", "ingress", "protocol", "tcp", "fromPort", 443L, "toPort", 443L, "cidrBlocks", List.of("10.0.9.0/24")));
        assertThat(fired(plan(sg, other))).doesNotContain("MLI-PRE-24");
        assertThat(fired(plan(sg, same))).contains("MLI-PRE-24");
    }

    @Test
    void theRoleInlineTotalCountsSeparateRolePolicies() {
        PlannedResource role = res(ROLE, "r", m("name", "trainer"));
        PlannedResource a = res("aws:iam/rolePolicy:RolePolicy", "a", m("role", "trainer", "policy", policy("A", 5000)));
        PlannedResource b = res("aws:iam/rolePolicy:RolePolicy", "b", m("role", "trainer", "policy", policy("B", 5200)));
        assertThat(fired(plan(role, a))).doesNotContain("MLI-PRE-17");
        assertThat(fired(plan(role, a, b))).contains("MLI-PRE-17");
    }

    @Test
    void adjustableQuotasTakeTheAccountsValue() {
        Plan trust = plan(res(ROLE, "r", m("assumeRolePolicy", policy("A", 3000))));
        Plan sg = plan(res("aws:ec2/securityGroup:SecurityGroup", "sg", m("ingress", cidrRules(100))));
        assertThat(fired(trust)).contains("MLI-PRE-17");
        assertThat(Guard.builder().pack(RulePack.PREFLIGHT).trustPolicyLimit(4096).build().check(trust).openFindings()).isEmpty();
        assertThat(fired(sg)).contains("MLI-PRE-21");
        assertThat(Guard.builder().pack(RulePack.PREFLIGHT).sgRulesLimit(200).build().check(sg).openFindings()).isEmpty();
    }

    @Test
    void secretsAndUnknownsAreNotJudged() {
        Plan p = plan(res("aws:ec2/instance:Instance", "i", m("userData", "[secret]")),
                res("aws:s3/bucketV2:BucketV2", "b", m("bucket", "[unknown]", "tags", m("k", "[secret]"))));
        assertThat(fired(p)).isEmpty();
    }

    @Test
    void theCheckIsAnErrorInEveryPackWhateverTheMinimumSeverity() {
        Plan p = plan(res("aws:kms/key:Key", "k", m("deletionWindowInDays", 3L, "enableKeyRotation", true)));
        for (RulePack pack : RulePack.values()) {
            PostureReport r = Guard.builder().pack(pack).minSeverity(Severity.CRITICAL).build().check(p);
            assertThat(r.openFindings()).as(pack.packName()).extracting(Finding::getRule).contains("MLI-PRE-11");
            assertThat(r.failsAt(Severity.CRITICAL)).isTrue();
        }
        assertThat(Guard.builder().pack("preflight").build().rules()).allMatch(r -> r.control().isPreflight());
        assertThat(Reports.sarifLevel(Severity.ERROR)).isEqualTo("error");
    }

    @Test
    void componentsCannotWaiveAPreflightRuleAndRecordedWaiversOfOneAreIgnored() {
        assertThatThrownBy(() -> Waiver.of(Control.PRE_KMS_WINDOW, "We really want a three day deletion window here."))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("Waiver.control: a preflight control cannot be waived");
        PlannedResource key = PlannedResource.builder().from(res("aws:kms/key:Key", "k", m("deletionWindowInDays", 3L)))
                .addWaivers(Waiver.recorded(Control.PRE_KMS_WINDOW, "tag set by another tool")).build();
        assertThat(fired(plan(key))).contains("MLI-PRE-11");
    }

    @Test
    void aUserSuppressionWithAReasonAcceptsAFinding() {
        Plan p = plan(res("aws:kms/key:Key", "k", m("deletionWindowInDays", 3L)));
        PostureReport r = Guard.builder().pack(RulePack.PREFLIGHT)
                .addSuppressions(Suppression.of("MLI-PRE-11", "*", "The account has a raised limit that this rule does not know."))
                .build().check(p);
        assertThat(r.openFindings()).isEmpty();
        assertThat(r.getFindings()).extracting(Finding::isSuppressed).containsExactly(true);
    }
}
