package io.github.mlinfra.storage;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.iam.Grant;
import io.github.mlinfra.internal.ResourceTags;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * What the two KMS-encrypted buckets, {@link SecureArtifactBucket} and
 * {@link SecureCheckpointBucket}, share: one hardened bucket (versioning, SSE-KMS under a
 * customer-managed key with the bucket key, Block Public Access, BucketOwnerEnforced, a TLS-only
 * policy, a lifecycle, server access logging, {@code protect}), its outputs, and grants scoped to
 * a key prefix. The subclasses differ in their policy statements, Object Lock, purpose tag and
 * the grants they offer. Both register the outputs {@code bucketName}, {@code bucketArn},
 * {@code keyArn} and their waivers ({@code mlinfra:waivers}).
 */
public abstract sealed class EncryptedBucket extends ComponentResource implements BucketReference
        permits SecureArtifactBucket, SecureCheckpointBucket {
    private final HardenedBucket hardened;

    /**
     * Creates the bucket's resources as children of this component and registers its outputs.
     *
     * @param type the component's type token
     * @param name the component name, already checked ({@code Names.check})
     * @param options component options
     * @param spec what the bucket is
     * @param waivers the waivers of the args, registered as the output {@code mlinfra:waivers}
     */
    EncryptedBucket(String type, String name, @Nullable ComponentResourceOptions options, HardenedBucket.Spec spec,
            List<Waiver> waivers) {
        super(type, name, options);
        this.hardened = HardenedBucket.create(this, name, spec);
        registerOutputs(Map.of("bucketName", hardened.bucketName, "bucketArn", hardened.bucketArn,
                "keyArn", hardened.keyArn, ResourceTags.WAIVERS_OUTPUT, ResourceTags.waiverOutputs(waivers)));
    }

    /**
     * The bucket name.
     *
     * @return the name
     */
    @Override
    public Output<String> bucketName() {
        return hardened.bucketName;
    }

    /**
     * The bucket ARN.
     *
     * @return the ARN
     */
    public Output<String> bucketArn() {
        return hardened.bucketArn;
    }

    /**
     * The ARN of the KMS key encrypting the bucket (the created {@code ManagedKey} or the given
     * key); resolves to {@code null} when MLI-S3-09 is waived (SSE-S3).
     *
     * @return the key ARN
     */
    public Output<String> keyArn() {
        return hardened.keyArn;
    }

    /**
     * A grant on the objects under a prefix, {@code s3:ListBucket} limited to it by
     * {@code s3:prefix}, and the given KMS actions on the key.
     *
     * @param argument the argument named in errors, e.g.
     *     {@code SecureArtifactBucket.grantReadArtifacts.prefix}
     * @param prefix {@code ""} or a literal prefix ending with {@code /}
     * @param sid the statement id stem
     * @param objectActions the S3 object actions
     * @param kmsActions the KMS actions
     * @return the grant
     */
    final Grant grant(String argument, String prefix, String sid, List<String> objectActions, List<String> kmsActions) {
        return hardened.grant(argument, prefix, sid, objectActions, kmsActions);
    }
}
