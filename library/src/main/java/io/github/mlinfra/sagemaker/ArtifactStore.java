package io.github.mlinfra.sagemaker;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.github.mlinfra.iam.Grant;
import io.github.mlinfra.kms.KeyReference;
import io.github.mlinfra.storage.SecureArtifactBucket;
import io.github.mlinfra.storage.SecureArtifactBucketArgs;
import java.util.Map;

/**
 * The pipeline's artifact bucket, seen through what the pipeline needs of it. The one place that
 * creates the bucket ({@link SecureArtifactBucket}).
 */
interface ArtifactStore {
    /**
     * The bucket name.
     *
     * @return the name
     */
    Output<String> bucketName();

    /**
     * The bucket ARN.
     *
     * @return the ARN
     */
    Output<String> bucketArn();

    /**
     * Read access to objects under a prefix.
     *
     * @param prefix the key prefix
     * @return the grant
     */
    Grant grantRead(String prefix);

    /**
     * Write access to objects under a prefix.
     *
     * @param prefix the key prefix
     * @return the grant
     */
    Grant grantWrite(String prefix);

    /**
     * Creates the bucket as a child of the pipeline: {@code <name>} ({@code SecureArtifactBucket}),
     * encrypted with the pipeline's key.
     *
     * @param name the child name
     * @param keyArn the pipeline's key
     * @param tags tags
     * @param parent the pipeline component
     * @return the store
     */
    static ArtifactStore create(String name, Output<String> keyArn, Map<String, String> tags, Resource parent) {
        var bucket = new SecureArtifactBucket(name, SecureArtifactBucketArgs.builder()
                .kmsKey(KeyReference.fromArn(keyArn))
                .tags(tags)
                .build(), ComponentResourceOptions.builder().parent(parent).build());
        return new ArtifactStore() {
            @Override
            public Output<String> bucketName() {
                return bucket.bucketName();
            }

            @Override
            public Output<String> bucketArn() {
                return bucket.bucketArn();
            }

            @Override
            public Grant grantRead(String prefix) {
                return bucket.grantReadArtifacts(prefix);
            }

            @Override
            public Grant grantWrite(String prefix) {
                return bucket.grantWriteArtifacts(prefix);
            }
        };
    }
}
