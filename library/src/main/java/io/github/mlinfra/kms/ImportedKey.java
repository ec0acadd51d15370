package io.github.mlinfra.kms;

import com.pulumi.core.Output;

/** A key imported by ARN ({@link KeyReference#fromArn(String)}). */
final class ImportedKey implements KeyReference {
    private final Output<String> arn;

    ImportedKey(Output<String> arn) {
        this.arn = arn;
    }

    @Override
    public Output<String> keyArn() {
        return arn;
    }
}
