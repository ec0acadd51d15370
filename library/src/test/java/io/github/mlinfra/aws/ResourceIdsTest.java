package io.github.mlinfra.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlinfra.InvalidArgsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceIdsTest {
    @Test
    void eachKindTakes8Or17LowercaseHexDigitsAfterItsPrefix() {
        for (ResourceIds.Kind kind : ResourceIds.Kind.values()) {
            String p = kind.prefix() + "-";
            assertThat(ResourceIds.isValid(kind, p + "1a2b3c4d")).as(kind + " short").isTrue();
            assertThat(ResourceIds.isValid(kind, p + "1234567890abcdef0")).as(kind + " long").isTrue();
            // lengths between the two formats: the old pattern [0-9a-f]{8,17} accepted them, EC2 never issues them
            for (int n : new int[] {7, 9, 12, 16, 18}) {
                assertThat(ResourceIds.isValid(kind, p + "a".repeat(n))).as(kind + " " + n + " digits").isFalse();
            }
            assertThat(ResourceIds.isValid(kind, p + "1A2B3C4D")).as(kind + " upper case").isFalse();
            assertThat(ResourceIds.isValid(kind, p + "1a2b3c4g")).as(kind + " not hex").isFalse();
            assertThat(ResourceIds.isValid(kind, null)).isFalse();
        }
        assertThat(ResourceIds.isValid(ResourceIds.Kind.SUBNET, "sg-1a2b3c4d")).as("another kind's prefix").isFalse();
    }

    @Test
    void failuresUseTheProjectFormat() {
        assertThat(ResourceIds.check("X.vpcId", ResourceIds.Kind.VPC, "vpc-0123456789abcdef0")).isEqualTo("vpc-0123456789abcdef0");
        assertThatThrownBy(() -> ResourceIds.check("X.vpcId", ResourceIds.Kind.VPC, "vpc-0123456789abcdef"))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("X.vpcId: malformed; got \"vpc-0123456789abcdef\"; expected a VPC id \"vpc-\" and 8 or 17 lowercase hex digits");
        assertThatThrownBy(() -> ResourceIds.check("X.vpcId", ResourceIds.Kind.VPC, " "))
                .hasMessage("X.vpcId: must not be empty; got \" \"; expected a VPC id \"vpc-\" and 8 or 17 lowercase hex digits");
        assertThat(ResourceIds.checkAll("X.subnets", ResourceIds.Kind.SUBNET, List.of("subnet-1a2b3c4d"), 1, 16))
                .containsExactly("subnet-1a2b3c4d");
        assertThatThrownBy(() -> ResourceIds.checkAll("X.groups", ResourceIds.Kind.SECURITY_GROUP,
                List.of("sg-1a2b3c4d", "sg-1a2b3c4e", "sg-1a2b3c4f", "sg-1a2b3c40", "sg-1a2b3c41", "sg-1a2b3c42"), 1, 5))
                .hasMessageStartingWith("X.groups: wrong number of ids;")
                .hasMessageEndingWith("expected 1 to 5 of a security group id \"sg-\" and 8 or 17 lowercase hex digits");
        assertThatThrownBy(() -> ResourceIds.checkAll("X.lists", ResourceIds.Kind.PREFIX_LIST, List.of("pl-63a5400a", "pl-63a5400a"),
                1, Integer.MAX_VALUE))
                .hasMessage("X.lists: listed twice; got \"pl-63a5400a\"; expected each id once");
        assertThatThrownBy(() -> ResourceIds.checkAll("X.tables", ResourceIds.Kind.ROUTE_TABLE, List.of(), 1, Integer.MAX_VALUE))
                .hasMessage("X.tables: wrong number of ids; got []; expected at least 1 of a route table id \"rtb-\" and 8 or 17 lowercase hex digits");
    }
}
