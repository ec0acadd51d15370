package io.github.mlinfra.network;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.internal.ResourceTags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A workload placed by a {@link Placement}: it runs under an execution role of its own, in a
 * security group of its own (no ingress but what its args name, HTTPS egress to the network's
 * interface endpoints and to S3 only), with its volumes under a customer-managed KMS key. The
 * base of {@link io.github.mlinfra.sagemaker.HardenedNotebook} and
 * {@link io.github.mlinfra.compute.HardenedGpuTrainer}, which expose these three the same way
 * and register them, with their own outputs and waivers, as the component's outputs.
 */
public abstract class PlacedWorkload extends ComponentResource {
    private @Nullable Output<String> roleArn;
    private @Nullable Output<String> securityGroupId;
    private @Nullable Output<String> keyArn;

    /**
     * Registers the component; the subclass then creates its children and ends with
     * {@link #registerOutputs(Map, Output, Output, Output, List)}.
     *
     * @param type the component's type token
     * @param name the component name, already checked
     * @param options component options
     */
    protected PlacedWorkload(String type, String name, @Nullable ComponentResourceOptions options) {
        super(type, name, options);
    }

    /**
     * Records the workload's role, security group and key, and registers them with the
     * component's own outputs and its waivers ({@code mlinfra:waivers}). Called once, last, by
     * the subclass constructor.
     *
     * @param own the subclass's own outputs, by name
     * @param roleArn the execution role's ARN
     * @param securityGroupId the workload's security group id
     * @param keyArn the ARN of the key encrypting its volumes
     * @param waivers the args' waivers
     */
    protected final void registerOutputs(Map<String, Output<?>> own, Output<String> roleArn,
            Output<String> securityGroupId, Output<String> keyArn, List<Waiver> waivers) {
        if (this.roleArn != null) {
            throw new IllegalStateException("the outputs of " + getClass().getSimpleName() + " are registered once");
        }
        this.roleArn = Objects.requireNonNull(roleArn, "roleArn");
        this.securityGroupId = Objects.requireNonNull(securityGroupId, "securityGroupId");
        this.keyArn = Objects.requireNonNull(keyArn, "keyArn");
        Map<String, Output<?>> all = new LinkedHashMap<>(own);
        all.put("roleArn", roleArn);
        all.put("securityGroupId", securityGroupId);
        all.put("keyArn", keyArn);
        all.put(ResourceTags.WAIVERS_OUTPUT, ResourceTags.waiverOutputs(waivers));
        registerOutputs(all);
    }

    /**
     * The execution role's ARN (the notebook's SageMaker execution role, the trainer's instance
     * role): least privilege, the grants given plus what the workload itself needs.
     *
     * @return the role ARN
     */
    public Output<String> roleArn() {
        return roleArn;
    }

    /**
     * The workload's security group id: no ingress but the sources its args name (none for a
     * notebook), HTTPS egress to the network's interface endpoints and to S3 only. Name it as a
     * source in other groups' rules.
     *
     * @return the security group id
     */
    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    /**
     * The ARN of the customer-managed key encrypting the workload's volumes: the created
     * {@code <name>-key} ({@code ManagedKey}), or the key given in the args.
     *
     * @return the key ARN
     */
    public Output<String> keyArn() {
        return keyArn;
    }
}
