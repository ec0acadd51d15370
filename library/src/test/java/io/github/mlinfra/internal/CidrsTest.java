package io.github.mlinfra.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CidrsTest {
    @Test
    void parsesIpv4AndIpv6BlocksAndRefusesMalformedOnes() {
        var v4 = Cidrs.parse("10.20.0.0/16").orElseThrow();
        assertThat(v4.isIpv4()).isTrue();
        assertThat(v4.prefix()).isEqualTo(16);
        assertThat(v4.ipv4Address()).isEqualTo((10L << 24) | (20L << 16));
        assertThat(v4.hasHostBits()).isFalse();
        assertThat(Cidrs.parse("10.20.0.1/16").orElseThrow().hasHostBits()).isTrue();
        var v6 = Cidrs.parse("2001:DB8::/32").orElseThrow();
        assertThat(v6.isIpv4()).isFalse();
        assertThat(v6.hasHostBits()).isFalse();
        assertThat(v6).isEqualTo(Cidrs.parse("2001:0db8:0::/32").orElseThrow());
        assertThat(v6.toString()).isEqualTo("2001:db8:0:0:0:0:0:0/32");
        assertThat(Cidrs.parse("010.020.0.0/16").orElseThrow().toString()).isEqualTo("10.20.0.0/16");
        for (String bad : new String[] {"256.0.0.0/8", "10.0.0.0/33", "10.0.0/8", "10.0.0.0", "2001:db8::/129",
                "2001:db8::1::/64", "2001:db8:0:0:0:0:0:0:0/64", "::g/64", "example.com/24", ""}) {
            assertThat(Cidrs.parse(bad)).as(bad).isEmpty();
        }
        assertThat(Cidrs.parse(null)).isEmpty();
        assertThat(Cidrs.ipv4((192L << 24) | (168L << 16) | (1L << 8), 24)).isEqualTo("192.168.1.0/24");
    }
}
