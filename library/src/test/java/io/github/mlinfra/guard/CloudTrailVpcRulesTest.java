package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.inputs.DefaultSecurityGroupIngressArgs;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudTrailVpcRulesTest {
    private static final String ENDPOINT_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\","
            + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":\"123456789012\"}}}]}";

    @Test
    void aHardenedTrailAndVpcHaveNoFindings() {
        PostureReport r = GuardTesting.check(ctx -> {
            new Trail("trail", TrailArgs.builder().s3BucketName("trail-logs").isMultiRegionTrail(true)
                    .includeGlobalServiceEvents(true).kmsKeyId("arn:aws:kms:us-east-1:123456789012:key/k")
                    .enableLogFileValidation(true)
                    .cloudWatchLogsGroupArn("arn:aws:logs:us-east-1:123456789012:log-group:trail:*")
                    .cloudWatchLogsRoleArn("arn:aws:iam::123456789012:role/trail").build());
            var vpc = new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            new FlowLog("flow", FlowLogArgs.builder().vpcId(vpc.id()).trafficType("ALL")
                    .logDestination("arn:aws:logs:us-east-1:123456789012:log-group:flow").build());
            new DefaultSecurityGroup("default-sg", DefaultSecurityGroupArgs.builder().vpcId(vpc.id()).build());
            for (String service : List.of("ecr.api", "ecr.dkr", "ssm", "ec2", "ssm-contacts", "ssm-incidents")) {
                new VpcEndpoint("endpoint-" + service, VpcEndpointArgs.builder().vpcId(vpc.id()).vpcEndpointType("Interface")
                        .serviceName("com.amazonaws.us-east-1." + service).policy(ENDPOINT_POLICY).build());
            }
        });
        assertThat(GuardTesting.rulesFiredWithPrefix(r, "MLI-CT")).isEmpty();
        assertThat(GuardTesting.rulesFiredWithPrefix(r, "MLI-VPC")).isEmpty();
    }

    @Test
    void log_01_logGroupsEncryptedAndRetained() {
        PostureReport r = GuardTesting.check(ctx -> {
            new com.pulumi.aws.cloudwatch.LogGroup("bare", com.pulumi.aws.cloudwatch.LogGroupArgs.builder().build());
            new com.pulumi.aws.cloudwatch.LogGroup("good", com.pulumi.aws.cloudwatch.LogGroupArgs.builder()
                    .kmsKeyId("arn:aws:kms:us-east-1:123456789012:key/k").retentionInDays(365).build());
            new com.pulumi.aws.cloudwatch.LogGroup("short", com.pulumi.aws.cloudwatch.LogGroupArgs.builder()
                    .kmsKeyId("arn:aws:kms:us-east-1:123456789012:key/k").retentionInDays(180).build());
        });
        assertThat(r.findingsOf("MLI-LOG-01")).extracting(Finding::getResourceName, Finding::getMessage).containsExactlyInAnyOrder(
                tuple("bare", "kmsKeyId is not set; retentionInDays is not set (logs are kept forever)"),
                // Security Hub CloudWatch.16: at least 365 days by default
                tuple("short", "retentionInDays is 180, expected at least 365"));
    }

    @Test
    void ct_01_to_04_defaultTrail() {
        PostureReport r = GuardTesting.check(ctx -> new Trail("trail", TrailArgs.builder().s3BucketName("logs")
                .includeGlobalServiceEvents(false).build()));
        assertThat(r.findingsOf("MLI-CT-01")).extracting(Finding::getMessage)
                .containsExactlyInAnyOrder("isMultiRegionTrail is not true", "includeGlobalServiceEvents is false");
        assertThat(r.findingsOf("MLI-CT-02")).hasSize(1);
        assertThat(r.findingsOf("MLI-CT-03")).hasSize(1);
        assertThat(r.findingsOf("MLI-CT-04")).hasSize(1);
    }

    @Test
    void vpc_01_to_03_bareVpcWithGatewayAndOpenDefaultGroup() {
        PostureReport r = GuardTesting.check(ctx -> {
            var vpc = new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            new InternetGateway("igw", InternetGatewayArgs.builder().vpcId(vpc.id()).build());
            new DefaultSecurityGroup("default-sg", DefaultSecurityGroupArgs.builder().vpcId(vpc.id())
                    .ingress(DefaultSecurityGroupIngressArgs.builder().protocol("-1").fromPort(0).toPort(0).self(true).build())
                    .build());
            new Vpc("other", VpcArgs.builder().cidrBlock("10.1.0.0/16").build());
        });
        assertThat(r.findingsOf("MLI-VPC-01")).extracting(Finding::getResourceName).containsExactlyInAnyOrder("vpc", "other");
        assertThat(r.findingsOf("MLI-VPC-02")).extracting(Finding::getMessage).containsExactlyInAnyOrder(
                "the default security group default-sg has ingress or egress rules",
                "no aws:ec2/defaultSecurityGroup:DefaultSecurityGroup adopts this VPC's default security group (its default rules stay)");
        assertThat(r.findingsOf("MLI-VPC-03")).singleElement().satisfies(f -> {
            assertThat(f.getResourceName()).isEqualTo("vpc");
            assertThat(f.getMessage()).isEqualTo("internet gateway igw is attached");
        });
    }

    @Test
    void vpc_04_endpointsWithoutARestrictivePolicy() {
        String restricted = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowThisAccountPrincipals\","
                + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":\"123456789012\"}}}]}";
        String fullAccess = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Full\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"*\",\"Resource\":\"*\"}]}";
        PostureReport r = GuardTesting.check(ctx -> {
            var vpc = new Vpc("vpc", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            new com.pulumi.aws.ec2.VpcEndpoint("ok", com.pulumi.aws.ec2.VpcEndpointArgs.builder().vpcId(vpc.id())
                    .serviceName("com.amazonaws.us-east-1.sts").vpcEndpointType("Interface").policy(restricted).build());
            new com.pulumi.aws.ec2.VpcEndpoint("none", com.pulumi.aws.ec2.VpcEndpointArgs.builder().vpcId(vpc.id())
                    .serviceName("com.amazonaws.us-east-1.kms").vpcEndpointType("Interface").build());
            new com.pulumi.aws.ec2.VpcEndpoint("full", com.pulumi.aws.ec2.VpcEndpointArgs.builder().vpcId(vpc.id())
                    .serviceName("com.amazonaws.us-east-1.s3").vpcEndpointType("Gateway").policy(fullAccess).build());
        });
        assertThat(r.findingsOf("MLI-VPC-04")).extracting(Finding::getResourceName).containsExactlyInAnyOrder("none", "full");
        assertThat(r.findingsOf("MLI-VPC-04")).extracting(Finding::getMessage).containsExactlyInAnyOrder(
                "no endpoint policy: AWS attaches its default policy, full access for any principal",
                "statement Full allows every principal on every resource with no condition");
    }
}
