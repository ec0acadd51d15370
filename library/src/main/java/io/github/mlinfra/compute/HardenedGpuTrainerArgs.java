package io.github.mlinfra.compute;

import io.github.mlinfra.CheckedValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;
import io.github.mlinfra.aws.CloudWatchEndpoints;
import io.github.mlinfra.aws.ResourceIds;
import io.github.mlinfra.aws.SecurityGroupRules;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waivable;
import io.github.mlinfra.controls.WaivableBuilder;
import io.github.mlinfra.kms.KeyReference;
import io.github.mlinfra.iam.Grant;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.Cidrs;
import io.github.mlinfra.internal.MlInfraStyle;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.internal.Waivers;
import io.github.mlinfra.network.Placement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Arguments of a {@link HardenedGpuTrainer}. Every control is on by default; weaken one with
 * {@link Builder#waive(Control, String)}.
 *
 * <pre>{@code
 * HardenedGpuTrainerArgs.builder()
 *     .placement(Placement.in(net))      // a PrivateNetwork: VPC, subnet, endpoints; the instance waits for it
 *     .instanceType("g5.2xlarge")
 *     .addDataVolumes(DataVolume.of(500, "/dev/sdh"))
 *     .addGrants(bucket.grantReadCheckpoints("runs/"), bucket.grantWriteCheckpoints("runs/"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class HardenedGpuTrainerArgs extends CheckedValue implements Waivable {
    /**
     * The controls a HardenedGpuTrainer implements and may waive. A waiver of MLI-EC2-04 allows
     * ingress from {@code 0.0.0.0/0} or {@code ::/0}, MLI-EC2-07 a non-GPU instance type, MLI-EC2-08
     * {@code default} tenancy, MLI-EC2-06 no termination protection (instance and volumes not
     * {@code protect}ed), MLI-EC2-02 a hop limit above 1.
     */
    public static final List<Control> CONTROLS = List.of(Control.EC2_NO_OPEN_INGRESS, Control.EC2_GPU_INSTANCE_TYPE,
            Control.EC2_DEDICATED_TENANCY, Control.EC2_TERMINATION_PROTECTION, Control.EC2_IMDSV2);
    /**
     * The one list of GPU and ML-accelerator instance families a trainer accepts without a waiver
     * of MLI-EC2-07: NVIDIA (p3, p3dn, p4d, p4de, p5, p5e, p5en, g4dn, g5, g5g, g6, g6e, gr6), AMD
     * (g4ad), AWS Trainium/Inferentia (trn1, trn1n, trn2, inf1, inf2), Habana (dl1) and Qualcomm
     * (dl2q).
     */
    public static final Set<String> GPU_FAMILIES = Set.of("p3", "p3dn", "p4d", "p4de", "p5", "p5e", "p5en", "g4dn",
            "g4ad", "g5", "g5g", "g6", "g6e", "gr6", "trn1", "trn1n", "trn2", "inf1", "inf2", "dl1", "dl2q");
    /**
     * The families the default AMI (the Deep Learning Base OSS NVIDIA Driver GPU AMI on Amazon
     * Linux 2023, x86_64) supports; any other family needs {@code ami} or {@code amiNameFilter}.
     */
    public static final Set<String> DEFAULT_AMI_FAMILIES = Set.of("p4d", "p4de", "p5", "p5e", "p5en", "g4dn", "g5",
            "g6", "g6e", "gr6");
    /** The default AMI name filter: AWS's maintained GPU Deep Learning base image. */
    public static final String DEFAULT_AMI_NAME_FILTER = "Deep Learning Base OSS Nvidia Driver GPU AMI (Amazon Linux 2023) *";
    /** The owner the AMI lookup is pinned to. */
    public static final String AMI_OWNER = "amazon";

    static final Pattern INSTANCE_TYPE = Pattern.compile("([a-z][a-z0-9-]*)\\.([a-z0-9-]+)");
    static final Pattern DEVICE = Pattern.compile("/dev/(sd|xvd)[f-p]");
    static final Pattern RULE_DESCRIPTION = Pattern.compile("[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]{1,255}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Where the trainer runs: {@code Placement.in(network)} or
     * {@code Placement.existingVpc()…build()}. The placement supplies the VPC its security group
     * is created in, the subnet (its first private subnet, unless {@link #getSubnetId()} names
     * another of its subnets), the endpoint security group and the S3 prefix list its only egress
     * goes to. In a network, the instance waits ({@code dependsOn}) for every resource of the
     * network, among them the interface endpoints and the S3 gateway endpoint's route-table
     * association: the user data's first package download and the SSM agent's first call find
     * their path in place. The trainer's CloudWatch agent needs the network's {@code monitoring}
     * endpoint when its config has {@code metrics}, and {@code logs} when it has {@code logs}; both
     * are checked when the args are built (in an existing VPC they cannot be known offline: create
     * them).
     *
     * @return the placement
     */
    public abstract Placement getPlacement();

    /**
     * The private subnet the instance runs in ({@code subnet-<hex>}): one of the placement's
     * subnets (checked when it resolves). The instance never gets a public IP, whatever the
     * subnet's setting.
     *
     * @return the subnet id, if given
     * @defaultValue empty: the placement's first private subnet
     */
    public abstract Optional<Output<String>> getSubnetId();

    /**
     * The instance type, {@code <family>.<size>}; the family must be one of {@link #GPU_FAMILIES}
     * unless MLI-EC2-07 is waived.
     *
     * @return the instance type
     * @defaultValue {@code "g5.xlarge"}: one NVIDIA A10G GPU, the smallest current-generation
     *     training instance the default AMI supports
     */
    @Value.Default
    public String getInstanceType() {
        return "g5.xlarge";
    }

    /**
     * A pinned AMI id ({@code ami-} and 8 or 17 hex digits), e.g. your own hardened image. A pinned
     * id is never in {@code ignoreChanges}: changing it replaces the instance, on purpose.
     *
     * @return the AMI id, if pinned
     * @defaultValue empty: the most recent {@code amazon}-owned image matching
     *     {@link #getAmiNameFilter()} is looked up
     */
    public abstract Optional<String> getAmi();

    /**
     * The image name filter of the AMI lookup (owner pinned to {@code amazon}, architecture
     * {@link #getAmiArchitecture()}, most recent).
     *
     * @return the name filter, if set
     * @defaultValue empty: {@link #DEFAULT_AMI_NAME_FILTER} for the {@link #DEFAULT_AMI_FAMILIES};
     *     other families must set this or {@code ami}
     */
    public abstract Optional<String> getAmiNameFilter();

    /**
     * The architecture of the AMI lookup, {@code x86_64} or {@code arm64} ({@code g5g} is arm64).
     *
     * @return the architecture
     * @defaultValue {@code "x86_64"}
     */
    @Value.Default
    public String getAmiArchitecture() {
        return "x86_64";
    }

    /**
     * Whether a looked-up AMI is in {@code ignoreChanges}. A "most recent" lookup changes with
     * every image release; ignoring it keeps a protected, termination-protected instance from
     * being replaced by a routine {@code pulumi up}. To roll to a new image, pin its id with
     * {@code ami(...)} or set this to {@code false} for one {@code pulumi up} (with the instance's
     * protection waived for that run, see the component's Javadoc).
     *
     * @return whether AMI changes are ignored
     * @defaultValue {@code true}: a new image release never replaces the instance by surprise
     */
    @Value.Default
    public boolean isIgnoreAmiChanges() {
        return true;
    }

    /**
     * The root volume size in GiB (8–16384); it must be at least the AMI's snapshot size.
     *
     * @return the size
     * @defaultValue 200: room for the Deep Learning AMI, CUDA stacks and containers
     */
    @Value.Default
    public int getRootVolumeSizeGib() {
        return 200;
    }

    /**
     * Data volumes: encrypted gp3 EBS volumes in the instance's zone, protected from deletion,
     * with a final snapshot, attached at their device names.
     *
     * @return the data volumes
     * @defaultValue none
     */
    public abstract List<DataVolume> getDataVolumes();

    /**
     * The customer-managed KMS key for the root and data volumes: a {@link io.github.mlinfra.kms.ManagedKey}
     * of this program, or an existing key by {@link KeyReference#fromArn(String)}, its ARN checked with
     * {@link io.github.mlinfra.aws.Arns#checkKmsKeyArn(String, String)} when it resolves (an alias is
     * refused). An imported key's rotation and key policy are its owner's; its key policy must let
     * the account's IAM policies use it.
     *
     * @return the key, if given
     * @defaultValue empty: a {@code ManagedKey} {@code <name>-key} is created (rotation on,
     *     protected)
     */
    public abstract Optional<KeyReference> getKmsKey();

    /**
     * The tenancy, {@code dedicated} or {@code default}; {@code default} needs a waiver of
     * MLI-EC2-08.
     *
     * @return the tenancy
     * @defaultValue {@code "dedicated"}: single-tenant hardware, as the scenario asks (check the
     *     instance type offers dedicated tenancy in your region)
     */
    @Value.Default
    public String getTenancy() {
        return "dedicated";
    }

    /**
     * The IMDSv2 response hop limit (1–64). Above 1 (containers that call IMDS through a bridge
     * network need 2) needs a waiver of MLI-EC2-02; IMDSv2 stays required either way.
     *
     * @return the hop limit
     * @defaultValue 1: metadata credentials never leave the instance's own network stack
     */
    @Value.Default
    public int getMetadataHopLimit() {
        return 1;
    }

    /**
     * Ingress rules of the security group, from named CIDRs or security groups only.
     *
     * @return the ingress rules
     * @defaultValue none: no inbound traffic; operators use SSM Session Manager, no key pair
     */
    public abstract List<IngressRule> getIngress();

    /**
     * A CloudWatch agent configuration (JSON object), installed and started by the user data. The
     * role then gets {@code cloudwatch:PutMetricData} limited to the config's
     * {@code metrics.namespace} (default {@code CWAgent}); grant log-group access yourself.
     *
     * @return the agent config, if any
     * @defaultValue empty: detailed (1-minute) EC2 monitoring only
     */
    public abstract Optional<String> getCloudWatchAgentConfig();

    /**
     * What the instance role may do, e.g. {@code bucket.grantReadCheckpoints("runs/")}. The role
     * also gets the volumes' key and what SSM Session Manager needs; nothing else.
     *
     * @return the grants
     * @defaultValue none
     */
    public abstract List<Grant> getGrants();

    /**
     * Tags on the instance, volumes, security group and role; waivers add
     * {@code mlinfra:waiver:<id>} tags.
     *
     * @return the tags
     */
    public abstract Map<String, String> getTags();

    /**
     * The instance family of {@link #getInstanceType()}.
     *
     * @return e.g. {@code g5}
     */
    public String instanceFamily() {
        String t = getInstanceType();
        int dot = t.indexOf('.');
        return dot < 0 ? t : t.substring(0, dot);
    }

    /**
     * The AMI name filter the lookup uses.
     *
     * @return {@link #getAmiNameFilter()} or {@link #DEFAULT_AMI_NAME_FILTER}
     */
    public String effectiveAmiNameFilter() {
        return getAmiNameFilter().orElse(DEFAULT_AMI_NAME_FILTER);
    }

    /**
     * The CloudWatch namespace the agent config publishes to.
     *
     * @return the config's {@code metrics.namespace}, or {@code CWAgent}
     */
    public Optional<String> agentNamespace() {
        return getCloudWatchAgentConfig().map(c -> {
            JsonNode ns = parseAgentConfig(c).path("metrics").path("namespace");
            return ns.isTextual() && !ns.asText().isBlank() ? ns.asText() : "CWAgent";
        });
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
     * Builds {@link HardenedGpuTrainerArgs}; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableHardenedGpuTrainerArgs.Builder implements WaivableBuilder<Builder> {
        /** Use {@link HardenedGpuTrainerArgs#builder()}. */
        Builder() {}
    }

    /** Validates the values on {@code build()}; throws {@link io.github.mlinfra.InvalidArgsException}. */
    @Override
    protected void check() {
        ResourceTags.checkUserTags("HardenedGpuTrainerArgs.tags", getTags(), getWaivers().size(), TagRules.Service.EC2, TagRules.Service.IAM, TagRules.Service.KMS);
        String a = "HardenedGpuTrainerArgs.";
        Check.matches(a + "instanceType", getInstanceType(), INSTANCE_TYPE, "an instance type \"<family>.<size>\"");
        String family = instanceFamily();
        if (!GPU_FAMILIES.contains(family) && !isWaived(Control.EC2_GPU_INSTANCE_TYPE)) {
            Check.fail(a + "instanceType", "not a GPU or accelerator instance type", getInstanceType(),
                    "a family of " + sorted(GPU_FAMILIES) + ", or waive(Control.EC2_GPU_INSTANCE_TYPE, \"<why>\")");
        }
        getAmi().ifPresent(id -> ResourceIds.check(a + "ami", ResourceIds.Kind.IMAGE, id));
        getAmiNameFilter().ifPresent(f -> Check.notBlank(a + "amiNameFilter", f));
        if (!List.of("x86_64", "arm64").contains(getAmiArchitecture())) {
            Check.fail(a + "amiArchitecture", "not a supported architecture", getAmiArchitecture(), "\"x86_64\" or \"arm64\"");
        }
        if (getAmi().isEmpty() && getAmiNameFilter().isEmpty() && !DEFAULT_AMI_FAMILIES.contains(family)) {
            Check.fail(a + "ami", "the default AMI (" + DEFAULT_AMI_NAME_FILTER + ") does not support this family",
                    getInstanceType(), "ami(\"ami-...\") or amiNameFilter(\"...\") for " + family
                            + ", or a family of " + sorted(DEFAULT_AMI_FAMILIES));
        }
        Check.range(a + "rootVolumeSizeGib", getRootVolumeSizeGib(), 8, 16384, "GiB");
        Set<String> devices = new HashSet<>();
        for (DataVolume v : getDataVolumes()) {
            Check.range(a + "dataVolumes.sizeGib", v.getSizeGib(), 1, 16384, "GiB");
            Check.matches(a + "dataVolumes.deviceName", v.getDeviceName(), DEVICE, "/dev/sd[f-p] or /dev/xvd[f-p]");
            if (!devices.add(v.shortName().replace("xvd", "sd"))) {
                Check.fail(a + "dataVolumes.deviceName", "device name used twice", v.getDeviceName(),
                        "one volume per device name");
            }
        }
        if (!List.of("dedicated", "default").contains(getTenancy())) {
            Check.fail(a + "tenancy", "not a supported tenancy", getTenancy(), "\"dedicated\" or \"default\"");
        }
        if (getTenancy().equals("default") && !isWaived(Control.EC2_DEDICATED_TENANCY)) {
            Check.fail(a + "tenancy", "shared tenancy without a waiver of " + Control.EC2_DEDICATED_TENANCY.id(),
                    getTenancy(), "\"dedicated\", or waive(Control.EC2_DEDICATED_TENANCY, \"<why>\")");
        }
        Check.range(a + "metadataHopLimit", getMetadataHopLimit(), 1, 64, "hops");
        if (getMetadataHopLimit() > 1 && !isWaived(Control.EC2_IMDSV2)) {
            Check.fail(a + "metadataHopLimit", "above 1 without a waiver of " + Control.EC2_IMDSV2.id(),
                    getMetadataHopLimit(), "1, or waive(Control.EC2_IMDSV2, \"<why>\")");
        }
        Set<String> permissions = new HashSet<>();
        for (IngressRule r : getIngress()) {
            checkIngress(r, permissions);
        }
        getCloudWatchAgentConfig().ifPresent(HardenedGpuTrainerArgs::parseAgentConfig);
        checkAgentEndpoints();
        Waivers.checkApplicable("HardenedGpuTrainerArgs", getWaivers(), CONTROLS);
    }

    /**
     * A CloudWatch agent in a network without the endpoint it publishes to fails on every call:
     * metrics need {@code monitoring}, logs need {@code logs} ({@link CloudWatchEndpoints}).
     */
    private void checkAgentEndpoints() {
        if (getPlacement().interfaceEndpointServices().isEmpty() || getCloudWatchAgentConfig().isEmpty()) {
            return;
        }
        JsonNode config = parseAgentConfig(getCloudWatchAgentConfig().get());
        List<String> have = getPlacement().interfaceEndpointServices().get();
        Map<String, String> needs = new java.util.LinkedHashMap<>();
        needs.put("metrics", CloudWatchEndpoints.METRICS);
        needs.put("logs", CloudWatchEndpoints.LOGS);
        for (var need : needs.entrySet()) {
            if (config.has(need.getKey()) && !have.contains(need.getValue())) {
                Check.fail("HardenedGpuTrainerArgs.placement", "the network lacks the \"" + need.getValue()
                                + "\" interface endpoint the CloudWatch agent sends its " + need.getKey() + " to", have,
                        "a network whose interfaceEndpointServices include \"" + need.getValue()
                                + "\", or a cloudWatchAgentConfig without \"" + need.getKey() + "\"");
            }
        }
    }

    private void checkIngress(IngressRule r, Set<String> permissions) {
        String a = "HardenedGpuTrainerArgs.ingress.";
        if (r.getPort() < 1 || r.getPort() > 65535) {
            Check.fail(a + "port", "outside the allowed range", r.getPort(), "a port from 1 to 65535");
        }
        if (!List.of("tcp", "udp").contains(r.getProtocol())) {
            Check.fail(a + "protocol", "not a supported protocol", r.getProtocol(), "\"tcp\" or \"udp\"");
        }
        Check.notBlank(a + "description", r.getDescription());
        Check.matches(a + "description", r.getDescription(), RULE_DESCRIPTION,
                "at most 255 of a-z A-Z 0-9 space and ._-:/()#,@[]+=&;{}!$* (EC2's rule description alphabet)");
        if (r.getCidrs().isEmpty() && r.getSourceSecurityGroupIds().isEmpty()) {
            Check.fail(a + "cidrs", "a rule without a source", r.getCidrs(), "at least one CIDR or source security group id");
        }
        Set<String> inRule = new HashSet<>();
        for (String c : r.getCidrs()) {
            int prefix = cidrPrefix(a + "cidrs", c);
            if (prefix == 0 && !isWaived(Control.EC2_NO_OPEN_INGRESS)) {
                Check.fail(a + "cidrs", "ingress from the whole internet without a waiver of "
                        + Control.EC2_NO_OPEN_INGRESS.id(), c,
                        "named CIDRs or security groups, or waive(Control.EC2_NO_OPEN_INGRESS, \"<why>\")");
            }
            checkUnique(a + "cidrs", r, c, canonicalCidr(c), inRule, permissions);
        }
        for (String sg : r.getSourceSecurityGroupIds()) {
            ResourceIds.check(a + "sourceSecurityGroupIds", ResourceIds.Kind.SECURITY_GROUP, sg);
            checkUnique(a + "sourceSecurityGroupIds", r, sg, sg, inRule, permissions);
        }
    }

    /**
     * One source once per rule, one permission (protocol, port, source) once per security group:
     * EC2 refuses the same permission twice ({@link SecurityGroupRules}).
     */
    private static void checkUnique(String argument, IngressRule r, String source, String canonical, Set<String> inRule,
                                    Set<String> permissions) {
        if (!inRule.add(canonical)) {
            Check.fail(argument, "listed twice in one rule", source, "each source once per rule (EC2 refuses the same permission twice)");
        }
        String permission = SecurityGroupRules.permission(r.getProtocol(), r.getPort(), r.getPort(), canonical);
        if (!permissions.add(permission)) {
            Check.fail(argument, "the same permission (" + r.getProtocol() + " port " + r.getPort()
                            + " from this source) is in two rules", source,
                    "each protocol, port and source in one rule only (EC2 refuses a duplicate permission: "
                            + SecurityGroupRules.DUPLICATE_PERMISSION_ERROR + ")");
        }
    }

    /**
     * A CIDR in one spelling per network ({@code 2001:DB8::/32} and {@code 2001:0db8:0::/32} are
     * the same), for comparing sources; the CIDR must be valid ({@link Cidrs}).
     *
     * @param cidr a valid CIDR
     * @return its canonical spelling
     */
    static String canonicalCidr(String cidr) {
        return Cidrs.parse(cidr).orElseThrow(() -> new IllegalArgumentException(cidr)).toString();
    }

    /**
     * Validates a CIDR network address (IPv4 or IPv6, host bits zero) and returns its prefix
     * length.
     *
     * @param argument the argument name for the message
     * @param cidr the CIDR
     * @return the prefix length
     */
    static int cidrPrefix(String argument, String cidr) {
        String expected = "a CIDR network address such as \"10.20.0.0/16\" or \"2001:db8::/32\" (host bits zero)";
        Cidrs.Cidr c = Cidrs.parse(cidr).orElseThrow(() -> Check.fail(argument, "not a CIDR", cidr, expected));
        if (c.hasHostBits()) {
            throw Check.fail(argument, "host bits set (not a network address)", cidr, expected);
        }
        return c.prefix();
    }

    /**
     * Parses a CloudWatch agent config.
     *
     * @param config the JSON text
     * @return the parsed object
     */
    static JsonNode parseAgentConfig(String config) {
        String a = "HardenedGpuTrainerArgs.cloudWatchAgentConfig";
        String shown = config == null ? null : config.length() > 60 ? config.substring(0, 60) + "…" : config;
        try {
            JsonNode n = JSON.readTree(config == null ? "" : config);
            if (n == null || !n.isObject()) {
                throw Check.fail(a, "not a JSON object", shown, "a CloudWatch agent configuration JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw Check.fail(a, "malformed JSON (" + e.getOriginalMessage() + ")", shown,
                    "a CloudWatch agent configuration JSON object");
        }
    }

    /**
     * Compact JSON of a valid agent config (one line: it cannot end a shell heredoc early).
     *
     * @param config the JSON text
     * @return the compact JSON
     */
    static String compactAgentConfig(String config) {
        try {
            return JSON.writeValueAsString(parseAgentConfig(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Validates an id or ARN given as an Output, when it resolves.
     *
     * @param attribute the attribute name
     * @param value the resolved value
     * @param pattern its shape
     * @param expected what is allowed, in words
     * @return the value
     */
    static String checkResolved(String attribute, String value, Pattern pattern, String expected) {
        String a = "HardenedGpuTrainerArgs." + attribute;
        if (value == null || value.isBlank()) {
            throw Check.fail(a, "must not be empty", value, expected);
        }
        Check.matches(a, value, pattern, expected);
        return value;
    }

    /**
     * The trainer's subnet must be one of the placement's private subnets: a subnet of another VPC
     * cannot hold an instance whose security group lives in the placement's VPC
     * ({@link SecurityGroupRules}).
     *
     * @param subnetId the resolved subnet id
     * @param networkSubnets the placement's private subnet ids
     * @param networkVpcId the placement's VPC id (for the message)
     * @return the subnet id
     */
    static String checkSubnetInNetwork(String subnetId, List<String> networkSubnets, String networkVpcId) {
        if (!networkSubnets.contains(subnetId)) {
            Check.fail("HardenedGpuTrainerArgs.subnetId", "not a private subnet of the placement (VPC " + networkVpcId
                    + "); the instance and its security group must be in one VPC", subnetId, "one of " + Check.show(networkSubnets));
        }
        return subnetId;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
