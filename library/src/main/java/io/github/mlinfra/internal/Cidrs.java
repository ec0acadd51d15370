package io.github.mlinfra.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The one CIDR parser of the library: IPv4 ({@code a.b.c.d/n}, each octet 0 to 255, {@code n} 0 to
 * 32) and IPv6 (hex groups with at most one {@code ::}, {@code n} 0 to 128), with no DNS lookup
 * and no {@link java.net.InetAddress}. Used by {@code PrivateNetworkArgs} (the VPC block and its
 * subnets) and {@code HardenedGpuTrainerArgs} (ingress sources).
 */
public final class Cidrs {
    private Cidrs() {}

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final Pattern IPV6 = Pattern.compile("([0-9a-fA-F:]+)/(\\d{1,3})");

    /**
     * A parsed CIDR block: its address (4 bytes for IPv4, 16 for IPv6) and prefix length.
     *
     * @param address the address bytes, as written (host bits may be set)
     * @param prefix the prefix length
     */
    public record Cidr(byte[] address, int prefix) {
        /**
         * Whether this is an IPv4 block.
         *
         * @return true for 4 address bytes
         */
        public boolean isIpv4() {
            return address.length == 4;
        }

        /**
         * The IPv4 address as an unsigned 32-bit number.
         *
         * @return the address
         */
        public long ipv4Address() {
            if (!isIpv4()) {
                throw new IllegalStateException("not an IPv4 block: " + this);
            }
            long a = 0;
            for (byte b : address) {
                a = (a << 8) | (b & 0xff);
            }
            return a;
        }

        /**
         * Whether a bit after the prefix is set (then this is not a network address).
         *
         * @return true when host bits are set
         */
        public boolean hasHostBits() {
            for (int bit = prefix; bit < address.length * 8; bit++) {
                if ((address[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                    return true;
                }
            }
            return false;
        }

        /**
         * One spelling per block ({@code 2001:DB8::/32} and {@code 2001:0db8:0::/32} are the same;
         * {@code 010.0.0.0/8} is {@code 10.0.0.0/8}), for comparing sources.
         *
         * @return the canonical text
         */
        @Override
        public String toString() {
            var sb = new StringBuilder();
            if (isIpv4()) {
                for (int i = 0; i < 4; i++) {
                    sb.append(i == 0 ? "" : ".").append(address[i] & 0xff);
                }
            } else {
                for (int i = 0; i < 16; i += 2) {
                    sb.append(i == 0 ? "" : ":").append(Integer.toHexString(((address[i] & 0xff) << 8) | (address[i + 1] & 0xff)));
                }
            }
            return sb.append('/').append(prefix).toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.address, address);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(address) + prefix;
        }
    }

    /**
     * Parses a CIDR block (syntax only: host bits may be set).
     *
     * @param text the text
     * @return the block, or empty when the text is not a CIDR
     */
    public static Optional<Cidr> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m4 = IPV4.matcher(text);
        if (m4.matches()) {
            byte[] addr = new byte[4];
            for (int i = 0; i < 4; i++) {
                int o = Integer.parseInt(m4.group(i + 1));
                if (o > 255) {
                    return Optional.empty();
                }
                addr[i] = (byte) o;
            }
            int prefix = Integer.parseInt(m4.group(5));
            return prefix > 32 ? Optional.empty() : Optional.of(new Cidr(addr, prefix));
        }
        Matcher m6 = IPV6.matcher(text);
        if (!m6.matches() || !m6.group(1).contains(":")) {
            return Optional.empty();
        }
        byte[] addr = ipv6(m6.group(1));
        int prefix = Integer.parseInt(m6.group(2));
        return addr == null || prefix > 128 ? Optional.empty() : Optional.of(new Cidr(addr, prefix));
    }

    /**
     * Renders an IPv4 block.
     *
     * @param address the address as an unsigned 32-bit number
     * @param prefix the prefix length
     * @return {@code a.b.c.d/prefix}
     */
    public static String ipv4(long address, int prefix) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255) + "/" + prefix;
    }

    /** Parses an IPv6 address (hex groups, at most one {@code ::}); null when malformed. */
    private static byte[] ipv6(String text) {
        String[] halves = text.split("::", -1);
        if (halves.length > 2) {
            return null;
        }
        List<String> head = groups(halves[0]);
        List<String> tail = halves.length == 2 ? groups(halves[1]) : List.of();
        if (head == null || tail == null) {
            return null;
        }
        int n = head.size() + tail.size();
        if (halves.length == 1 ? n != 8 : n > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            put(out, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            put(out, 8 - tail.size() + i, tail.get(i));
        }
        return out;
    }

    private static List<String> groups(String part) {
        if (part.isEmpty()) {
            return List.of();
        }
        List<String> g = List.of(part.split(":", -1));
        for (String x : g) {
            if (!x.matches("[0-9a-fA-F]{1,4}")) {
                return null;
            }
        }
        return g;
    }

    private static void put(byte[] out, int group, String hex) {
        int v = Integer.parseInt(hex, 16);
        out[group * 2] = (byte) (v >> 8);
        out[group * 2 + 1] = (byte) v;
    }
}
