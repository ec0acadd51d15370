package io.github.mlinfra.guard;

import static io.github.mlinfra.guard.PreflightRulesTest.fired;
import static io.github.mlinfra.guard.PreflightRulesTest.m;
import static io.github.mlinfra.guard.PreflightRulesTest.plan;
import static io.github.mlinfra.guard.PreflightRulesTest.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlinfra.plan.Plan;
import io.github.mlinfra.plan.PlannedResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The preflight rules that join resources (MLI-PRE-28 to 31): one plan each accepts, one each refuses. */
class PreflightJoinRulesTest {
    static final String KEY = "aws:kms/key:Key";
    static final String ROOT = "arn:aws:iam::123456789012:root";
    static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/k-1";

    static PlannedResource key(String policy) {
        return PlannedResource.builder().from(res(KEY, "k", policy == null ? m() : m("policy", policy)))
                .id("k-1").outputs(m("arn", KEY_ARN, "keyId", "k-1")).build();
    }

    static String stmt(String principalType, String principal, String... actions) {
        return "{\"Effect\":\"Allow\",\"Principal\":{\"" + principalType + "\":\"" + principal + "\"},\"Action\":[\""
                + String.join("\",\"", actions) + "\"],\"Resource\":\"*\"}";
    }

    static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static List<String> notEvaluated(Plan p) {
        return Guard.builder().pack(RulePack.PREFLIGHT).build().check(p).getNotEvaluated().stream()
                .map(n -> n.getRule() + " " + n.getReason()).toList();
    }

    // --- MLI-PRE-28 --------------------------------------------------------------------------------

    @Test
    void aTrailKeyMustLetCloudTrailDescribeAndUseIt() {
        PlannedResource trail = res("aws:cloudtrail/trail:Trail", "t", m("kmsKeyId", KEY_ARN));
        String admin = stmt("AWS", ROOT, "kms:*");
        assertThat(fired(plan(trail, key(policy(admin, stmt("Service", "cloudtrail.amazonaws.com", "kms:GenerateDataKey*"),
                stmt("Service", "cloudtrail.amazonaws.com", "kms:DescribeKey")))))).doesNotContain("MLI-PRE-28");
        assertThat(fired(plan(trail, key(policy(admin, stmt("Service", "cloudtrail.amazonaws.com", "kms:GenerateDataKey*"))))))
                .contains("MLI-PRE-28");
        // no key policy: AWS's default policy enables IAM only, CloudTrail is not a principal of the account
        assertThat(fired(plan(trail, key(null)))).contains("MLI-PRE-28");
    }

    @Test
    void aTrailKeyNamedByAliasIsResolved() {
        PlannedResource alias = PlannedResource.builder().from(res("aws:kms/alias:Alias", "a",
                m("name", "alias/audit", "targetKeyId", "k-1"))).build();
        PlannedResource trail = res("aws:cloudtrail/trail:Trail", "t", m("kmsKeyId", "alias/audit"));
        assertThat(fired(plan(trail, alias, key(policy(stmt("AWS", ROOT, "kms:*")))))).contains("MLI-PRE-28");
    }

    @Test
    void aKeyThatIsNotInThePlanIsNotEvaluatedNeverPassed() {
        Plan p = plan(res("aws:cloudtrail/trail:Trail", "t", m("kmsKeyId", "arn:aws:kms:us-east-1:123456789012:key/other")));
        assertThat(fired(p)).doesNotContain("MLI-PRE-28");
        assertThat(notEvaluated(p)).anyMatch(s -> s.startsWith("MLI-PRE-28 kmsKeyId names a key that is not in the plan"));
        Plan secret = plan(res("aws:cloudtrail/trail:Trail", "t", m("kmsKeyId", KEY_ARN)), key("[unknown]"));
        assertThat(notEvaluated(secret)).anyMatch(s -> s.startsWith("MLI-PRE-28 kmsKeyId: the key policy of k is [unknown]"));
    }

    // --- MLI-PRE-29 --------------------------------------------------------------------------------

    static PlannedResource logGroup() {
        return PlannedResource.builder().from(res("aws:cloudwatch/logGroup:LogGroup", "lg", m("kmsKeyId", KEY_ARN)))
                .outputs(m("arn", "arn:aws:logs:us-east-1:123456789012:log-group:/ml")).build();
    }

    @Test
    void aLogGroupKeyMustAllowTheRegionalLogsPrincipal() {
        String[] actions = {"kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"};
        assertThat(fired(plan(logGroup(), key(policy(stmt("AWS", ROOT, "kms:*"),
                stmt("Service", "logs.us-east-1.amazonaws.com", actions)))))).doesNotContain("MLI-PRE-29");
        assertThat(fired(plan(logGroup(), key(policy(stmt("AWS", ROOT, "kms:*"),
                stmt("Service", "logs.eu-west-1.amazonaws.com", actions)))))).contains("MLI-PRE-29");
    }

    @Test
    void anEbsKeyMustBeUsableByTheAccount() {
        PlannedResource volume = res("aws:ebs/volume:Volume", "v", m("kmsKeyId", KEY_ARN, "size", 100L));
        PlannedResource instance = res("aws:ec2/instance:Instance", "i", m("rootBlockDevice", m("kmsKeyId", KEY_ARN)));
        assertThat(fired(plan(volume, instance, key(policy(stmt("AWS", ROOT, "kms:*")))))).doesNotContain("MLI-PRE-29");
        // no key policy: AWS's default gives the account root kms:*, which EBS needs
        assertThat(fired(plan(volume, instance, key(null)))).doesNotContain("MLI-PRE-29");
        assertThat(fired(plan(volume, key(policy(stmt("Service", "cloudtrail.amazonaws.com", "kms:*")))))).contains("MLI-PRE-29");
        assertThat(fired(plan(instance, key(policy(stmt("AWS", ROOT, "kms:Decrypt", "kms:DescribeKey"))))))
                .contains("MLI-PRE-29");
    }

    @Test
    void aNotebookKeyMustGrantTheNotebooksRoleOrTheAccount() {
        String role = "arn:aws:iam::123456789012:role/nb";
        PlannedResource nb = res("aws:sagemaker/notebookInstance:NotebookInstance", "n", m("kmsKeyId", KEY_ARN, "roleArn", role));
        String[] ebs = {"kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncrypt*"};
        assertThat(fired(plan(nb, key(policy(stmt("AWS", role, ebs)))))).doesNotContain("MLI-PRE-29");
        assertThat(fired(plan(nb, key(policy(stmt("AWS", "arn:aws:iam::123456789012:role/other", ebs)))))).contains("MLI-PRE-29");
    }

    @Test
    void aKeyPolicyWithAPlaceholderPrincipalIsNotEvaluated() {
        PlannedResource nb = res("aws:sagemaker/notebookInstance:NotebookInstance", "n",
                m("kmsKeyId", KEY_ARN, "roleArn", "arn:aws:iam::123456789012:role/nb"));
        Plan p = plan(nb, key(policy(stmt("AWS", "arn:aws:iam::ACCOUNT_ID:root", "kms:*"))));
        assertThat(fired(p)).doesNotContain("MLI-PRE-29");
        assertThat(notEvaluated(p)).anyMatch(s -> s.startsWith("MLI-PRE-29") && s.contains("ACCOUNT_ID"));
    }

    // --- MLI-PRE-30 --------------------------------------------------------------------------------

    static PlannedResource pipeline(String image, boolean withArn) {
        String def = "{\"Version\":\"2020-12-01\",\"Steps\":[{\"Name\":\"Train\",\"Type\":\"Training\",\"Arguments\":"
                + "{\"AlgorithmSpecification\":{\"TrainingImage\":\"" + image + "\"}}}]}";
        PlannedResource p = res("aws:sagemaker/pipeline:Pipeline", "p", m("pipelineDefinition", def));
        return withArn ? PlannedResource.builder().from(p)
                .outputs(m("arn", "arn:aws:sagemaker:us-east-1:123456789012:pipeline/p")).build() : p;
    }

    @Test
    void pipelineImagesAreInThePipelinesRegion() {
        String here = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
        String there = "141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1";
        assertThat(fired(plan(pipeline(here, true)))).doesNotContain("MLI-PRE-30");
        assertThat(fired(plan(pipeline(there, true)))).contains("MLI-PRE-30");
    }

    @Test
    void aForeignStackTakesTheRegionFromItsProvider() {
        PlannedResource provider = res("pulumi:providers:aws", "default_6_83_0", m("region", "eu-west-1"));
        String there = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
        assertThat(fired(plan(provider, pipeline("141502667606.dkr.ecr.eu-west-1.amazonaws.com/x:1", false))))
                .doesNotContain("MLI-PRE-30");
        assertThat(fired(plan(provider, pipeline(there, false)))).contains("MLI-PRE-30");
        assertThat(notEvaluated(plan(pipeline(there, false)))).anyMatch(s -> s.startsWith("MLI-PRE-30"));
    }

    // --- MLI-PRE-31 --------------------------------------------------------------------------------

    static PlannedResource inVpc(String type, String id, String vpc) {
        return PlannedResource.builder().from(res(type, id, m("vpcId", vpc))).id(id).build();
    }

    @Test
    void aNotebooksSubnetAndSecurityGroupsAreOfOneVpc() {
        PlannedResource subnet = inVpc("aws:ec2/subnet:Subnet", "subnet-1", "vpc-a");
        PlannedResource sgA = inVpc("aws:ec2/securityGroup:SecurityGroup", "sg-a", "vpc-a");
        PlannedResource sgB = inVpc("aws:ec2/securityGroup:SecurityGroup", "sg-b", "vpc-b");
        Map<String, Object> same = m("subnetId", "subnet-1", "securityGroups", List.of("sg-a"));
        Map<String, Object> mixed = m("subnetId", "subnet-1", "securityGroups", List.of("sg-a", "sg-b"));
        String nb = "aws:sagemaker/notebookInstance:NotebookInstance";
        assertThat(fired(plan(subnet, sgA, sgB, res(nb, "n", same)))).doesNotContain("MLI-PRE-31");
        assertThat(fired(plan(subnet, sgA, sgB, res(nb, "n", mixed)))).contains("MLI-PRE-31");
        assertThat(fired(plan(subnet, sgB, res("aws:ec2/instance:Instance", "i",
                m("subnetId", "subnet-1", "vpcSecurityGroupIds", List.of("sg-b")))))).contains("MLI-PRE-31");
    }

    @Test
    void aPipelineStepsVpcConfigIsOfOneVpc() {
        PlannedResource subnet = inVpc("aws:ec2/subnet:Subnet", "subnet-1", "vpc-a");
        PlannedResource sgA = inVpc("aws:ec2/securityGroup:SecurityGroup", "sg-a", "vpc-a");
        PlannedResource sgB = inVpc("aws:ec2/securityGroup:SecurityGroup", "sg-b", "vpc-b");
        String def = "{\"Steps\":[{\"Name\":\"T\",\"Type\":\"Training\",\"Arguments\":{\"VpcConfig\":{\"Subnets\":[\"subnet-1\"],"
                + "\"SecurityGroupIds\":[\"%s\"]}}}]}";
        String p = "aws:sagemaker/pipeline:Pipeline";
        assertThat(fired(plan(subnet, sgA, sgB, res(p, "p", m("pipelineDefinition", String.format(def, "sg-a"))))))
                .doesNotContain("MLI-PRE-31");
        assertThat(fired(plan(subnet, sgA, sgB, res(p, "p", m("pipelineDefinition", String.format(def, "sg-b"))))))
                .contains("MLI-PRE-31");
    }
}
