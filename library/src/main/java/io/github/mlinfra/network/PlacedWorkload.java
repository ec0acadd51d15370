package io.github.mlinfra.network;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.mlinfra.aws.Arns;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.iam.Grant;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.kms.KeyReference;
import io.github.mlinfra.kms.ManagedKey;
import io.github.mlinfra.kms.ManagedKeyArgs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
     * The key encrypting the workload's volumes: the key given, its ARN checked when it resolves
     * ({@link Arns#checkKmsKeyArn(String, String)}: a key ARN, not an alias), or else a new
     * {@link ManagedKey} {@code <name>-key} (rotation on, protected), a child of this component.
     *
     * @param name the component name
     * @param given the key from the args, if any
     * @param argument the args attribute named when the given ARN is refused, e.g.
     *     {@code HardenedNotebookArgs.kmsKey}
     * @param description the created key's description
     * @param tags the user's tags, for the created key
     * @return the key's ARN
     */
    protected final Output<String> volumeKey(String name, Optional<KeyReference> given, String argument,
            String description, Map<String, String> tags) {
        if (given.isPresent()) {
            return given.get().keyArn().applyValue(arn -> Arns.checkKmsKeyArn(argument, arn));
        }
        return new ManagedKey(name + "-key", ManagedKeyArgs.builder().description(description).tags(tags).build(),
                ComponentResourceOptions.builder().parent(this).build()).keyArn();
    }

    /**
     * The execution role's grant on the volume key, {@link KeyReference#ENCRYPT_DECRYPT_ACTIONS}
     * under a Sid of the workload's own, so it never collides with a storage key's {@code UseKey}
     * grant in one policy.
     *
     * @param keyArn the key's ARN
     * @param sid the statement id, e.g. {@code UseVolumeKey}
     * @return the grant
     */
    protected static Grant volumeKeyGrant(Output<String> keyArn, String sid) {
        return ManagedKey.grant(keyArn, sid, KeyReference.ENCRYPT_DECRYPT_ACTIONS);
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
