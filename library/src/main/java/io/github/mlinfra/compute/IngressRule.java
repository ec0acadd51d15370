package io.github.mlinfra.compute;

import io.github.mlinfra.internal.MlInfraStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * One ingress rule of a {@link HardenedGpuTrainer}'s security group: one port, from named CIDRs
 * and/or security groups only. A trainer has no ingress by default (operators come in through SSM
 * Session Manager); {@code 0.0.0.0/0} or {@code ::/0} is refused unless MLI-EC2-04 is waived.
 * Validated when the {@link HardenedGpuTrainerArgs} are built, which also refuse a source listed
 * twice in one rule and the same protocol, port and source in two rules (EC2 holds a permission
 * once: {@code InvalidPermission.Duplicate}).
 *
 * <pre>{@code
 * IngressRule.builder()
 *     .port(8888)
 *     .addCidrs("10.20.0.0/16")
 *     .description("Jupyter from the analysts' VPN range")
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class IngressRule {
    /**
     * The port (1–65535).
     *
     * @return the port
     */
    public abstract int getPort();

    /**
     * The protocol, {@code tcp} or {@code udp}.
     *
     * @return the protocol
     * @defaultValue {@code "tcp"}
     */
    @Value.Default
    public String getProtocol() {
        return "tcp";
    }

    /**
     * Source CIDR blocks (IPv4 or IPv6 network addresses, host bits zero).
     *
     * @return the CIDRs
     * @defaultValue none
     */
    public abstract List<String> getCidrs();

    /**
     * Source security group ids ({@code sg-<hex>}).
     *
     * @return the security group ids
     * @defaultValue none
     */
    public abstract List<String> getSourceSecurityGroupIds();

    /**
     * What the rule is for (shown in the console; required by reviewers and AwsSolutions-EC27).
     *
     * @return the description
     */
    public abstract String getDescription();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an {@link IngressRule}.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableIngressRule.Builder {
        /** Use {@link IngressRule#builder()}. */
        Builder() {}
    }
}
