package io.github.mlinfra.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.network.Placement;
import org.junit.jupiter.api.Test;

class HardenedGpuTrainerArgsTest {

    static HardenedGpuTrainerArgs.Builder base() {
        return HardenedGpuTrainerArgs.builder().placement(existingVpc());
    }

    static Placement existingVpc() {
        return Placement.existingVpc().vpcId("vpc-0123456789abcdef0").subnetIds("subnet-0123456789abcdef0")
                .endpointSecurityGroupId("sg-0123456789abcdef0").s3PrefixListId("pl-63a5400a").build();
    }

    @Test
    void defaultsAreSecureAndDocumented() {
        var args = base().build();
        assertThat(args.getInstanceType()).isEqualTo("g5.xlarge");
        assertThat(args.getAmi()).isEmpty();
        assertThat(args.effectiveAmiNameFilter())
                .isEqualTo("Deep Learning Base OSS Nvidia Driver GPU AMI (Amazon Linux 2023) *");
        assertThat(args.getAmiArchitecture()).isEqualTo("x86_64");
        assertThat(args.isIgnoreAmiChanges()).isTrue();
        assertThat(args.getRootVolumeSizeGib()).isEqualTo(200);
        assertThat(args.getDataVolumes()).isEmpty();
        assertThat(args.getKmsKey()).isEmpty();
        assertThat(args.getTenancy()).isEqualTo("dedicated");
        assertThat(args.getMetadataHopLimit()).isEqualTo(1);
        assertThat(args.getIngress()).isEmpty();
        assertThat(args.getSubnetId()).isEmpty();
        assertThat(args.getCloudWatchAgentConfig()).isEmpty();
        assertThat(args.getGrants()).isEmpty();
        assertThat(args.getWaivers()).isEmpty();
        assertThat(HardenedGpuTrainerArgs.GPU_FAMILIES).containsExactlyInAnyOrder("p3", "p3dn", "p4d", "p4de", "p5",
                "p5e", "p5en", "g4dn", "g4ad", "g5", "g5g", "g6", "g6e", "gr6", "trn1", "trn1n", "trn2", "inf1",
                "inf2", "dl1", "dl2q");
    }

    @Test
    void acceptsEveryGpuFamilyWithAnAmiAndValidInput() {
        for (String f : HardenedGpuTrainerArgs.GPU_FAMILIES) {
            assertThat(base().instanceType(f + ".2xlarge").ami("ami-0123456789abcdef0").build().instanceFamily()).isEqualTo(f);
        }
        var args = base()
                .ami("ami-12345678")
                .rootVolumeSizeGib(8)
                .addDataVolumes(DataVolume.of(1, "/dev/sdf"), DataVolume.of(16384, "/dev/xvdp"))
                .addIngress(IngressRule.builder().port(8888).addCidrs("10.20.0.0/16", "2001:db8::/32")
                        .addSourceSecurityGroupIds("sg-0fedcba9876543210").description("Jupyter from the VPN").build())
                .cloudWatchAgentConfig("{\"metrics\":{\"namespace\":\"Trainers\"}}")
                .build();
        assertThat(args.agentNamespace()).contains("Trainers");
        assertThat(base().cloudWatchAgentConfig("{}").build().agentNamespace()).contains("CWAgent");
    }

    @Test
    void nonGpuInstanceTypeIsRefusedUnlessWaived() {
        assertThatThrownBy(() -> base().instanceType("t3.large").build())
                .isInstanceOf(InvalidArgsException.class)
                .hasMessageStartingWith("HardenedGpuTrainerArgs.instanceType: not a GPU or accelerator instance type; got \"t3.large\"; "
                        + "expected a family of [dl1, dl2q, g4ad, g4dn, g5, g5g, g6, g6e, gr6, inf1, inf2, p3, p3dn, p4d, "
                        + "p4de, p5, p5e, p5en, trn1, trn1n, trn2], or waive(Control.EC2_GPU_INSTANCE_TYPE, \"<why>\")\n");
        assertThatThrownBy(() -> base().instanceType("g5").build())
                .hasMessage("HardenedGpuTrainerArgs.instanceType: malformed; got \"g5\"; expected an instance type \"<family>.<size>\"");
        assertThat(base().instanceType("t3.large").ami("ami-12345678")
                .waive(Control.EC2_GPU_INSTANCE_TYPE, "CPU smoke test of the training image before GPU runs.")
                .build().getInstanceType()).isEqualTo("t3.large");
    }

    @Test
    void familiesTheDefaultAmiDoesNotSupportNeedAnAmiOrFilter() {
        assertThatThrownBy(() -> base().instanceType("trn1.2xlarge").build())
                .hasMessageStartingWith("HardenedGpuTrainerArgs.ami: the default AMI (Deep Learning Base OSS Nvidia Driver "
                        + "GPU AMI (Amazon Linux 2023) *) does not support this family; got \"trn1.2xlarge\"; expected "
                        + "ami(\"ami-...\") or amiNameFilter(\"...\") for trn1");
        assertThat(base().instanceType("trn1.2xlarge").amiNameFilter("Deep Learning AMI Neuron (Ubuntu 22.04) *").build()
                .effectiveAmiNameFilter()).isEqualTo("Deep Learning AMI Neuron (Ubuntu 22.04) *");
        assertThatThrownBy(() -> base().amiArchitecture("i386").build())
                .hasMessage("HardenedGpuTrainerArgs.amiArchitecture: not a supported architecture; got \"i386\"; expected \"x86_64\" or \"arm64\"");
    }

    @Test
    void malformedAmiIdIsRefused() {
        for (String bad : new String[] {"ami-123456", "ami-0123456789ABCDEF0", "ami-0123456789abcdef", "0123456789abcdef0"}) {
            assertThatThrownBy(() -> base().ami(bad).build())
                    .hasMessage("HardenedGpuTrainerArgs.ami: malformed; got \"" + bad + "\"; expected an AMI id \"ami-\" and 8 or 17 lowercase hex digits");
        }
    }

    @Test
    void volumeSizesOutOfRangeAreRefused() {
        assertThatThrownBy(() -> base().rootVolumeSizeGib(7).build())
                .hasMessage("HardenedGpuTrainerArgs.rootVolumeSizeGib: outside the allowed range; got 7; expected 8 to 16384 GiB");
        assertThatThrownBy(() -> base().rootVolumeSizeGib(16385).build())
                .hasMessage("HardenedGpuTrainerArgs.rootVolumeSizeGib: outside the allowed range; got 16385; expected 8 to 16384 GiB");
        assertThatThrownBy(() -> base().addDataVolumes(DataVolume.of(0, "/dev/sdh")).build())
                .hasMessage("HardenedGpuTrainerArgs.dataVolumes.sizeGib: outside the allowed range; got 0; expected 1 to 16384 GiB");
        assertThatThrownBy(() -> base().addDataVolumes(DataVolume.of(16385, "/dev/sdh")).build())
                .hasMessage("HardenedGpuTrainerArgs.dataVolumes.sizeGib: outside the allowed range; got 16385; expected 1 to 16384 GiB");
    }

    @Test
    void deviceNamesOutsideTheDataRangeAreRefused() {
        for (String bad : new String[] {"/dev/sda1", "/dev/sdq", "/dev/xvda", "/dev/nvme1n1", "sdh"}) {
            assertThatThrownBy(() -> base().addDataVolumes(DataVolume.of(50, bad)).build())
                    .hasMessage("HardenedGpuTrainerArgs.dataVolumes.deviceName: malformed; got \"" + bad
                            + "\"; expected /dev/sd[f-p] or /dev/xvd[f-p]");
        }
        assertThatThrownBy(() -> base().addDataVolumes(DataVolume.of(50, "/dev/sdh"), DataVolume.of(50, "/dev/xvdh")).build())
                .hasMessage("HardenedGpuTrainerArgs.dataVolumes.deviceName: device name used twice; got \"/dev/xvdh\"; "
                        + "expected one volume per device name");
    }

    @Test
    void ingressCidrsMustBeCidrsAndNeverTheInternetWithoutAWaiver() {
        String expected = "expected a CIDR network address such as \"10.20.0.0/16\" or \"2001:db8::/32\" (host bits zero)";
        for (String bad : new String[] {"10.0.0.0", "10.0.0.256/16", "10.0.0.0/33", "example.com/8", "2001:db8::/129", "::1::/64"}) {
            assertThatThrownBy(() -> base().addIngress(rule(bad)).build())
                    .hasMessage("HardenedGpuTrainerArgs.ingress.cidrs: not a CIDR; got \"" + bad + "\"; " + expected);
        }
        assertThatThrownBy(() -> base().addIngress(rule("10.0.0.1/16")).build())
                .hasMessage("HardenedGpuTrainerArgs.ingress.cidrs: host bits set (not a network address); got \"10.0.0.1/16\"; " + expected);
        for (String open : new String[] {"0.0.0.0/0", "::/0"}) {
            assertThatThrownBy(() -> base().addIngress(rule(open)).build())
                    .hasMessage("HardenedGpuTrainerArgs.ingress.cidrs: ingress from the whole internet without a waiver of MLI-EC2-04; got \""
                            + open + "\"; expected named CIDRs or security groups, or waive(Control.EC2_NO_OPEN_INGRESS, \"<why>\")");
        }
        assertThat(base().addIngress(rule("0.0.0.0/0"))
                .waive(Control.EC2_NO_OPEN_INGRESS, "Public inference demo for one afternoon, torn down tonight.")
                .build().getIngress()).hasSize(1);
        assertThatThrownBy(() -> base().addIngress(IngressRule.builder().port(22).description("nobody").build()).build())
                .hasMessage("HardenedGpuTrainerArgs.ingress.cidrs: a rule without a source; got []; expected at least one CIDR or source security group id");
        assertThatThrownBy(() -> base().addIngress(IngressRule.builder().port(0).addCidrs("10.0.0.0/8").description("x").build()).build())
                .hasMessage("HardenedGpuTrainerArgs.ingress.port: outside the allowed range; got 0; expected a port from 1 to 65535");
        assertThatThrownBy(() -> base().addIngress(IngressRule.builder().port(22).addSourceSecurityGroupIds("default")
                .description("x").build()).build())
                .hasMessage("HardenedGpuTrainerArgs.ingress.sourceSecurityGroupIds: malformed; got \"default\"; expected a security group id \"sg-\" and 8 or 17 lowercase hex digits");
        assertThatThrownBy(() -> base().addIngress(IngressRule.builder().port(22).addCidrs("10.0.0.0/8")
                .description("SSH <from> the \"bastion\"").build()).build())
                .hasMessage("HardenedGpuTrainerArgs.ingress.description: malformed; got \"SSH <from> the \"bastion\"\"; expected at most "
                        + "255 of a-z A-Z 0-9 space and ._-:/()#,@[]+=&;{}!$* (EC2's rule description alphabet)");
        assertThatThrownBy(() -> IngressRule.builder().port(22).addCidrs("10.0.0.0/8").build())
                .hasMessageStartingWith("IngressRule.description: required attribute not set");
    }

    private static IngressRule rule(String cidr) {
        return IngressRule.builder().port(443).addCidrs(cidr).description("test rule").build();
    }

    @Test
    void hopLimitOutsideRangeOrAboveOneWithoutWaiverIsRefused() {
        assertThatThrownBy(() -> base().metadataHopLimit(0).build())
                .hasMessage("HardenedGpuTrainerArgs.metadataHopLimit: outside the allowed range; got 0; expected 1 to 64 hops");
        assertThatThrownBy(() -> base().metadataHopLimit(65).build())
                .hasMessage("HardenedGpuTrainerArgs.metadataHopLimit: outside the allowed range; got 65; expected 1 to 64 hops");
        assertThatThrownBy(() -> base().metadataHopLimit(2).build())
                .hasMessage("HardenedGpuTrainerArgs.metadataHopLimit: above 1 without a waiver of MLI-EC2-02; got 2; "
                        + "expected 1, or waive(Control.EC2_IMDSV2, \"<why>\")");
        assertThat(base().metadataHopLimit(2).waive(Control.EC2_IMDSV2, "Training runs in Docker on a bridge network.")
                .build().getMetadataHopLimit()).isEqualTo(2);
    }

    @Test
    void sharedTenancyNeedsAWaiver() {
        assertThatThrownBy(() -> base().tenancy("default").build())
                .hasMessage("HardenedGpuTrainerArgs.tenancy: shared tenancy without a waiver of MLI-EC2-08; got \"default\"; "
                        + "expected \"dedicated\", or waive(Control.EC2_DEDICATED_TENANCY, \"<why>\")");
        assertThatThrownBy(() -> base().tenancy("host").build())
                .hasMessage("HardenedGpuTrainerArgs.tenancy: not a supported tenancy; got \"host\"; expected \"dedicated\" or \"default\"");
    }

    @Test
    void malformedAgentConfigIsRefused() {
        assertThatThrownBy(() -> base().cloudWatchAgentConfig("{\"metrics\": ").build())
                .hasMessageStartingWith("HardenedGpuTrainerArgs.cloudWatchAgentConfig: malformed JSON (")
                .hasMessageEndingWith("; got \"{\"metrics\": \"; expected a CloudWatch agent configuration JSON object");
        assertThatThrownBy(() -> base().cloudWatchAgentConfig("[1, 2]").build())
                .hasMessage("HardenedGpuTrainerArgs.cloudWatchAgentConfig: not a JSON object; got \"[1, 2]\"; "
                        + "expected a CloudWatch agent configuration JSON object");
    }

    @Test
    void requiredAttributesAndInapplicableWaiversAreReported() {
        assertThatThrownBy(() -> HardenedGpuTrainerArgs.builder().build())
                .hasMessageStartingWith("HardenedGpuTrainerArgs.placement: required attribute not set; got nothing;");
        assertThatThrownBy(() -> base().waive(Control.KMS_ROTATION, "Not something a trainer could ever waive.").build())
                .hasMessageStartingWith("HardenedGpuTrainerArgs.waivers: control MLI-KMS-01 does not apply here");
    }

    @Test
    void resolvedIdsAreValidated() {
        // ids of one kind go through the one validator: 8 or 17 lowercase hex digits, nothing between
        assertThatThrownBy(() -> base().ami("ami-0123456789abcd").build())
                .hasMessage("HardenedGpuTrainerArgs.ami: malformed; got \"ami-0123456789abcd\"; expected an AMI id \"ami-\" and 8 or 17 lowercase hex digits");
        assertThatThrownBy(() -> base().addIngress(IngressRule.builder().port(443).addSourceSecurityGroupIds("sg-0123456789")
                .description("x").build()).build())
                .hasMessage("HardenedGpuTrainerArgs.ingress.sourceSecurityGroupIds: malformed; got \"sg-0123456789\"; "
                        + "expected a security group id \"sg-\" and 8 or 17 lowercase hex digits");
    }

    @Test
    void theSamePermissionTwiceIsRefusedAsEc2Would() {
        String twoRules = "; expected each protocol, port and source in one rule only (EC2 refuses a duplicate permission: "
                + "InvalidPermission.Duplicate)";
        // the same CIDR twice in one rule
        assertThatThrownBy(() -> base().addIngress(IngressRule.builder().port(443).addCidrs("10.20.0.0/16", "10.20.0.0/16")
                .description("x").build()).build())
                .hasMessage("HardenedGpuTrainerArgs.ingress.cidrs: listed twice in one rule; got \"10.20.0.0/16\"; "
                        + "expected each source once per rule (EC2 refuses the same permission twice)");
        // the same network spelled two ways is the same source
        assertThatThrownBy(() -> base().addIngress(IngressRule.builder().port(443).addCidrs("2001:db8::/32", "2001:0DB8:0::/32")
                .description("x").build()).build())
                .hasMessageStartingWith("HardenedGpuTrainerArgs.ingress.cidrs: listed twice in one rule; got \"2001:0DB8:0::/32\"");
        // the same protocol, port and CIDR in two rules
        assertThatThrownBy(() -> base().addIngress(rule("10.20.0.0/16"), IngressRule.builder().port(443).addCidrs("10.30.0.0/16", "10.20.0.0/16")
                .description("another rule").build()).build())
                .hasMessage("HardenedGpuTrainerArgs.ingress.cidrs: the same permission (tcp port 443 from this source) is in two rules; "
                        + "got \"10.20.0.0/16\"" + twoRules);
        // the same source security group in two rules
        IngressRule fromSg = IngressRule.builder().port(8888).addSourceSecurityGroupIds("sg-0aaaaaaaaaaaaaaaa").description("x").build();
        assertThatThrownBy(() -> base().addIngress(fromSg, fromSg).build())
                .hasMessage("HardenedGpuTrainerArgs.ingress.sourceSecurityGroupIds: the same permission (tcp port 8888 from this source) "
                        + "is in two rules; got \"sg-0aaaaaaaaaaaaaaaa\"" + twoRules);
        // another port or protocol is another permission
        assertThat(base().addIngress(rule("10.20.0.0/16"),
                IngressRule.builder().port(8443).addCidrs("10.20.0.0/16").description("x").build(),
                IngressRule.builder().port(443).protocol("udp").addCidrs("10.20.0.0/16").description("x").build(),
                IngressRule.builder().port(443).addCidrs("10.20.0.0/24").addSourceSecurityGroupIds("sg-0aaaaaaaaaaaaaaaa")
                        .description("x").build()).build().getIngress()).hasSize(4);
    }

    @Test
    void cidrsCompareInOneSpelling() {
        assertThat(HardenedGpuTrainerArgs.canonicalCidr("2001:0DB8:0::/32")).isEqualTo("2001:db8:0:0:0:0:0:0/32");
        assertThat(HardenedGpuTrainerArgs.canonicalCidr("2001:db8::/32")).isEqualTo("2001:db8:0:0:0:0:0:0/32");
        assertThat(HardenedGpuTrainerArgs.canonicalCidr("010.020.0.0/16")).isEqualTo("10.20.0.0/16");
        assertThat(HardenedGpuTrainerArgs.canonicalCidr("10.20.0.0/16")).isNotEqualTo(HardenedGpuTrainerArgs.canonicalCidr("10.20.0.0/24"));
    }
}
