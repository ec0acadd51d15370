package io.github.mlinfra.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.plan.PlanEngine;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PlacementTest {
    static Placement.Builder existing() {
        return Placement.existingVpc().vpcId("vpc-0123456789abcdef0").subnetIds("subnet-0123456789abcdef0")
                .endpointSecurityGroupId("sg-0123456789abcdef0");
    }

    @Test
    void anExistingVpcNeedsItsIdsAndTakesNoNetwork() {
        var p = existing().build();
        assertThat(p.getNetwork()).isEmpty();
        assertThat(p.getS3PrefixListId()).as("looked up by default").isEmpty();
        assertThat(p.dependencies()).isEmpty();
        assertThat(p.interfaceEndpointServices()).isEmpty();
        assertThatThrownBy(() -> Placement.existingVpc().vpcId("vpc-0123456789abcdef0").build())
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("Placement.subnetIds: required in an existing VPC; got nothing; expected vpcId, subnetIds and "
                        + "endpointSecurityGroupId (s3PrefixListId optional), or Placement.in(network)");
        assertThatThrownBy(() -> existing().vpcId("vpc-0123456789abcdef").build())
                .hasMessage("Placement.vpcId: malformed; got \"vpc-0123456789abcdef\"; expected a VPC id \"vpc-\" and 8 or 17 lowercase hex digits");
        assertThatThrownBy(() -> existing().s3PrefixListId("com.amazonaws.us-east-1.s3").build())
                .hasMessageStartingWith("Placement.s3PrefixListId: malformed; got \"com.amazonaws.us-east-1.s3\"");
        assertThatThrownBy(() -> existing().subnetIds().build())
                .hasMessageStartingWith("Placement.subnetIds: wrong number of ids; got []");
        assertThatThrownBy(() -> Placement.in(null))
                .hasMessage("Placement.network: must not be null; got null; expected a PrivateNetwork");
    }

    @Test
    void inANetworkEverythingComesFromItAndTheWorkloadWaitsForIt() {
        var placement = new AtomicReference<Placement>();
        var plan = PlanEngine.plan(ctx -> {
            var net = new PrivateNetwork("ml", PrivateNetworkArgs.builder().build());
            placement.set(Placement.in(net));
            assertThat(placement.get().dependencies()).containsExactly(net);
            assertThat(placement.get().interfaceEndpointServices()).contains(PrivateNetworkArgs.DEFAULT_INTERFACE_ENDPOINTS);
            assertThatThrownBy(() -> Placement.existingVpc().network(net).subnetIds(Output.of(List.of("subnet-0123456789abcdef0")))
                    .build()).hasMessageStartingWith("Placement.subnetIds: given together with a network");
            ctx.export("vpc", placement.get().effectiveVpcId());
            ctx.export("subnets", placement.get().effectiveSubnetIds());
            ctx.export("endpointSg", placement.get().effectiveEndpointSecurityGroupId());
            ctx.export("pl", placement.get().effectiveS3PrefixListId(net));
        });
        assertThat(plan.getOutputs().get("vpc")).isEqualTo(plan.resource("ml-vpc").getId().orElseThrow());
        assertThat(plan.getOutputs().get("subnets")).isEqualTo(List.of(plan.resource("ml-private-0").getId().orElseThrow(),
                plan.resource("ml-private-1").getId().orElseThrow()));
        assertThat(plan.getOutputs().get("endpointSg")).isEqualTo(plan.resource("ml-endpoint-sg").getId().orElseThrow());
        assertThat((String) plan.getOutputs().get("pl")).startsWith("pl-");
    }

    @Test
    void idsGivenAsOutputsAreCheckedWhenTheyResolve() {
        assertThatThrownBy(() -> PlanEngine.plan(ctx -> ctx.export("vpc", Placement.existingVpc()
                .vpcId(Output.of("vpc-xyz")).subnetIds("subnet-0123456789abcdef0").endpointSecurityGroupId("sg-0123456789abcdef0")
                .build().effectiveVpcId())))
                .hasMessageContaining("Placement.vpcId: malformed; got \"vpc-xyz\"; expected a VPC id \"vpc-\" and 8 or 17 lowercase hex digits");
    }
}
