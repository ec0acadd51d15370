package io.github.mlinfra.network;

import io.github.mlinfra.CheckedValue;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetPrefixListArgs;
import com.pulumi.aws.ec2.outputs.GetPrefixListResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.Resource;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.aws.ResourceIds;
import io.github.mlinfra.internal.AwsContext;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where a workload runs: the one placement value of {@code HardenedNotebook},
 * {@code HardenedGpuTrainer} and {@code SecureTrainingPipeline}. Either in a {@link PrivateNetwork}
 * of the same program, or in an existing VPC given by ids.
 *
 * <pre>{@code
 * var net = new PrivateNetwork("ml", PrivateNetworkArgs.builder().build());
 * Placement inNetwork = Placement.in(net);      // its VPC, private subnets, endpoints; waits for them
 *
 * Placement inExistingVpc = Placement.existingVpc()   // a VPC another stack or team owns
 *     .vpcId("vpc-0123456789abcdef0")
 *     .subnetIds("subnet-0123456789abcdef0", "subnet-0fedcba9876543210")
 *     .endpointSecurityGroupId("sg-0123456789abcdef0")
 *     .build();
 * }</pre>
 *
 * <p>Each workload gets its own security group in the placement's VPC, with no ingress but what
 * its component documents and with HTTPS egress only to the interface endpoints' security group
 * and to the region's S3 prefix list (the S3 gateway endpoint's route): never {@code 0.0.0.0/0}.
 * In a network, the workload's resources also wait ({@code dependsOn}) for every resource of the
 * network, so the first call of a job or instance finds its endpoints in place. In an existing
 * VPC the endpoints must exist already (an earlier {@code pulumi up}, or another stack).
 *
 * <p>Ids follow EC2's format ({@link ResourceIds}): plain values are checked when the placement is
 * built, {@code Output}s when they resolve, both in the project's error format.
 */
@Value.Immutable
@MlInfraStyle
public abstract class Placement extends CheckedValue {
    /**
     * The network the workload runs in.
     *
     * @return the network, if placed in one
     * @defaultValue empty: an existing VPC by ids
     */
    public abstract Optional<PrivateNetwork> getNetwork();

    /**
     * The existing VPC ({@code vpc-…}); its workload security groups are created in it.
     *
     * @return the VPC id, if placed by ids
     * @defaultValue empty: the network's VPC
     */
    public abstract Optional<Output<String>> getVpcId();

    /**
     * The existing private subnets ({@code subnet-…}, at least one, each once). A single instance
     * (notebook, trainer) runs in the first; pipeline jobs may run in any (at most 16, SageMaker's
     * {@code VpcConfig} limit).
     *
     * @return the subnet ids, if placed by ids
     * @defaultValue empty: the network's private subnets
     */
    public abstract Optional<Output<List<String>>> getSubnetIds();

    /**
     * The security group of the VPC's interface endpoints ({@code sg-…}): the workloads' HTTPS
     * egress to AWS APIs (SSM, CloudWatch, KMS, STS, SageMaker, ECR) goes to it, and nowhere else.
     *
     * @return the endpoint security group id, if placed by ids
     * @defaultValue empty: the network's endpoint security group
     */
    public abstract Optional<Output<String>> getEndpointSecurityGroupId();

    /**
     * The S3 prefix list ({@code pl-…}) the workloads' HTTPS egress to S3 goes to.
     *
     * @return the prefix list id, if given
     * @defaultValue empty: the region's S3 prefix list ({@code com.amazonaws.<region>.s3}), from the
     *     network, or looked up ({@code aws:ec2/getPrefixList}) in an existing VPC
     */
    public abstract Optional<Output<String>> getS3PrefixListId();

    /**
     * A placement in a {@link PrivateNetwork}: its VPC, private subnets, endpoint security group and
     * S3 prefix list, and a dependency on every resource of the network.
     *
     * @param network the network
     * @return the placement
     */
    public static Placement in(PrivateNetwork network) {
        if (network == null) {
            throw Check.fail("Placement.network", "must not be null", null, "a PrivateNetwork");
        }
        return new Builder().network(network).build();
    }

    /**
     * Starts a placement in an existing VPC, by ids: {@code vpcId}, {@code subnetIds} and
     * {@code endpointSecurityGroupId} are required, {@code s3PrefixListId} is optional.
     *
     * @return the builder
     */
    public static Builder existingVpc() {
        return new Builder();
    }

    /**
     * Builds a {@link Placement} in an existing VPC; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutablePlacement.Builder {
        private final Map<String, Object> plain = new LinkedHashMap<>();

        /** Use {@link Placement#existingVpc()}. */
        Builder() {}

        /**
         * The existing VPC, as a plain id (checked at {@code build()}).
         *
         * @param vpcId {@code vpc-} and 8 or 17 lowercase hex digits
         * @return this builder
         */
        public Builder vpcId(String vpcId) {
            plain.put("vpcId", vpcId);
            return vpcId(Output.of(vpcId));
        }

        /**
         * The existing private subnets, as plain ids (checked at {@code build()}).
         *
         * @param subnetIds {@code subnet-} and 8 or 17 lowercase hex digits each
         * @return this builder
         */
        public Builder subnetIds(String... subnetIds) {
            List<String> ids = subnetIds == null ? null : new ArrayList<>(List.of(subnetIds));
            plain.put("subnetIds", ids);
            return subnetIds(Output.of(ids == null ? List.<String>of() : ids));
        }

        /**
         * The interface endpoints' security group, as a plain id (checked at {@code build()}).
         *
         * @param endpointSecurityGroupId {@code sg-} and 8 or 17 lowercase hex digits
         * @return this builder
         */
        public Builder endpointSecurityGroupId(String endpointSecurityGroupId) {
            plain.put("endpointSecurityGroupId", endpointSecurityGroupId);
            return endpointSecurityGroupId(Output.of(endpointSecurityGroupId));
        }

        /**
         * The S3 prefix list, as a plain id (checked at {@code build()}).
         *
         * @param s3PrefixListId {@code pl-} and 8 or 17 lowercase hex digits
         * @return this builder
         */
        public Builder s3PrefixListId(String s3PrefixListId) {
            plain.put("s3PrefixListId", s3PrefixListId);
            return s3PrefixListId(Output.of(s3PrefixListId));
        }

        @Override
        public Placement build() {
            return Check.build("Placement", () -> {
                plain.forEach(Placement::checkPlain);
                return super.build();
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkPlain(String attribute, Object value) {
        switch (attribute) {
            case "vpcId" -> checkVpcId((String) value);
            case "subnetIds" -> checkSubnetIds((List<String>) value);
            case "endpointSecurityGroupId" -> checkEndpointSecurityGroupId((String) value);
            default -> checkS3PrefixListId((String) value);
        }
    }

    /** Either a network alone, or the ids of an existing VPC without one. */
    @Override
    protected void check() {
        Map<String, Boolean> ids = new LinkedHashMap<>();
        ids.put("vpcId", getVpcId().isPresent());
        ids.put("subnetIds", getSubnetIds().isPresent());
        ids.put("endpointSecurityGroupId", getEndpointSecurityGroupId().isPresent());
        ids.put("s3PrefixListId", getS3PrefixListId().isPresent());
        for (var e : ids.entrySet()) {
            if (getNetwork().isPresent() && e.getValue()) {
                throw new InvalidArgsException("Placement." + e.getKey(),
                        "given together with a network, which supplies it (two sources could name two VPCs)",
                        "an id", "Placement.in(network) alone, or Placement.existingVpc() with ids and no network");
            }
            if (getNetwork().isEmpty() && !e.getValue() && !e.getKey().equals("s3PrefixListId")) {
                throw new InvalidArgsException("Placement." + e.getKey(), "required in an existing VPC", "nothing",
                        "vpcId, subnetIds and endpointSecurityGroupId (s3PrefixListId optional), or Placement.in(network)");
            }
        }
    }

    /**
     * The VPC id: the network's, or the one given (checked when it resolves).
     *
     * @return the VPC id
     */
    public Output<String> effectiveVpcId() {
        return getNetwork().map(PrivateNetwork::vpcId).orElseGet(() -> getVpcId().orElseThrow())
                .applyValue(Placement::checkVpcId);
    }

    /**
     * The private subnet ids: the network's, or the ones given (checked when they resolve).
     *
     * @return the subnet ids
     */
    public Output<List<String>> effectiveSubnetIds() {
        return getNetwork().map(PrivateNetwork::privateSubnetIds).orElseGet(() -> getSubnetIds().orElseThrow())
                .applyValue(Placement::checkSubnetIds);
    }

    /**
     * The interface endpoints' security group id (checked when it resolves).
     *
     * @return the security group id
     */
    public Output<String> effectiveEndpointSecurityGroupId() {
        return getNetwork().map(PrivateNetwork::endpointSecurityGroupId)
                .orElseGet(() -> getEndpointSecurityGroupId().orElseThrow())
                .applyValue(Placement::checkEndpointSecurityGroupId);
    }

    /**
     * The S3 prefix list id: the network's, the one given, or the region's
     * {@code com.amazonaws.<region>.s3} list looked up through {@code parent}'s provider.
     *
     * @param parent the component that asks (its provider and region are used for the lookup)
     * @return the prefix list id
     */
    public Output<String> effectiveS3PrefixListId(Resource parent) {
        if (getNetwork().isPresent()) {
            return getNetwork().get().s3PrefixListId().applyValue(Placement::checkS3PrefixListId);
        }
        if (getS3PrefixListId().isPresent()) {
            return getS3PrefixListId().get().applyValue(Placement::checkS3PrefixListId);
        }
        Output<String> region = AwsContext.of(parent).region();
        return Ec2Functions.getPrefixList(GetPrefixListArgs.builder()
                        .name(region.applyValue(r -> "com.amazonaws." + r + ".s3"))
                        .build(), InvokeOutputOptions.builder().parent(parent).build())
                .applyValue(GetPrefixListResult::id);
    }

    /**
     * What a workload's first resource should wait for: the network (its endpoints, routes and
     * subnets), or nothing in an existing VPC.
     *
     * @return the resources to depend on
     */
    public List<Resource> dependencies() {
        return getNetwork().<List<Resource>>map(List::of).orElse(List.of());
    }

    /**
     * The interface endpoint services the placement is known to have.
     *
     * @return the network's services, or empty in an existing VPC (unknown offline)
     */
    public Optional<List<String>> interfaceEndpointServices() {
        return getNetwork().map(PrivateNetwork::interfaceEndpointServices);
    }

    static String checkVpcId(String id) {
        return ResourceIds.check("Placement.vpcId", ResourceIds.Kind.VPC, id);
    }

    static List<String> checkSubnetIds(List<String> ids) {
        return ResourceIds.checkAll("Placement.subnetIds", ResourceIds.Kind.SUBNET, ids, 1, 16);
    }

    static String checkEndpointSecurityGroupId(String id) {
        return ResourceIds.check("Placement.endpointSecurityGroupId", ResourceIds.Kind.SECURITY_GROUP, id);
    }

    static String checkS3PrefixListId(String id) {
        return ResourceIds.check("Placement.s3PrefixListId", ResourceIds.Kind.PREFIX_LIST, id);
    }
}
