package io.github.mlinfra.iam;

import io.github.mlinfra.CheckedValue;
import io.github.mlinfra.aws.Arns;
import io.github.mlinfra.aws.ConfusedDeputyKeys;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waivable;
import io.github.mlinfra.controls.WaivableBuilder;
import io.github.mlinfra.controls.Waiver;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.internal.Waivers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Arguments of a {@link ServiceRole}: the AWS service that assumes it and the grants its one
 * inline policy is assembled from.
 *
 * <pre>{@code
 * ServiceRoleArgs.builder()
 *     .service("sagemaker.amazonaws.com")
 *     .addGrants(key.grantEncryptDecrypt(), bucket.grantReadCheckpoints("runs/"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class ServiceRoleArgs extends CheckedValue implements Waivable {
    /**
     * The controls a ServiceRole implements and may waive. A waiver of MLI-IAM-01 allows attaching
     * managed policies, MLI-IAM-04 a trust policy with no {@code aws:SourceAccount} condition.
     */
    public static final List<Control> CONTROLS = List.of(Control.IAM_NO_MANAGED_POLICIES, Control.IAM_CONFUSED_DEPUTY);
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*\\.amazonaws\\.com(\\.cn)?");

    /**
     * The service principal that assumes the role, e.g. {@code sagemaker.amazonaws.com}.
     *
     * @return the service
     */
    public abstract String getService();

    /**
     * The feature of the service the role serves, where the service documents its confused-deputy
     * keys per feature ({@link ConfusedDeputyKeys}): {@code "notebook-instance"} for SageMaker
     * notebook instances, whose role trust gets no {@code aws:SourceAccount} condition because
     * SageMaker does not document sending it for them (the role then records a built-in waiver of
     * MLI-IAM-04 saying so).
     *
     * @return the feature, if given
     * @defaultValue empty: the service's general entry; the trust policy requires
     *     {@code aws:SourceAccount} exactly when {@link ConfusedDeputyKeys} says the service sends it
     */
    public abstract Optional<String> getServiceFeature();

    /**
     * Whether the trust policy carries the {@code aws:SourceAccount} condition: the service sends
     * it for this use ({@link ConfusedDeputyKeys}) and MLI-IAM-04 is not waived.
     *
     * @return true when the condition is added
     */
    public boolean requiresSourceAccount() {
        return ConfusedDeputyKeys.lookup(getService(), getServiceFeature())
                .map(ConfusedDeputyKeys.Entry::sendsSourceAccount).orElse(false)
                && !isWaived(Control.IAM_CONFUSED_DEPUTY);
    }

    /**
     * The waiver a role records by itself when the service sends {@code aws:SourceAccount} in general
     * but not for this feature (SageMaker notebook instances): the guard's MLI-IAM-04 sees a
     * SageMaker trust without the condition, and this says why.
     *
     * @return the built-in waiver, if any
     */
    public Optional<Waiver> builtInWaiver() {
        if (getServiceFeature().isEmpty() || isWaived(Control.IAM_CONFUSED_DEPUTY)) {
            return Optional.empty();
        }
        var general = ConfusedDeputyKeys.lookup(getService(), Optional.empty());
        var specific = ConfusedDeputyKeys.lookup(getService(), getServiceFeature());
        if (general.isPresent() && general.get().sendsSourceAccount() && specific.isPresent()
                && !specific.get().sendsSourceAccount()) {
            return Optional.of(Waiver.of(Control.IAM_CONFUSED_DEPUTY, getService() + " does not document sending"
                    + " aws:SourceAccount or aws:SourceArn for " + getServiceFeature().get() + " roles at "
                    + specific.get().source() + " and requiring a key the service does not send blocks the role."));
        }
        return Optional.empty();
    }

    /**
     * The role name (at most 64 characters).
     *
     * @return the name, if given
     * @defaultValue empty: Pulumi auto-names the role from the component name
     */
    public abstract Optional<String> getRoleName();

    /**
     * The role's description.
     *
     * @return the description
     * @defaultValue {@code "mlinfra service role"}
     */
    @Value.Default
    public String getDescription() {
        return "mlinfra service role";
    }

    /**
     * The grants the inline policy is assembled from.
     *
     * @return the grants
     * @defaultValue none: the role can do nothing until granted
     */
    public abstract List<Grant> getGrants();

    /**
     * A permissions boundary policy ARN capping what the role can ever do.
     *
     * @return the boundary, if any
     * @defaultValue none
     */
    public abstract Optional<String> getPermissionsBoundaryArn();

    /**
     * Maximum session duration in seconds (3600–43200).
     *
     * @return the duration
     * @defaultValue 3600: one hour, AWS's minimum, so leaked session credentials expire soonest
     */
    @Value.Default
    public int getMaxSessionDurationSeconds() {
        return 3600;
    }

    /**
     * Managed policy ARNs to attach. Refused unless MLI-IAM-01 is waived.
     *
     * @return the managed policy ARNs
     * @defaultValue none: AWS-managed policies grant far more than a workload needs
     */
    public abstract List<String> getManagedPolicyArns();

    /**
     * Tags on the role.
     *
     * @return the tags
     */
    public abstract Map<String, String> getTags();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link ServiceRoleArgs}; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableServiceRoleArgs.Builder implements WaivableBuilder<Builder> {
        /** Use {@link ServiceRoleArgs#builder()}. */
        Builder() {}
    }

    /** Validates the values on {@code build()}; throws {@link io.github.mlinfra.InvalidArgsException}. */
    @Override
    protected void check() {
        ResourceTags.checkUserTags("ServiceRoleArgs.tags", getTags(), getWaivers().size() + (builtInWaiver().isPresent() ? 1 : 0), TagRules.Service.IAM);
        Check.matches("ServiceRoleArgs.service", getService(), SERVICE, "a service principal such as \"sagemaker.amazonaws.com\"");
        getRoleName().ifPresent(n -> Arns.checkRoleName("ServiceRoleArgs.roleName", n));
        getServiceFeature().ifPresent(f -> {
            if (!ConfusedDeputyKeys.features(getService()).contains(f)) {
                Check.fail("ServiceRoleArgs.serviceFeature", "not a feature the confused-deputy table knows for "
                        + getService(), f, "one of " + ConfusedDeputyKeys.features(getService()) + ", or none");
            }
        });
        Check.range("ServiceRoleArgs.maxSessionDurationSeconds", getMaxSessionDurationSeconds(), 3600, 43200, "seconds");
        getPermissionsBoundaryArn().ifPresent(a -> Check.matches("ServiceRoleArgs.permissionsBoundaryArn", a, Arns.POLICY_ARN,
                "an IAM policy ARN \"arn:aws:iam::<account>:policy/<name>\""));
        for (String arn : getManagedPolicyArns()) {
            Check.matches("ServiceRoleArgs.managedPolicyArns", arn, Arns.POLICY_ARN,
                    "an IAM policy ARN \"arn:aws:iam::<account|aws>:policy/<name>\" (not a KMS key or other ARN)");
        }
        if (!getManagedPolicyArns().isEmpty() && !isWaived(Control.IAM_NO_MANAGED_POLICIES)) {
            Check.fail("ServiceRoleArgs.managedPolicyArns", "managed policies without a waiver of "
                    + Control.IAM_NO_MANAGED_POLICIES.id(), getManagedPolicyArns(),
                    "grants, or waive(Control.IAM_NO_MANAGED_POLICIES, \"<why>\")");
        }
        Waivers.checkApplicable("ServiceRoleArgs", getWaivers(), CONTROLS);
    }
}
