package io.github.mlinfra.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.aws.ebs.Volume;
import com.pulumi.aws.ebs.VolumeArgs;
import com.pulumi.aws.ec2.Instance;
import com.pulumi.aws.ec2.InstanceArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.SecurityGroupRule;
import com.pulumi.aws.ec2.SecurityGroupRuleArgs;
import com.pulumi.aws.ec2.inputs.InstanceMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.InstanceRootBlockDeviceArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import org.junit.jupiter.api.Test;

class Ec2RulesTest {
    @Test
    void aHardenedInstanceHasNoEc2Findings() {
        PostureReport r = GuardTesting.check(ctx -> {
            var key = new Key("key", KeyArgs.builder().enableKeyRotation(true).build());
            var sg = new SecurityGroup("trainer-sg", SecurityGroupArgs.builder().vpcId("vpc-1")
                    .ingress(SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(443).toPort(443).cidrBlocks("10.0.0.0/16").build())
                    .egress(SecurityGroupEgressArgs.builder().protocol("tcp").fromPort(443).toPort(443).cidrBlocks("0.0.0.0/0").build())
                    .build());
            new Instance("trainer", InstanceArgs.builder().ami("ami-0abc").instanceType("p3.2xlarge").subnetId("subnet-1")
                    .vpcSecurityGroupIds(sg.id().applyValue(java.util.List::of)).iamInstanceProfile("trainer-profile")
                    .associatePublicIpAddress(false).monitoring(true).ebsOptimized(true).disableApiTermination(true)
                    .metadataOptions(InstanceMetadataOptionsArgs.builder().httpTokens("required").httpPutResponseHopLimit(1).build())
                    .rootBlockDevice(InstanceRootBlockDeviceArgs.builder().encrypted(true).kmsKeyId(key.arn()).build())
                    .build());
            new Volume("data", VolumeArgs.builder().availabilityZone("us-east-1a").size(50).encrypted(true).kmsKeyId(key.arn()).build());
        });
        assertThat(GuardTesting.rulesFiredWithPrefix(r, "MLI-EC2")).isEmpty();
    }

    @Test
    @SuppressWarnings("deprecation") // securityGroups (by name) is the EC2-Classic form the rule flags
    void aDefaultInstanceFailsTheInstanceRules() {
        PostureReport r = GuardTesting.check(ctx -> {
            new Instance("trainer", InstanceArgs.builder().ami("ami-0abc").instanceType("p3.2xlarge")
                    .securityGroups("default").iamInstanceProfile("arn:aws:iam::123456789012:instance-profile/p")
                    .metadataOptions(InstanceMetadataOptionsArgs.builder().httpTokens("required").build()).build());
            new Volume("data", VolumeArgs.builder().availabilityZone("us-east-1a").size(50).encrypted(true).build());
        });
        assertThat(r.findingsOf("MLI-EC2-01")).extracting(Finding::getMessage).containsExactlyInAnyOrder(
                "rootBlockDevice is not set: the root volume is not encrypted with a customer-managed key",
                "the volume is encrypted with the AWS-managed key (no kmsKeyId)");
        assertThat(r.findingsOf("MLI-EC2-02")).singleElement().extracting(Finding::getMessage).asString()
                .contains("httpPutResponseHopLimit is not set");
        assertThat(r.findingsOf("MLI-EC2-03")).singleElement().extracting(Finding::getMessage).asString().contains("subnet default");
        assertThat(r.findingsOf("MLI-EC2-05")).hasSize(1);
        assertThat(r.findingsOf("MLI-EC2-06")).hasSize(1);
        assertThat(r.findingsOf("MLI-EC2-09")).extracting(Finding::getMessage)
                .anyMatch(m -> m.contains("securityGroups names groups"))
                .anyMatch(m -> m.contains("iamInstanceProfile is an ARN"));
    }

    @Test
    void ec2_07_08_trainingInstancesOnGpuAndDedicated_11_ebsOptimized() {
        PostureReport r = GuardTesting.check(ctx -> {
            new Instance("cpu-trainer", InstanceArgs.builder().ami("ami-0abc").instanceType("m5.xlarge")
                    .tags(java.util.Map.of("mlinfra:purpose", "training")).build());
            new Instance("gpu-trainer", InstanceArgs.builder().ami("ami-0abc").instanceType("p4d.24xlarge").tenancy("dedicated")
                    .ebsOptimized(true).tags(java.util.Map.of("mlinfra:purpose", "training")).build());
            new Instance("web", InstanceArgs.builder().ami("ami-0abc").instanceType("t3.micro").ebsOptimized(true).build());
        });
        assertThat(r.findingsOf("MLI-EC2-07")).singleElement().satisfies(f -> {
            assertThat(f.getResourceName()).isEqualTo("cpu-trainer");
            assertThat(f.getMessage()).contains("m5.xlarge");
        });
        assertThat(r.findingsOf("MLI-EC2-08")).extracting(Finding::getResourceName).containsExactly("cpu-trainer");
        assertThat(r.findingsOf("MLI-EC2-11")).extracting(Finding::getResourceName).containsExactly("cpu-trainer");
    }

    @Test
    void ec2_04_and_10_openIngressAndAllEgressInEveryShape() {
        // the same all-traffic egress inline and as a separate rule: EC2 would refuse it (MLI-PRE-24), so preflight is off

        PostureReport r = GuardTesting.checkWithoutPreflight(ctx -> {
            var sg = new SecurityGroup("inline", SecurityGroupArgs.builder()
                    .ingress(SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(80).toPort(80).cidrBlocks("0.0.0.0/0").build())
                    .egress(SecurityGroupEgressArgs.builder().protocol("-1").fromPort(0).toPort(0).cidrBlocks("0.0.0.0/0").build())
                    .build());
            new SecurityGroupRule("rule-in", SecurityGroupRuleArgs.builder().type("ingress").securityGroupId(sg.id())
                    .protocol("tcp").fromPort(22).toPort(22).ipv6CidrBlocks("::/0").build());
            new SecurityGroupRule("rule-out", SecurityGroupRuleArgs.builder().type("egress").securityGroupId(sg.id())
                    .protocol("-1").fromPort(0).toPort(0).cidrBlocks("0.0.0.0/0").build());
            new SecurityGroupIngressRule("vpc-in", SecurityGroupIngressRuleArgs.builder().securityGroupId(sg.id())
                    .ipProtocol("tcp").fromPort(8888).toPort(8888).cidrIpv4("0.0.0.0/0").build());
            new SecurityGroupEgressRule("vpc-out", SecurityGroupEgressRuleArgs.builder().securityGroupId(sg.id())
                    .ipProtocol("-1").cidrIpv4("0.0.0.0/0").build());
            new SecurityGroupIngressRule("vpc-in-ok", SecurityGroupIngressRuleArgs.builder().securityGroupId(sg.id())
                    .ipProtocol("tcp").fromPort(443).toPort(443).cidrIpv4("10.0.0.0/8").build());
        });
        assertThat(r.findingsOf("MLI-EC2-04")).extracting(Finding::getResourceName)
                .containsExactlyInAnyOrder("inline", "rule-in", "vpc-in");
        assertThat(r.findingsOf("MLI-EC2-04")).filteredOn(f -> f.getResourceName().equals("inline"))
                .extracting(Finding::getMessage).containsExactly("ingress.0 allows tcp 80-80 from 0.0.0.0/0");
        assertThat(r.findingsOf("MLI-EC2-10")).extracting(Finding::getResourceName)
                .containsExactlyInAnyOrder("inline", "rule-out", "vpc-out");
    }
}
