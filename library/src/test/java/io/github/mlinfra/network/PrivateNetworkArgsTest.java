package io.github.mlinfra.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.controls.Control;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivateNetworkArgsTest {

    @Test
    void defaultsAreSecureAndDocumented() {
        var args = PrivateNetworkArgs.builder().build();
        assertThat(args.effectiveCidrBlock()).isEqualTo("10.0.0.0/16");
        assertThat(args.getCidrBlock()).isEmpty();
        assertThat(args.isHighAvailability()).isTrue();
        assertThat(args.getAvailabilityZoneCount()).isEqualTo(2);
        assertThat(args.effectiveSubnetPrefixLength()).isEqualTo(18);
        assertThat(args.subnetCidrBlocks()).containsExactly("10.0.0.0/18", "10.0.64.0/18");
        assertThat(args.getInterfaceEndpointServices()).containsExactly("sagemaker.api", "sagemaker.runtime", "sts",
                "logs", "ecr.api", "ecr.dkr", "kms", "ssm", "ssmmessages", "ec2messages");
        assertThat(args.getFlowLogRetentionDays()).isEqualTo(365);
        assertThat(args.getWaivers()).isEmpty();
        assertThat(args.usesExistingVpc()).isFalse();
        assertThat(PrivateNetworkArgs.builder().highAvailability(false).build().getAvailabilityZoneCount()).isEqualTo(1);
    }

    @Test
    void subnetsAreCarvedDeterministically() {
        var args = PrivateNetworkArgs.builder().cidrBlock("172.20.8.0/22").availabilityZoneCount(3).build();
        assertThat(args.subnetCidrBlocks()).containsExactly("172.20.8.0/24", "172.20.9.0/24", "172.20.10.0/24");
        var small = PrivateNetworkArgs.builder().cidrBlock("192.168.5.0/24").subnetPrefixLength(27).availabilityZoneCount(3).build();
        assertThat(small.subnetCidrBlocks()).containsExactly("192.168.5.0/27", "192.168.5.32/27", "192.168.5.64/27");
    }

    @Test
    void publicOrMalformedCidrIsRefused() {
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().cidrBlock("8.8.0.0/16").build())
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("PrivateNetworkArgs.cidrBlock: not a private (RFC 1918) range; got \"8.8.0.0/16\"; "
                        + "expected a private range within 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16");
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().cidrBlock("172.32.0.0/16").build())
                .hasMessageStartingWith("PrivateNetworkArgs.cidrBlock: not a private (RFC 1918) range; got \"172.32.0.0/16\"");
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().cidrBlock("10.0.0.0/8").build())
                .hasMessage("PrivateNetworkArgs.cidrBlock: prefix length outside what a VPC accepts here; got \"10.0.0.0/8\"; "
                        + "expected a prefix length from /16 to /24");
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().cidrBlock("10.0.0.0/26").build())
                .hasMessageStartingWith("PrivateNetworkArgs.cidrBlock: prefix length outside what a VPC accepts here");
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().cidrBlock("10.0.1.0/16").build())
                .hasMessage("PrivateNetworkArgs.cidrBlock: host bits set (not a network address); got \"10.0.1.0/16\"; "
                        + "expected \"10.0.0.0/16\"");
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().cidrBlock("10.0.0.300/16").build())
                .hasMessage("PrivateNetworkArgs.cidrBlock: malformed; got \"10.0.0.300/16\"; expected an IPv4 CIDR block such as \"10.0.0.0/16\"");
    }

    @Test
    void aPrefixThatCannotHoldTheSubnetsIsRefused() {
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().cidrBlock("10.0.0.0/24").subnetPrefixLength(25)
                .availabilityZoneCount(3).build())
                .hasMessage("PrivateNetworkArgs.cidrBlock: too small to hold 3 subnets of /25; got \"10.0.0.0/24\"; "
                        + "expected a prefix length of at most /23, or a longer subnetPrefixLength");
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().cidrBlock("10.0.0.0/20").subnetPrefixLength(20).build())
                .hasMessageStartingWith("PrivateNetworkArgs.cidrBlock: too small to hold 2 subnets of /20");
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().subnetPrefixLength(29).build())
                .hasMessage("PrivateNetworkArgs.subnetPrefixLength: outside the allowed range; got 29; expected 16 to 28 (prefix length)");
    }

    @Test
    void highAvailabilityNeedsTwoZones() {
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().availabilityZoneCount(1).build())
                .hasMessage("PrivateNetworkArgs.availabilityZoneCount: fewer than two availability zones with high availability; "
                        + "got 1; expected 2 or 3, or highAvailability(false)");
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().availabilityZoneCount(4).build())
                .hasMessage("PrivateNetworkArgs.availabilityZoneCount: outside the allowed range; got 4; expected 1 to 3 zones");
        assertThat(PrivateNetworkArgs.builder().highAvailability(false).availabilityZoneCount(1).build()
                .subnetCidrBlocks()).containsExactly("10.0.0.0/18");
    }

    @Test
    void unknownEndpointServiceIsRefused() {
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().interfaceEndpointServices(List.of("sts", "sagemaker.apii")).build())
                .hasMessageStartingWith("PrivateNetworkArgs.interfaceEndpointServices: unknown endpoint service; got \"sagemaker.apii\"; expected one of [")
                .hasMessageContaining("sagemaker.api, ");
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().interfaceEndpointServices(List.of("sts", "sts")).build())
                .hasMessage("PrivateNetworkArgs.interfaceEndpointServices: listed twice; got \"sts\"; expected each service once");
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().interfaceEndpointServices(List.of()).build())
                .hasMessageStartingWith("PrivateNetworkArgs.interfaceEndpointServices: no endpoint; got []");
    }

    @Test
    void retentionMustBeACloudWatchPeriodAndShortOnesNeedAWaiver() {
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().flowLogRetentionDays(100).build())
                .hasMessageStartingWith("PrivateNetworkArgs.flowLogRetentionDays: not a CloudWatch Logs retention period; got 100; expected one of [1, 3, 5,");
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().flowLogRetentionDays(0).build())
                .hasMessageStartingWith("PrivateNetworkArgs.flowLogRetentionDays: not a CloudWatch Logs retention period; got 0");
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().flowLogRetentionDays(90).build())
                .hasMessage("PrivateNetworkArgs.flowLogRetentionDays: shorter than 365 days without a waiver of MLI-LOG-01; got 90; "
                        + "expected 365 or more, or waive(Control.LOGS_ENCRYPTED_RETAINED, \"<why>\")");
        assertThat(PrivateNetworkArgs.builder().flowLogRetentionDays(90)
                .waive(Control.LOGS_ENCRYPTED_RETAINED, "Sandbox account; the central SIEM keeps a copy for a year.")
                .build().getFlowLogRetentionDays()).isEqualTo(90);
        assertThat(PrivateNetworkArgs.builder().flowLogRetentionDays(3653).build().getFlowLogRetentionDays()).isEqualTo(3653);
    }

    @Test
    void waiversAreLimitedToTheWaivableControls() {
        assertThatThrownBy(() -> PrivateNetworkArgs.builder()
                .waive(Control.VPC_NO_INTERNET_GATEWAY, "We want a public subnet for a bastion host here.").build())
                .hasMessage("PrivateNetworkArgs.waivers: this version never creates an internet gateway, so MLI-VPC-03 cannot be waived; "
                        + "got \"MLI-VPC-03\"; expected one of [MLI-VPC-01, MLI-VPC-02, MLI-LOG-01, MLI-VPC-04, MLI-VPC-08, MLI-VPC-09]");
        assertThatThrownBy(() -> PrivateNetworkArgs.builder()
                .waive(Control.S3_TLS_ONLY, "Not a network control, so it must be refused.").build())
                .hasMessageStartingWith("PrivateNetworkArgs.waivers: control MLI-S3-03 does not apply here");
    }

    @Test
    void existingVpcNeedsSubnetsAndItsCidr() {
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().existingVpcId(Output.of("vpc-0123456789abcdef0")).cidrBlock("10.1.0.0/16").build())
                .hasMessage("PrivateNetworkArgs.existingSubnetIds: existingVpcId and existingSubnetIds go together; "
                        + "got \"existingVpcId only\"; expected both, or neither");
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().existingVpcId(Output.of("vpc-0123456789abcdef0"))
                .existingSubnetIds(Output.of(List.of("subnet-0123456789abcdef0"))).build())
                .hasMessageStartingWith("PrivateNetworkArgs.cidrBlock: required with an existing VPC");
        assertThatThrownBy(() -> PrivateNetworkArgs.builder().existingRouteTableIds(Output.of(List.of("rtb-01234567"))).build())
                .hasMessageStartingWith("PrivateNetworkArgs.existingRouteTableIds: only meaningful with an existing VPC");
    }

    @Test
    void subnetIdsAreCheckedWhenTheyResolve() {
        assertThatThrownBy(() -> PrivateNetwork.checkSubnetIds(List.of(), true))
                .hasMessage("PrivateNetworkArgs.existingSubnetIds: wrong number of ids; got []; "
                        + "expected at least 1 of a subnet id \"subnet-\" and 8 or 17 lowercase hex digits");
        assertThatThrownBy(() -> PrivateNetwork.checkSubnetIds(List.of("subnet-0123456789abcdef0", ""), true))
                .hasMessage("PrivateNetworkArgs.existingSubnetIds: must not be empty; got \"\"; "
                        + "expected a subnet id \"subnet-\" and 8 or 17 lowercase hex digits");
        // 8 or 17 digits, as EC2 issues them: the 12-digit id the old pattern ([0-9a-f]{8,17}) let through is refused
        assertThatThrownBy(() -> PrivateNetwork.checkSubnetIds(List.of("subnet-0123456789ab", "subnet-0123456789abcdef0"), true))
                .hasMessageStartingWith("PrivateNetworkArgs.existingSubnetIds: malformed; got \"subnet-0123456789ab\"");
        assertThatThrownBy(() -> PrivateNetwork.checkRouteTableIds(List.of("rtb-0123456789abcde")))
                .hasMessage("PrivateNetworkArgs.existingRouteTableIds: malformed; got \"rtb-0123456789abcde\"; "
                        + "expected a route table id \"rtb-\" and 8 or 17 lowercase hex digits");
        assertThatThrownBy(() -> PrivateNetwork.checkSubnetIds(List.of("subnet-0123456789abcdef0"), true))
                .hasMessageStartingWith("PrivateNetworkArgs.existingSubnetIds: fewer than two subnets with high availability");
        assertThatThrownBy(() -> PrivateNetwork.checkZones(List.of("us-east-1a"), 2, true))
                .hasMessage("PrivateNetworkArgs.highAvailability: the region offers fewer than two availability zones; "
                        + "got [\"us-east-1a\"]; expected a region with at least two zones, or highAvailability(false)");
        assertThatThrownBy(() -> PrivateNetwork.checkVpcId("vpc"))
                .hasMessage("PrivateNetworkArgs.existingVpcId: malformed; got \"vpc\"; expected a VPC id \"vpc-\" and 8 or 17 lowercase hex digits");
    }
}
