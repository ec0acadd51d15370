package io.github.mlinfra.sagemaker;

import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.List;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A job's VPC placement: {@code {"SecurityGroupIds": [...], "Subnets": [...]}}.
 *
 * <pre>{@code
 * VpcConfig.of(List.of("sg-0123456789abcdef0"), List.of("subnet-0123456789abcdef0"));
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class VpcConfig {
    static final Pattern SG = Pattern.compile("sg-[0-9a-f]{8,17}");
    static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-f]{8,17}");

    /**
     * Security group ids (1 to 5).
     *
     * @return the ids
     */
    public abstract List<String> getSecurityGroupIds();

    /**
     * Subnet ids (1 to 16).
     *
     * @return the ids
     */
    public abstract List<String> getSubnets();

    /**
     * A VPC config.
     *
     * @param securityGroupIds the security group ids
     * @param subnets the subnet ids
     * @return the config
     */
    public static VpcConfig of(List<String> securityGroupIds, List<String> subnets) {
        return Check.build("VpcConfig", () -> ImmutableVpcConfig.builder().securityGroupIds(securityGroupIds)
                .subnets(subnets).build());
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Value.Check
    protected void check() {
        if (getSecurityGroupIds().isEmpty() || getSecurityGroupIds().size() > 5) {
            Check.fail("VpcConfig.securityGroupIds", "wrong number of security groups", getSecurityGroupIds(), "1 to 5 ids");
        }
        if (getSubnets().isEmpty() || getSubnets().size() > 16) {
            Check.fail("VpcConfig.subnets", "wrong number of subnets", getSubnets(), "1 to 16 ids");
        }
        getSecurityGroupIds().forEach(s -> Check.matches("VpcConfig.securityGroupIds", s, SG, "security group ids \"sg-…\""));
        getSubnets().forEach(s -> Check.matches("VpcConfig.subnets", s, SUBNET, "subnet ids \"subnet-…\""));
    }
}
