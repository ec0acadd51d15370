package io.github.mlinfra.aws;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which AWS service principals send the confused-deputy condition keys {@code aws:SourceAccount}
 * and {@code aws:SourceArn} when they assume a role, so that a role's trust policy may require
 * them. One entry per service principal (and, where the service documents it per feature, per
 * feature), each with the page that says so. Looked up 2026-11-30.
 *
 * <p>A condition on a key the service does not send makes {@code sts:AssumeRole} fail: a trust
 * policy may require a key only where this table says the service sends it. {@code ServiceRole}
 * adds the {@code aws:SourceAccount} condition from this table, and the guard's MLI-IAM-04 rule
 * checks trust policies against the same table.
 */
public final class ConfusedDeputyKeys {
    /** A condition key a service may send when it assumes a role. */
    public enum Key {
        /** {@code aws:SourceAccount}: the account that owns the resource the service acts for. */
        SOURCE_ACCOUNT,
        /** {@code aws:SourceArn}: the ARN of the resource the service acts for. */
        SOURCE_ARN
    }

    /**
     * One service principal (or one feature of it) and the keys it documents sending to role trust.
     *
     * @param service the service principal, e.g. {@code vpc-flow-logs.amazonaws.com}
     * @param feature the feature the entry covers, or empty for every use of the service
     * @param keys the keys the service sends; empty when its documentation says it sends none, or
     *     does not document any for this use
     * @param source the page that says so
     */
    public record Entry(String service, Optional<String> feature, Set<Key> keys, String source) {
        /**
         * Whether the service sends {@code aws:SourceAccount} for this use.
         *
         * @return true when a trust policy may require {@code aws:SourceAccount}
         */
        public boolean sendsSourceAccount() {
            return keys.contains(Key.SOURCE_ACCOUNT);
        }
    }

    /** SageMaker's feature whose execution role is assumed for a notebook instance. */
    public static final String SAGEMAKER_NOTEBOOK_INSTANCE = "notebook-instance";

    private static final String SAGEMAKER_PAGE =
            "https://docs.aws.amazon.com/sagemaker/latest/dg/security-confused-deputy-prevention.html";

    /** The table. */
    public static final List<Entry> ENTRIES = List.of(
            // The page lists Edge Manager, Images, Inference, Batch Transform, Marketplace, Neo,
            // Pipelines, Processing, Studio and Training jobs, with trust-policy examples on
            // aws:SourceAccount / aws:SourceArn.
            new Entry("sagemaker.amazonaws.com", Optional.empty(), Set.of(Key.SOURCE_ACCOUNT, Key.SOURCE_ARN),
                    SAGEMAKER_PAGE),
            // Notebook instances are not among the features that page lists: nothing documents that
            // SageMaker sends the keys when it assumes a notebook instance's execution role.
            new Entry("sagemaker.amazonaws.com", Optional.of(SAGEMAKER_NOTEBOOK_INSTANCE), Set.of(), SAGEMAKER_PAGE),
            // "Confused deputy prevention is not applicable to the role policy for CloudWatch Logs
            // monitoring. The role policy doesn't support the use of aws:SourceArn and aws:SourceAccount."
            new Entry("cloudtrail.amazonaws.com", Optional.empty(), Set.of(),
                    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html"),
            // The flow-logs role page recommends aws:SourceAccount (owner of the flow log) and
            // aws:SourceArn (the flow log's ARN) in the trust policy.
            new Entry("vpc-flow-logs.amazonaws.com", Optional.empty(), Set.of(Key.SOURCE_ACCOUNT, Key.SOURCE_ARN),
                    "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html"),
            // CloudWatch Logs assuming a role to deliver subscription data recommends aws:SourceArn or
            // aws:SourceAccount.
            new Entry("logs.amazonaws.com", Optional.empty(), Set.of(Key.SOURCE_ACCOUNT, Key.SOURCE_ARN),
                    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Subscriptions-confused-deputy.html"),
            // Instance profiles: EC2 assumes the role for the instance; the EC2 guide documents no
            // confused-deputy key for role trust, so none may be required.
            new Entry("ec2.amazonaws.com", Optional.empty(), Set.of(),
                    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html"));

    private ConfusedDeputyKeys() {}

    /**
     * The entry for a service principal and feature: the feature's own entry when the table has
     * one, else the service's general entry.
     *
     * @param service the service principal (case-insensitive)
     * @param feature the feature, if any
     * @return the entry, or empty when the table does not know the service
     */
    public static Optional<Entry> lookup(String service, Optional<String> feature) {
        String s = service.toLowerCase(Locale.ROOT);
        if (feature.isPresent()) {
            Optional<Entry> specific = ENTRIES.stream()
                    .filter(e -> e.service().equals(s) && e.feature().equals(feature)).findFirst();
            if (specific.isPresent()) {
                return specific;
            }
        }
        return ENTRIES.stream().filter(e -> e.service().equals(s) && e.feature().isEmpty()).findFirst();
    }

    /**
     * The features the table knows for a service.
     *
     * @param service the service principal
     * @return the features (empty when the service has no per-feature entry)
     */
    public static List<String> features(String service) {
        return ENTRIES.stream().filter(e -> e.service().equals(service.toLowerCase(Locale.ROOT)))
                .flatMap(e -> e.feature().stream()).toList();
    }

    /**
     * Whether a trust policy that trusts only this service principal must carry a confused-deputy
     * condition: the service sends {@code aws:SourceAccount} for every use the table lists. A
     * service with a use that sends nothing (SageMaker notebook instances) cannot be judged from
     * the trust policy alone, so the guard does not require the condition for it.
     *
     * @param service the service principal
     * @return true when every documented use sends {@code aws:SourceAccount}
     */
    public static boolean alwaysSendsSourceAccount(String service) {
        String s = service.toLowerCase(Locale.ROOT);
        List<Entry> all = ENTRIES.stream().filter(e -> e.service().equals(s)).toList();
        return !all.isEmpty() && all.stream().allMatch(Entry::sendsSourceAccount);
    }
}
