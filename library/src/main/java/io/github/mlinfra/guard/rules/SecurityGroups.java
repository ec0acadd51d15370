package io.github.mlinfra.guard.rules;

import io.github.mlinfra.guard.PlanIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading security-group rules in their three shapes (inline, SecurityGroupRule, vpc rule resources). */
final class SecurityGroups {
    private SecurityGroups() {}

    /**
     * The CIDR values of a rule (either form) that cannot be read, so whether the rule opens to
     * the world is undecided: one reason each.
     */
    static List<String> opaqueCidrs(Object rule, String where) {
        List<String> out = new ArrayList<>();
        for (String key : List.of("cidrBlocks", "ipv6CidrBlocks", "cidrIpv4", "cidrIpv6")) {
            Object v = PlanIndex.get(rule, key);
            if (PlanIndex.isOpaque(v)) {
                out.add(where + "." + key + " is " + v);
            }
            List<Object> items = PlanIndex.list(v);
            for (int i = 0; i < items.size(); i++) {
                if (PlanIndex.isOpaque(items.get(i))) {
                    out.add(where + "." + key + "." + i + " is " + items.get(i));
                }
            }
        }
        return out;
    }

    static boolean isWorld(Object cidr) {
        return "0.0.0.0/0".equals(cidr) || "::/0".equals(cidr);
    }

    static List<String> worldCidrs(Object rule) {
        List<String> out = new ArrayList<>();
        for (String key : List.of("cidrBlocks", "ipv6CidrBlocks")) {
            for (Object c : PlanIndex.list(PlanIndex.get(rule, key))) {
                if (isWorld(c)) {
                    out.add(String.valueOf(c));
                }
            }
        }
        return out;
    }

    static String ports(Object rule, String protocolKey) {
        return PlanIndex.get(rule, protocolKey) + " " + PlanIndex.get(rule, "fromPort") + "-" + PlanIndex.get(rule, "toPort");
    }

    static boolean allProtocols(Object protocol) {
        return "-1".equals(String.valueOf(protocol)) || "all".equalsIgnoreCase(String.valueOf(protocol));
    }

    /** An inline or SecurityGroupRule ingress open to the world. */
    static Optional<String> openRule(Object rule, String where) {
        List<String> world = worldCidrs(rule);
        return world.isEmpty() ? Optional.empty()
                : Optional.of(where + " allows " + ports(rule, "protocol") + " from " + String.join(", ", world));
    }

    /** A vpc SecurityGroupIngressRule open to the world. */
    static Optional<String> openVpcRule(Object rule, String where) {
        for (String key : List.of("cidrIpv4", "cidrIpv6")) {
            if (isWorld(PlanIndex.get(rule, key))) {
                return Optional.of(where + " allows " + ports(rule, "ipProtocol") + " from " + PlanIndex.get(rule, key));
            }
        }
        return Optional.empty();
    }

    /** An inline or SecurityGroupRule egress of all traffic to the world. */
    static Optional<String> allTrafficRule(Object rule, String where) {
        List<String> world = worldCidrs(rule);
        if (world.isEmpty() || !allProtocols(PlanIndex.get(rule, "protocol"))) {
            return Optional.empty();
        }
        return Optional.of(where + " allows all traffic to " + String.join(", ", world));
    }

    /** A vpc SecurityGroupEgressRule of all traffic to the world. */
    static Optional<String> allTrafficVpcRule(Object rule, String where) {
        if (!allProtocols(PlanIndex.get(rule, "ipProtocol"))) {
            return Optional.empty();
        }
        for (String key : List.of("cidrIpv4", "cidrIpv6")) {
            if (isWorld(PlanIndex.get(rule, key))) {
                return Optional.of(where + " allows all traffic to " + PlanIndex.get(rule, key));
            }
        }
        return Optional.empty();
    }
}
