package io.github.mlinfra.kms;

import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import io.github.mlinfra.policy.Condition;
import java.util.List;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A key-policy statement letting an AWS service principal use the key, with the conditions that
 * keep the service acting for this account only. Condition values may use the placeholders
 * {@code ${Account}}, {@code ${Partition}} and {@code ${Region}}, filled in from the deploying
 * account at run time (never a literal placeholder in the deployed policy).
 *
 * <pre>{@code
 * ManagedKeyArgs.builder().addServiceAccess(KeyServiceAccess.cloudTrail()).build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class KeyServiceAccess {
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*\\.amazonaws\\.com(\\.cn)?");

    /**
     * The statement id.
     *
     * @return the sid, letters and digits
     */
    public abstract String getSid();

    /**
     * The service principal, e.g. {@code cloudtrail.amazonaws.com}.
     *
     * @return the service principal
     */
    public abstract String getService();

    /**
     * The KMS actions granted, literal (no wildcards).
     *
     * @return the actions
     */
    public abstract List<String> getActions();

    /**
     * The conditions, ANDed; values may use {@code ${Account}}, {@code ${Partition}}, {@code ${Region}}.
     *
     * @return the conditions
     */
    public abstract List<Condition> getConditions();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static ImmutableKeyServiceAccess.Builder builder() {
        return ImmutableKeyServiceAccess.builder();
    }

    /**
     * CloudTrail: encrypt log files for trails of this account, decrypt-describe its own key use.
     *
     * @return the access
     */
    public static KeyServiceAccess cloudTrail() {
        return builder().sid("AllowCloudTrailEncrypt").service("cloudtrail.amazonaws.com")
                .addActions("kms:GenerateDataKey", "kms:DescribeKey")
                .addConditions(
                        Condition.of("StringEquals", "aws:SourceAccount", "${Account}"),
                        Condition.of("StringLike", "kms:EncryptionContext:aws:cloudtrail:arn",
                                "arn:${Partition}:cloudtrail:*:${Account}:trail/*"))
                .build();
    }

    /**
     * CloudWatch Logs: encrypt and decrypt log groups of this account in this region.
     *
     * @return the access
     */
    public static KeyServiceAccess cloudWatchLogs() {
        return builder().sid("AllowCloudWatchLogs").service("logs.${Region}.amazonaws.com")
                .addActions("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
                        "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey")
                .addConditions(Condition.of("ArnLike", "kms:EncryptionContext:aws:logs:arn",
                        "arn:${Partition}:logs:${Region}:${Account}:log-group:*"))
                .build();
    }

    /** Validates the values on {@code build()}; throws {@link io.github.mlinfra.InvalidArgsException}. */
    @Value.Check
    protected void check() {
        Check.matches("KeyServiceAccess.sid", getSid(), Pattern.compile("[A-Za-z0-9]+"), "letters and digits");
        String svc = getService().replace("${Region}", "us-east-1");
        Check.matches("KeyServiceAccess.service", svc, SERVICE, "a service principal such as \"cloudtrail.amazonaws.com\"");
        if (getActions().isEmpty()) {
            Check.fail("KeyServiceAccess.actions", "no action given", getActions(), "at least one kms: action");
        }
        for (String a : getActions()) {
            if (!a.startsWith("kms:") || a.contains("*")) {
                Check.fail("KeyServiceAccess.actions", "not a literal KMS action", a, "e.g. \"kms:GenerateDataKey\"");
            }
        }
    }
}
