package io.github.mlinfra.kms;

import com.pulumi.core.Output;
import io.github.mlinfra.aws.Arns;
import io.github.mlinfra.iam.Grant;
import java.util.List;
import java.util.Objects;

/**
 * A KMS key that components encrypt with: either a {@link ManagedKey} of this program (which is a
 * {@code KeyReference}) or an existing key imported by ARN, in the spirit of the AWS CDK's
 * {@code IKey} and {@code Key.fromKeyArn}.
 *
 * <pre>{@code
 * var key = new ManagedKey("shared-key", ManagedKeyArgs.builder().description("Shared").build());
 * SecureCheckpointBucketArgs.builder().kmsKey(key).build();                      // our key
 * SecureCheckpointBucketArgs.builder()
 *     .kmsKey(KeyReference.fromArn("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))
 *     .build();                                                                   // an existing key
 * }</pre>
 *
 * <p>An imported key is not managed here: its rotation, deletion window and key policy are its
 * owner's. Its key policy must let the account's IAM policies use it (the default key policy
 * does), or the grants below have no effect. The ARN is checked with
 * {@link Arns#checkKmsKeyArn(String, String)}: a plain ARN when the reference is made, an
 * {@code Output} when it resolves, by the component that uses it (an alias ARN is refused: S3,
 * EBS and SageMaker store the key ARN, and an alias can be repointed).
 */
public interface KeyReference {
    /**
     * The actions a role needs to encrypt and decrypt with a key (S3 SSE-KMS with a bucket key,
     * EBS, SageMaker volumes), as {@link #grantEncryptDecrypt()} grants them.
     */
    List<String> ENCRYPT_DECRYPT_ACTIONS = List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom",
            "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey");

    /**
     * The key ARN.
     *
     * @return the ARN
     */
    Output<String> keyArn();

    /**
     * What a role needs to encrypt and decrypt with this key (S3 SSE-KMS with a bucket key,
     * EBS, SageMaker volumes): {@code kms:Encrypt}, {@code kms:Decrypt}, {@code kms:ReEncryptFrom},
     * {@code kms:ReEncryptTo}, {@code kms:GenerateDataKey}, {@code kms:GenerateDataKeyWithoutPlaintext},
     * {@code kms:DescribeKey}, on this key only.
     *
     * @return the grant
     */
    default Grant grantEncryptDecrypt() {
        return ManagedKey.grant(keyArn(), "UseKey", ENCRYPT_DECRYPT_ACTIONS);
    }

    /**
     * What a role needs to read data encrypted with this key: {@code kms:Decrypt},
     * {@code kms:DescribeKey}, on this key only.
     *
     * @return the grant
     */
    default Grant grantDecrypt() {
        return ManagedKey.grant(keyArn(), "DecryptWithKey", List.of("kms:Decrypt", "kms:DescribeKey"));
    }

    /**
     * A key of this program.
     *
     * @param key the key
     * @return the key itself
     */
    static KeyReference of(ManagedKey key) {
        return Objects.requireNonNull(key, "key");
    }

    /**
     * An existing key, by its ARN, checked now.
     *
     * @param arn the key ARN, {@code arn:<partition>:kms:<region>:<account>:key/<key id>}
     * @return the reference
     * @throws io.github.mlinfra.InvalidArgsException when the text is not a key ARN (an alias ARN included)
     */
    static KeyReference fromArn(String arn) {
        Arns.checkKmsKeyArn("KeyReference.arn", arn);
        return new ImportedKey(Output.of(arn));
    }

    /**
     * An existing key, by an ARN known at deployment time (another stack's output, say); checked
     * when it resolves, by the component that uses it.
     *
     * @param arn the key ARN
     * @return the reference
     */
    static KeyReference fromArn(Output<String> arn) {
        return new ImportedKey(Objects.requireNonNull(arn, "arn"));
    }
}
