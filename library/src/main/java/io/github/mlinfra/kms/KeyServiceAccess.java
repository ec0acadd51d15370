package io.github.mlinfra.kms;

import io.github.mlinfra.CheckedValue;
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
 * ManagedKeyArgs.builder().addAllServiceAccess(KeyServiceAccess.cloudTrail("mlinfra-dev-audit")).build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class KeyServiceAccess extends CheckedValue {
    private static final Pattern TRAIL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]");
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
     * CloudTrail, for one trail of this account whose home region is the stack's region: the two
     * statements of AWS's CloudTrail key policy
     * (<a href="https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html">Configure
     * AWS KMS key policies for CloudTrail</a>, looked up 2026-11-30):
     * <ul>
     *   <li>{@code AllowCloudTrailEncrypt}: {@code kms:GenerateDataKey*} (written as the literal
     *   {@code kms:GenerateDataKey}, the only one CloudTrail calls for log and digest files) when
     *   the encryption context names a trail of this account
     *   ({@code kms:EncryptionContext:aws:cloudtrail:arn}) and {@code aws:SourceArn} is this trail;</li>
     *   <li>{@code AllowCloudTrailDescribeKey}: {@code kms:DescribeKey} when {@code aws:SourceArn}
     *   is this trail. DescribeKey carries no encryption context, so it cannot sit in the statement
     *   conditioned on one: that grant would never apply and CreateTrail would fail.</li>
     * </ul>
     * The trail's name must be known before the trail exists (the key is created first), which is
     * why {@code AuditTrail} derives it deterministically.
     *
     * <p>No {@code kms:Decrypt} for the CloudTrail service principal: the page's decrypt statement
     * is for the IAM principals that read the logs, and its S3 Bucket Key note concerns the IAM
     * principal that calls CreateTrail/UpdateTrail, which this key's account statement delegates
     * to IAM.
     *
     * @param trailName the trail's name (the {@code trail/<name>} of its ARN)
     * @return the two statements, encrypt first
     */
    public static List<KeyServiceAccess> cloudTrail(String trailName) {
        String trailArn = "arn:${Partition}:cloudtrail:${Region}:${Account}:trail/" + trailName;
        return List.of(
                builder().sid("AllowCloudTrailEncrypt").service("cloudtrail.amazonaws.com")
                        .addActions("kms:GenerateDataKey")
                        .addConditions(
                                Condition.of("StringEquals", "aws:SourceArn", trailArn),
                                Condition.of("StringLike", "kms:EncryptionContext:aws:cloudtrail:arn",
                                        "arn:${Partition}:cloudtrail:*:${Account}:trail/*"))
                        .build(),
                builder().sid("AllowCloudTrailDescribeKey").service("cloudtrail.amazonaws.com")
                        .addActions("kms:DescribeKey")
                        .addConditions(Condition.of("StringEquals", "aws:SourceArn", trailArn))
                        .build());
    }

    /**
     * CloudWatch Logs: encrypt and decrypt log groups of this account in this region. AWS's documented
     * key policy
     * (<a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html">Encrypt
     * log data in CloudWatch Logs using AWS KMS</a>, looked up 2026-11-30) grants
     * {@code kms:Encrypt* Decrypt* ReEncrypt* GenerateDataKey* Describe*} to
     * {@code logs.<region>.amazonaws.com} under one {@code ArnLike} condition on
     * {@code kms:EncryptionContext:aws:logs:arn}, DescribeKey included; this statement follows it
     * with the literal actions those wildcards cover on a key.
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
    @Override
    protected void check() {
        Check.matches("KeyServiceAccess.sid", getSid(), Pattern.compile("[A-Za-z0-9]+"), "letters and digits");
        String svc = getService().replace("${Region}", "us-east-1");
        Check.matches("KeyServiceAccess.service", svc, SERVICE, "a service principal such as \"cloudtrail.amazonaws.com\"");
        if (getActions().isEmpty()) {
            Check.fail("KeyServiceAccess.actions", "no action given", getActions(), "at least one kms: action");
        }
        if (getService().startsWith("cloudtrail.")) {
            getConditions().stream().filter(c -> c.getKey().equals("aws:SourceArn")).flatMap(c -> c.getValues().stream())
                    .forEach(v -> {
                        String name = v.substring(v.indexOf(":trail/") + 7);
                        if (!TRAIL_NAME.matcher(name).matches() || name.matches(".*[._-]{2}.*")) {
                            Check.fail("KeyServiceAccess.conditions", "malformed trail name in aws:SourceArn", name,
                                    "3 to 128 letters, digits, . _ -, starting and ending with a letter or digit");
                        }
                    });
        }
        for (String a : getActions()) {
            if (!a.startsWith("kms:") || a.contains("*")) {
                Check.fail("KeyServiceAccess.actions", "not a literal KMS action", a, "e.g. \"kms:GenerateDataKey\"");
            }
        }
    }
}
