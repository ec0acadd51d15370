package io.github.mlinfra.kms;

import io.github.mlinfra.CheckedValue;
import io.github.mlinfra.aws.Arns;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waivable;
import io.github.mlinfra.controls.WaivableBuilder;
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
 * Arguments of a {@link ManagedKey}. Every control is on by default; weaken one with
 * {@link Builder#waive(Control, String)}.
 *
 * <pre>{@code
 * ManagedKeyArgs.builder()
 *     .description("Checkpoints of the fraud model")
 *     .addAdministratorRoleArns("arn:aws:iam::123456789012:role/KeyAdmins")
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class ManagedKeyArgs extends CheckedValue implements Waivable {
    /**
     * The controls a ManagedKey implements and may waive. A waiver of {@code MLI-KMS-01} turns
     * rotation off, {@code MLI-KMS-02} allows a deletion window below 30 days, {@code MLI-KMS-04}
     * leaves the key not protected.
     */
    public static final List<Control> CONTROLS = List.of(Control.KMS_ROTATION, Control.KMS_DELETION_WINDOW,
            Control.KMS_DELETION_PROTECTION);
    static final Pattern ALIAS = Pattern.compile("alias/(?!aws/)[a-zA-Z0-9/_-]{1,250}");

    /**
     * The key's description, shown in the KMS console.
     *
     * @return the description
     * @defaultValue {@code "mlinfra managed key"}
     */
    @Value.Default
    public String getDescription() {
        return "mlinfra managed key";
    }

    /**
     * The alias, {@code alias/<name>}.
     *
     * @return the alias, if given (kept verbatim: it must be unique in the account and region)
     * @defaultValue empty: the component derives {@code alias/mlinfra/<project>/<stack>/<component name>}
     *     from the Pulumi project and stack ({@link io.github.mlinfra.aws.NameRules}), so two stacks of
     *     one program in one account do not collide
     */
    public abstract Optional<String> getAlias();

    /**
     * What the key is for, recorded as the tag {@code mlinfra:purpose} (guard rules apply by
     * purpose); users cannot set {@code mlinfra:} tags themselves.
     *
     * @return the purpose, if any
     * @defaultValue empty: no purpose tag
     */
    public abstract Optional<String> getPurpose();

    /**
     * Days between automatic rotations of the key material (90–2560).
     *
     * @return the rotation period
     * @defaultValue 365: rotation on (MLI-KMS-01), yearly, as AWS's default period
     */
    @Value.Default
    public int getRotationPeriodDays() {
        return 365;
    }

    /**
     * Days KMS waits before deleting a key scheduled for deletion (7–30). Below 30 needs a waiver
     * of MLI-KMS-02.
     *
     * @return the deletion window
     * @defaultValue 30: the longest window to notice and cancel a mistaken deletion
     */
    @Value.Default
    public int getDeletionWindowDays() {
        return 30;
    }

    /**
     * IAM roles that administer the key (not use it). The account root always stays in the key
     * policy so IAM policies can grant use and the key can never be locked out; a deploying
     * session's assumed-role ARN is refused (not a valid principal).
     *
     * @return the administrator role ARNs
     * @defaultValue empty: the account root administers the key through IAM
     */
    public abstract List<String> getAdministratorRoleArns();

    /**
     * Statements for AWS service principals (CloudTrail, CloudWatch Logs, …) with their
     * confused-deputy conditions.
     *
     * @return the service access statements
     * @defaultValue empty
     */
    public abstract List<KeyServiceAccess> getServiceAccess();

    /**
     * Tags on the key; mlinfra adds {@code mlinfra:managed-by}, {@code mlinfra:purpose} and
     * {@code mlinfra:waiver:<id>} tags, so user keys may not start with {@code mlinfra:}.
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
     * Builds {@link ManagedKeyArgs}; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableManagedKeyArgs.Builder implements WaivableBuilder<Builder> {
        /** Use {@link ManagedKeyArgs#builder()}. */
        Builder() {}
    }

    /** Validates the values on {@code build()}; throws {@link io.github.mlinfra.InvalidArgsException}. */
    @Override
    protected void check() {
        ResourceTags.checkUserTags("ManagedKeyArgs.tags", getTags(), getWaivers().size(), TagRules.Service.KMS);
        getPurpose().ifPresent(p -> TagRules.valueProblem(TagRules.Service.KMS, p).or(() -> p.isEmpty()
                ? java.util.Optional.of("empty") : java.util.Optional.empty()).ifPresent(x -> Check.fail(
                "ManagedKeyArgs.purpose", x, p, "1 to 256 characters of " + TagRules.ALPHABET_WORDS)));
        Check.notBlank("ManagedKeyArgs.description", getDescription());
        getAlias().ifPresent(a -> Check.matches("ManagedKeyArgs.alias", a, ALIAS,
                "\"alias/<name>\" (letters, digits, / _ -; not alias/aws/)"));
        if (!isWaived(Control.KMS_ROTATION)) {
            Check.range("ManagedKeyArgs.rotationPeriodDays", getRotationPeriodDays(), 90, 2560, "days");
        }
        Check.range("ManagedKeyArgs.deletionWindowDays", getDeletionWindowDays(), 7, 30, "days");
        if (getDeletionWindowDays() < 30 && !isWaived(Control.KMS_DELETION_WINDOW)) {
            Check.fail("ManagedKeyArgs.deletionWindowDays", "shorter than 30 days without a waiver of "
                    + Control.KMS_DELETION_WINDOW.id(), getDeletionWindowDays(),
                    "30, or waive(Control.KMS_DELETION_WINDOW, \"<why>\")");
        }
        getAdministratorRoleArns().forEach(arn -> Arns.checkRoleArn("ManagedKeyArgs.administratorRoleArns", arn));
        Waivers.checkApplicable("ManagedKeyArgs", getWaivers(), CONTROLS);
    }
}
