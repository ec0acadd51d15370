package io.github.mlinfra.network;

import io.github.mlinfra.CheckedValue;
import com.pulumi.core.Output;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waivable;
import io.github.mlinfra.controls.WaivableBuilder;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.Cidrs;
import io.github.mlinfra.internal.MlInfraStyle;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.internal.Waivers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * Arguments of a {@link PrivateNetwork}. Every control is on by default; weaken one with
 * {@link Builder#waive(Control, String)}.
 *
 * <pre>{@code
 * PrivateNetworkArgs.builder()
 *     .cidrBlock("10.20.0.0/16")
 *     .availabilityZoneCount(3)
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class PrivateNetworkArgs extends CheckedValue implements Waivable {
    /** The controls a PrivateNetwork implements. MLI-VPC-03 cannot be waived: this version never creates an internet gateway. */
    public static final List<Control> CONTROLS = List.of(Control.VPC_FLOW_LOGS, Control.VPC_DEFAULT_SG_CLOSED,
            Control.VPC_NO_INTERNET_GATEWAY, Control.LOGS_ENCRYPTED_RETAINED, Control.VPC_ENDPOINT_POLICY,
            Control.VPC_SUBNET_NO_PUBLIC_IP, Control.VPC_WORKLOAD_ENDPOINTS, Control.VPC_OPERATIONS_ENDPOINTS);
    /**
     * The controls that may be waived. A waiver of MLI-VPC-01 means no flow logs, MLI-VPC-02 leaves the
     * default security group as it is, MLI-LOG-01 allows flow-log retention below 365 days (the log
     * group and its key are not protected from deletion), MLI-VPC-04 creates every endpoint without an
     * endpoint policy (full access for any credential, from any account). MLI-VPC-03 cannot be waived.
     * An interface endpoint for a service that does not document endpoint-policy support
     * ({@link io.github.mlinfra.aws.EndpointPolicySupport}) is created without a policy and records a
     * waiver of MLI-VPC-04 on that endpoint by itself. A waiver of MLI-VPC-08 or MLI-VPC-09 lets the VPC go without
     * the workload (ECR, SSM) or operations (EC2, Incident Manager) interface endpoints; the network
     * records MLI-VPC-09 on its VPC by itself (see the component guide).
     */
    public static final List<Control> WAIVABLE = List.of(Control.VPC_FLOW_LOGS, Control.VPC_DEFAULT_SG_CLOSED,
            Control.LOGS_ENCRYPTED_RETAINED, Control.VPC_ENDPOINT_POLICY, Control.VPC_WORKLOAD_ENDPOINTS,
            Control.VPC_OPERATIONS_ENDPOINTS);
    /** The interface endpoints created by default: what SageMaker notebooks, jobs and SSM-managed instances call. */
    public static final List<String> DEFAULT_INTERFACE_ENDPOINTS = List.of("sagemaker.api", "sagemaker.runtime", "sts",
            "logs", "ecr.api", "ecr.dkr", "kms", "ssm", "ssmmessages", "ec2messages");
    /** The interface endpoint services this component knows ({@code com.amazonaws.<region>.<service>}). */
    public static final Set<String> KNOWN_INTERFACE_ENDPOINTS = Set.of("sagemaker.api", "sagemaker.runtime",
            "sagemaker.featurestore-runtime", "sts", "logs", "monitoring", "events", "ecr.api", "ecr.dkr", "kms",
            "ssm", "ssmmessages", "ec2messages", "ec2", "secretsmanager", "elasticfilesystem", "ebs", "sqs", "sns",
            "states", "glue", "athena", "execute-api", "codecommit", "git-codecommit", "codeartifact.api",
            "codeartifact.repositories", "bedrock-runtime", "servicecatalog", "cloudtrail", "elasticloadbalancing",
            "autoscaling", "application-autoscaling", "xray");
    /** The retention periods CloudWatch Logs accepts, in days (0, "never expire", is not a retention period). */
    public static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    static final String DEFAULT_CIDR = "10.0.0.0/16";
    private static final String PRIVATE_RANGES = "a private range within 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16";

    /**
     * The VPC's IPv4 CIDR block: a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) with a
     * prefix length from /16 to /24. With an existing VPC, give that VPC's CIDR: the endpoint
     * security group admits HTTPS from it and from nowhere else.
     *
     * @return the CIDR block, if given
     * @defaultValue {@code 10.0.0.0/16} for a created VPC; required with {@link #getExistingVpcId()}
     */
    public abstract Optional<String> getCidrBlock();

    /**
     * The prefix length of each private subnet (carved from the VPC CIDR in order: subnet
     * {@code i} is the {@code i}-th block of that size).
     *
     * @return the subnet prefix length, if given
     * @defaultValue the VPC prefix length + 2 (four slots, e.g. /18 subnets in a /16), at most /28
     */
    public abstract Optional<Integer> getSubnetPrefixLength();

    /**
     * Whether the network spans at least two availability zones, so one zone's outage does not
     * take the endpoints (and every workload using them) down.
     *
     * @return whether high availability is asked
     * @defaultValue {@code true}: at least two zones
     */
    @Value.Default
    public boolean isHighAvailability() {
        return true;
    }

    /**
     * How many availability zones get a private subnet (the first ones the region lists): 2 or 3
     * with high availability, 1 to 3 without.
     *
     * @return the zone count
     * @defaultValue 2 with high availability (endpoints are billed per zone), else 1
     */
    @Value.Default
    public int getAvailabilityZoneCount() {
        return isHighAvailability() ? 2 : 1;
    }

    /**
     * The interface endpoints to create ({@code com.amazonaws.<region>.<service>}), one of
     * {@link #KNOWN_INTERFACE_ENDPOINTS} each. The S3 gateway endpoint is always created.
     *
     * @return the endpoint service names
     * @defaultValue {@link #DEFAULT_INTERFACE_ENDPOINTS}: SageMaker API and runtime, STS, CloudWatch Logs,
     *     ECR API and Docker, KMS, and the three SSM Session Manager endpoints
     */
    @Value.Default
    public List<String> getInterfaceEndpointServices() {
        return DEFAULT_INTERFACE_ENDPOINTS;
    }

    /**
     * Days the flow-log group keeps its events, one of {@link #RETENTION_DAYS}. Below 365 needs a
     * waiver of MLI-LOG-01.
     *
     * @return the retention
     * @defaultValue 365: a year of network evidence for investigations
     */
    @Value.Default
    public int getFlowLogRetentionDays() {
        return 365;
    }

    /**
     * An existing VPC to put the endpoints in instead of creating one; give
     * {@link #getExistingSubnetIds()} and {@link #getCidrBlock()} with it. The component then creates
     * only the endpoints and the security groups: flow logs, the default security group and the
     * absence of an internet gateway (MLI-VPC-01..03) stay with the VPC's owner.
     *
     * @return the VPC id, if given
     * @defaultValue empty: the component creates the VPC
     */
    public abstract Optional<Output<String>> getExistingVpcId();

    /**
     * The existing private subnets (in distinct zones) for the interface endpoints; checked when they
     * resolve: non-empty, each {@code subnet-…}, and at least two with high availability.
     *
     * @return the subnet ids, if given
     * @defaultValue empty: the component creates the subnets
     */
    public abstract Optional<Output<List<String>>> getExistingSubnetIds();

    /**
     * The existing route tables the S3 gateway endpoint is associated with.
     *
     * @return the route table ids, if given
     * @defaultValue empty: with an existing VPC, the S3 gateway endpoint is created without a route
     *     table association (associate it yourself); with a created VPC, the private route table is used
     */
    public abstract Optional<Output<List<String>>> getExistingRouteTableIds();

    /**
     * Tags on every taggable child; waivers add {@code mlinfra:waiver:<id>} tags.
     *
     * @return the tags
     */
    public abstract Map<String, String> getTags();

    /**
     * Whether the component adopts an existing VPC instead of creating one.
     *
     * @return true with {@link #getExistingVpcId()}
     */
    public boolean usesExistingVpc() {
        return getExistingVpcId().isPresent();
    }

    /**
     * The VPC CIDR in effect.
     *
     * @return {@link #getCidrBlock()} or {@code 10.0.0.0/16}
     */
    public String effectiveCidrBlock() {
        return getCidrBlock().orElse(DEFAULT_CIDR);
    }

    /**
     * The subnet prefix length in effect.
     *
     * @return {@link #getSubnetPrefixLength()} or the VPC prefix + 2 (at most 28)
     */
    public int effectiveSubnetPrefixLength() {
        return getSubnetPrefixLength().orElse(Math.min(28, prefixOf(effectiveCidrBlock()) + 2));
    }

    /**
     * The private subnets' CIDR blocks, carved in order from the VPC CIDR.
     *
     * @return one CIDR per availability zone
     */
    public List<String> subnetCidrBlocks() {
        return carve(effectiveCidrBlock(), effectiveSubnetPrefixLength(), getAvailabilityZoneCount());
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link PrivateNetworkArgs}; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutablePrivateNetworkArgs.Builder implements WaivableBuilder<Builder> {
        /** Use {@link PrivateNetworkArgs#builder()}. */
        Builder() {}
    }

    static long address(String cidr) {
        return ipv4(cidr).orElseThrow(() -> new IllegalArgumentException(cidr)).ipv4Address();
    }

    static int prefixOf(String cidr) {
        return ipv4(cidr).map(Cidrs.Cidr::prefix).orElse(32);
    }

    static String render(long address, int prefix) {
        return Cidrs.ipv4(address, prefix);
    }

    private static Optional<Cidrs.Cidr> ipv4(String cidr) {
        return Cidrs.parse(cidr).filter(Cidrs.Cidr::isIpv4);
    }

    static List<String> carve(String cidr, int subnetPrefix, int count) {
        long base = address(cidr);
        long size = 1L << (32 - subnetPrefix);
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(render(base + i * size, subnetPrefix));
        }
        return List.copyOf(out);
    }

    private static boolean within(long addr, int prefix, String range) {
        int rp = prefixOf(range);
        long mask = (0xFFFFFFFFL << (32 - rp)) & 0xFFFFFFFFL;
        return prefix >= rp && (addr & mask) == address(range);
    }

    /**
     * Validates a CIDR block: well formed, a network address, private, /16 to /24.
     *
     * @param argument {@code <Args>.<attribute>}
     * @param cidr the CIDR block
     */
    static void checkCidr(String argument, String cidr) {
        if (ipv4(cidr).isEmpty()) {
            Check.fail(argument, "malformed", cidr, "an IPv4 CIDR block such as \"10.0.0.0/16\"");
        }
        long addr = address(cidr);
        int prefix = prefixOf(cidr);
        if (!(within(addr, prefix, "10.0.0.0/8") || within(addr, prefix, "172.16.0.0/12")
                || within(addr, prefix, "192.168.0.0/16"))) {
            Check.fail(argument, "not a private (RFC 1918) range", cidr, PRIVATE_RANGES);
        }
        if (prefix < 16 || prefix > 24) {
            Check.fail(argument, "prefix length outside what a VPC accepts here", cidr, "a prefix length from /16 to /24");
        }
        long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        if ((addr & mask) != addr) {
            Check.fail(argument, "host bits set (not a network address)", cidr, "\"" + render(addr & mask, prefix) + "\"");
        }
    }

    /** Validates the values on {@code build()}; throws {@link io.github.mlinfra.InvalidArgsException}. */
    @Override
    protected void check() {
        // an interface endpoint whose service documents no endpoint policy carries one built-in MLI-VPC-04 waiver tag
        // and the VPC it creates carries one built-in MLI-VPC-09 waiver tag (PrivateNetwork.operationsEndpointsWaiver)
        int builtInWaivers = !isWaived(Control.VPC_ENDPOINT_POLICY) && getInterfaceEndpointServices().stream()
                .anyMatch(svc -> !io.github.mlinfra.aws.EndpointPolicySupport.documented(svc))
                || !usesExistingVpc() && !isWaived(Control.VPC_OPERATIONS_ENDPOINTS) ? 1 : 0;
        ResourceTags.checkUserTags("PrivateNetworkArgs.tags", getTags(), getWaivers().size() + builtInWaivers, TagRules.Service.VPC, TagRules.Service.LOGS, TagRules.Service.IAM, TagRules.Service.KMS);
        Waivers.checkApplicable("PrivateNetworkArgs", getWaivers(), CONTROLS);
        if (isWaived(Control.VPC_NO_INTERNET_GATEWAY)) {
            Check.fail("PrivateNetworkArgs.waivers", "this version never creates an internet gateway, so "
                    + Control.VPC_NO_INTERNET_GATEWAY.id() + " cannot be waived", Control.VPC_NO_INTERNET_GATEWAY.id(),
                    "one of " + WAIVABLE.stream().map(Control::id).toList());
        }
        getCidrBlock().ifPresent(c -> checkCidr("PrivateNetworkArgs.cidrBlock", c));
        if (getExistingVpcId().isPresent() != getExistingSubnetIds().isPresent()) {
            Check.fail("PrivateNetworkArgs.existingSubnetIds", "existingVpcId and existingSubnetIds go together",
                    getExistingVpcId().isPresent() ? "existingVpcId only" : "existingSubnetIds only", "both, or neither");
        }
        if (usesExistingVpc() && getCidrBlock().isEmpty()) {
            Check.fail("PrivateNetworkArgs.cidrBlock", "required with an existing VPC (the endpoint security group admits HTTPS from it)",
                    null, "the existing VPC's CIDR block, e.g. \"10.0.0.0/16\"");
        }
        if (!usesExistingVpc() && getExistingRouteTableIds().isPresent()) {
            Check.fail("PrivateNetworkArgs.existingRouteTableIds", "only meaningful with an existing VPC",
                    "route table ids", "existingVpcId and existingSubnetIds, or no route tables");
        }
        if (isHighAvailability() && getAvailabilityZoneCount() < 2) {
            Check.fail("PrivateNetworkArgs.availabilityZoneCount", "fewer than two availability zones with high availability",
                    getAvailabilityZoneCount(), "2 or 3, or highAvailability(false)");
        }
        Check.range("PrivateNetworkArgs.availabilityZoneCount", getAvailabilityZoneCount(), 1, 3, "zones");
        int vpcPrefix = prefixOf(effectiveCidrBlock());
        getSubnetPrefixLength().ifPresent(p -> Check.range("PrivateNetworkArgs.subnetPrefixLength", p, 16, 28, "(prefix length)"));
        int sp = effectiveSubnetPrefixLength();
        if (!usesExistingVpc() && (sp <= vpcPrefix || (1L << (sp - vpcPrefix)) < getAvailabilityZoneCount())) {
            Check.fail("PrivateNetworkArgs.cidrBlock", "too small to hold " + getAvailabilityZoneCount() + " subnets of /" + sp,
                    effectiveCidrBlock(), "a prefix length of at most /" + (sp - ceilLog2(getAvailabilityZoneCount()))
                            + ", or a longer subnetPrefixLength");
        }
        if (getInterfaceEndpointServices().isEmpty()) {
            Check.fail("PrivateNetworkArgs.interfaceEndpointServices", "no endpoint", getInterfaceEndpointServices(),
                    "at least \"sts\" and \"logs\"; private subnets reach AWS APIs only through endpoints");
        }
        Set<String> seen = new TreeSet<>();
        for (String s : getInterfaceEndpointServices()) {
            if (!KNOWN_INTERFACE_ENDPOINTS.contains(s)) {
                Check.fail("PrivateNetworkArgs.interfaceEndpointServices", "unknown endpoint service", s,
                        "one of " + new TreeSet<>(KNOWN_INTERFACE_ENDPOINTS));
            }
            if (!seen.add(s)) {
                Check.fail("PrivateNetworkArgs.interfaceEndpointServices", "listed twice", s, "each service once");
            }
        }
        if (!RETENTION_DAYS.contains(getFlowLogRetentionDays())) {
            Check.fail("PrivateNetworkArgs.flowLogRetentionDays", "not a CloudWatch Logs retention period",
                    getFlowLogRetentionDays(), "one of " + RETENTION_DAYS);
        }
        if (getFlowLogRetentionDays() < 365 && !isWaived(Control.LOGS_ENCRYPTED_RETAINED)) {
            Check.fail("PrivateNetworkArgs.flowLogRetentionDays", "shorter than 365 days without a waiver of "
                    + Control.LOGS_ENCRYPTED_RETAINED.id(), getFlowLogRetentionDays(),
                    "365 or more, or waive(Control.LOGS_ENCRYPTED_RETAINED, \"<why>\")");
        }
    }

    private static int ceilLog2(int n) {
        int b = 0;
        while ((1 << b) < n) {
            b++;
        }
        return b;
    }
}
