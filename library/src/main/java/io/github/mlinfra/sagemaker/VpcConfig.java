package io.github.mlinfra.sagemaker;

import io.github.mlinfra.CheckedValue;
import io.github.mlinfra.aws.ResourceIds;
import io.github.mlinfra.internal.MlInfraStyle;
import java.util.List;
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
public abstract class VpcConfig extends CheckedValue {

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
        return ImmutableVpcConfig.builder().securityGroupIds(securityGroupIds)
                .subnets(subnets).build();
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Override
    protected void check() {
        // SageMaker's VpcConfig: 1 to 5 security groups, 1 to 16 subnets
        // (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_VpcConfig.html)
        ResourceIds.checkAll("VpcConfig.securityGroupIds", ResourceIds.Kind.SECURITY_GROUP, getSecurityGroupIds(), 1, 5);
        ResourceIds.checkAll("VpcConfig.subnets", ResourceIds.Kind.SUBNET, getSubnets(), 1, 16);
    }
}
