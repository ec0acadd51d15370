package io.github.mlinfra.sagemaker;

import io.github.mlinfra.CheckedValue;
import com.pulumi.core.Output;
import io.github.mlinfra.aws.Arns;
import io.github.mlinfra.aws.NameRules;
import io.github.mlinfra.aws.NotebookPlatforms;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waivable;
import io.github.mlinfra.controls.WaivableBuilder;
import io.github.mlinfra.kms.KeyReference;
import io.github.mlinfra.iam.Grant;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.Lines;
import io.github.mlinfra.internal.MlInfraStyle;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.internal.Waivers;
import io.github.mlinfra.network.Placement;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Arguments of a {@link HardenedNotebook}. Every control is on by default; weaken one with
 * {@link Builder#waive(Control, String)}.
 *
 * <pre>{@code
 * HardenedNotebookArgs.builder()
 *     .placement(Placement.in(net))                   // VPC, first private subnet, endpoint SG, S3 prefix list
 *     .onStartScript("#!/bin/bash\nset -euo pipefail\n...")
 *     .addGrants(bucket.grantReadArtifacts("datasets/"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class HardenedNotebookArgs extends CheckedValue implements Waivable {
    /** The controls a HardenedNotebook implements. */
    public static final List<Control> CONTROLS = List.of(Control.SM_NO_DIRECT_INTERNET, Control.SM_NOTEBOOK_IN_VPC,
            Control.SM_NO_ROOT_ACCESS, Control.SM_NOTEBOOK_KMS, Control.SM_NOTEBOOK_IMDSV2, Control.SM_LIFECYCLE_SCRIPT,
            Control.SM_SUPPORTED_PLATFORM);
    /**
     * The controls that may be waived: MLI-SM-01, -03, -05, -12. The notebook always runs in a VPC
     * subnet (MLI-SM-02), always encrypts its volume with a customer-managed key (MLI-SM-04) and its
     * lifecycle scripts are always base64 shell scripts (MLI-SM-06).
     * A waiver of MLI-SM-01 allows direct internet access, MLI-SM-03 root access, MLI-SM-05 IMDSv1,
     * MLI-SM-12 a retired Amazon Linux 1 or 2 platform.
     */
    public static final List<Control> WAIVABLE = List.of(Control.SM_NO_DIRECT_INTERNET, Control.SM_NO_ROOT_ACCESS,
            Control.SM_NOTEBOOK_IMDSV2, Control.SM_SUPPORTED_PLATFORM);
    /**
     * Instance families SageMaker notebook instances on AL2023 run on ({@link NotebookPlatforms#AL2023_FAMILIES}):
     * {@code ml.p2}, {@code ml.p3}, {@code ml.p3dn}, {@code ml.inf1} and {@code ml.g3} are not among them
     * (https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-al2023.html).
     */
    public static final List<String> NOTEBOOK_FAMILIES = NotebookPlatforms.AL2023_FAMILIES;
    /**
     * SageMaker's limit on a lifecycle script: "Each lifecycle configuration script has a limit of 16384
     * characters", the base64 {@code Content} of length 1 to 16384
     * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_NotebookInstanceLifecycleHook.html).
     */
    public static final int SCRIPT_LIMIT = 16384;
    private static final Pattern INSTANCE_TYPE = Pattern.compile("ml\\.([a-z0-9]+)\\.(medium|large|xlarge|\\d{1,2}xlarge|metal)");
    private static final Pattern NOTEBOOK_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");

    /**
     * Where the notebook runs (MLI-SM-02): {@code Placement.in(network)} or
     * {@code Placement.existingVpc()…build()}. Its network interface is in the placement's first
     * private subnet, behind the notebook's own security group: no ingress, HTTPS egress to the
     * interface endpoints' security group and the S3 prefix list only. In a network, the notebook
     * waits for the network's endpoints.
     *
     * @return the placement
     */
    public abstract Placement getPlacement();

    /**
     * The notebook instance name (1–63 letters, digits and hyphens); it also scopes the role's
     * {@code sagemaker:DescribeNotebookInstance} grant.
     *
     * @return the name, if given
     * @defaultValue empty: the component name
     */
    public abstract Optional<String> getNotebookName();

    /**
     * The execution role's name (at most 64 characters of letters, digits and {@code +=,.@_-}).
     *
     * @return the role name, if given
     * @defaultValue empty: Pulumi names the role from the component name
     */
    public abstract Optional<String> getRoleName();

    /**
     * The instance type, {@code ml.<family>.<size>} with a family from {@link #NOTEBOOK_FAMILIES} (the families
     * AL2023 notebooks run on; with a waived Amazon Linux 2 identifier also {@link NotebookPlatforms#AL2_ONLY_FAMILIES}).
     *
     * @return the instance type
     * @defaultValue {@code ml.t3.medium}: a current-generation general-purpose type (the seed's ml.t2 is older)
     */
    @Value.Default
    public String getInstanceType() {
        return "ml.t3.medium";
    }

    /**
     * The ML storage volume size in GB (5–16384), encrypted with the notebook's key.
     *
     * @return the size
     * @defaultValue 5: SageMaker's minimum; keep data in S3, not on the notebook
     */
    @Value.Default
    public int getVolumeSizeGb() {
        return 5;
    }

    /**
     * The platform identifier (Amazon Linux and JupyterLab version). Leave it unset: the notebook is then
     * created on SageMaker's default, {@code notebook-al2023-v1} (Amazon Linux 2023, JupyterLab 4), which is the
     * only supported platform. Setting {@code notebook-al2023-v1} explicitly is refused, because the pinned
     * provider ({@code com.pulumi:aws} 6.83.0) rejects that value (see {@link NotebookPlatforms}). The Amazon
     * Linux 1 and 2 identifiers ({@link NotebookPlatforms#RETIRED}) are out of support and SageMaker no longer
     * creates or restarts such notebooks from 2026-07-01: they need a waiver of MLI-SM-12 (e.g. to describe a
     * notebook that exists already).
     *
     * @return the platform identifier, if set
     * @defaultValue empty: not sent, so AWS picks {@code notebook-al2023-v1} (MLI-SM-12)
     */
    public abstract Optional<String> getPlatformIdentifier();

    /**
     * The customer-managed KMS key for the volume: a {@link io.github.mlinfra.kms.ManagedKey} of this
     * program, or an existing key by {@link KeyReference#fromArn(String)}, its ARN checked with
     * {@link io.github.mlinfra.aws.Arns#checkKmsKeyArn(String, String)} when it resolves (an alias is
     * refused). Without one, the component creates a {@code ManagedKey} (MLI-SM-04 either way); an
     * imported key's rotation and key policy are its owner's.
     *
     * @return the key, if given
     * @defaultValue empty: the component creates a rotated, protected key
     */
    public abstract Optional<KeyReference> getKmsKey();

    /**
     * The lifecycle script run when the notebook is created: plain shell text starting with
     * {@code #!}; the library base64-encodes it and passes it as a secret. Never printed.
     *
     * @return the script, if any
     * @defaultValue none
     */
    @Value.Redacted
    public abstract Optional<String> getOnCreateScript();

    /**
     * The lifecycle script run each time the notebook starts: plain shell text starting with
     * {@code #!}; base64-encoded by the library and passed as a secret. Never printed.
     *
     * @return the script, if any
     * @defaultValue none
     */
    @Value.Redacted
    public abstract Optional<String> getOnStartScript();

    /**
     * Extra grants for the execution role (buckets by prefix, from storage components'
     * {@code grant…} methods). The role otherwise gets its key, its own log group and
     * {@code sagemaker:DescribeNotebookInstance} on itself, nothing else.
     *
     * @return the grants
     * @defaultValue none
     */
    public abstract List<Grant> getGrants();

    /**
     * Tags on the notebook, its security group, role and key; waivers add {@code mlinfra:waiver:<id>} tags.
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
     * Builds {@link HardenedNotebookArgs}; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableHardenedNotebookArgs.Builder implements WaivableBuilder<Builder> {
        /** Use {@link HardenedNotebookArgs#builder()}. */
        Builder() {}
    }

    /**
     * Base64 of a script's UTF-8 bytes, as SageMaker expects lifecycle scripts.
     *
     * @param script the script
     * @return the base64 text
     */
    static String base64(String script) {
        return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Validates a lifecycle script without ever printing it: a shebang first line, LF line endings (a
     * {@code \r} left by a Windows editor becomes part of each command, so {@code set -e\r} fails and
     * {@code systemctl ... jupyter-server\r} names no unit), no NUL byte (bash cannot hold one in a script),
     * and at most {@link #SCRIPT_LIMIT} characters once base64-encoded.
     *
     * @param argument {@code <Args>.<attribute>}
     * @param script the script
     */
    static void checkScript(String argument, String script) {
        if (!script.startsWith("#!")) {
            Check.fail(argument, "a lifecycle script must start with a shebang line",
                    new Secret(script), "a shell script starting with \"#!\", e.g. \"#!/bin/bash\"");
        }
        int cr = script.indexOf('\r');
        if (cr >= 0) {
            Check.fail(argument, "a lifecycle script must have LF line endings; it has a CR (\\r, e.g. CRLF) at line "
                    + Lines.numberAt(script, cr), new Secret(script), "a shell script with \"\\n\" line endings only");
        }
        int nul = script.indexOf('\0');
        if (nul >= 0) {
            Check.fail(argument, "a lifecycle script must not contain a NUL byte; it has one at line " + Lines.numberAt(script, nul),
                    new Secret(script), "shell script text without \"\\0\"");
        }
        int encoded = base64(script).length();
        if (encoded > SCRIPT_LIMIT) {
            Check.fail(argument, "longer than SageMaker's limit once base64-encoded (" + encoded + " characters)",
                    new Secret(script), "at most " + SCRIPT_LIMIT + " base64 characters (about 12 KB of script)");
        }
    }

    /** A value that renders as {@link Check#showSecret(String)} in messages. */
    private record Secret(String value) {
        @Override
        public String toString() {
            return Check.showSecret(value);
        }
    }

    /**
     * The notebook name in effect: the given {@link #getNotebookName()} verbatim, else one derived
     * from the Pulumi project, stack and component name
     * ({@code mlinfra-<project>-<stack>-<component>}, sanitised to SageMaker's rule and shortened
     * with a hash past 63 characters: {@link NameRules#derive}), so two stacks in one account and
     * region do not collide.
     *
     * @param componentName the component name
     * @param project the Pulumi project
     * @param stack the Pulumi stack
     * @return the notebook instance name
     */
    public String effectiveNotebookName(String componentName, String project, String stack) {
        return getNotebookName().orElseGet(() -> NameRules.derive(NameRules.Rule.SAGEMAKER_NOTEBOOK, project, stack, componentName));
    }

    static void checkNotebookName(String argument, String name) {
        Check.matches(argument, name, NOTEBOOK_NAME, "1 to 63 letters, digits and hyphens, starting and ending with a letter or digit");
    }

    private void checkPlatform(String platform) {
        String argument = "HardenedNotebookArgs.platformIdentifier";
        String unset = "unset (AWS then picks " + NotebookPlatforms.AWS_DEFAULT + ")";
        if (!NotebookPlatforms.ALL.contains(platform)) {
            Check.fail(argument, "unknown platform identifier", platform, unset);
        }
        if (platform.equals(NotebookPlatforms.AL2023_V1)) {
            Check.fail(argument, "the pinned provider com.pulumi:aws 6.83.0 refuses this value when it is set "
                    + "(it accepts only " + NotebookPlatforms.PROVIDER_6_83_ACCEPTS + "), and it is AWS's default", platform, unset);
        }
        if (NotebookPlatforms.isRetired(platform) && !isWaived(Control.SM_SUPPORTED_PLATFORM)) {
            Check.fail(argument, "an Amazon Linux 1 or 2 platform: out of support, and SageMaker no longer creates or "
                    + "restarts such notebooks from " + NotebookPlatforms.AL2_NO_CREATE_OR_RESTART_FROM
                    + ", without a waiver of " + Control.SM_SUPPORTED_PLATFORM.id(), platform,
                    unset + ", or waive(Control.SM_SUPPORTED_PLATFORM, \"<why>\")");
        }
    }

    /** Validates the values on {@code build()}; throws {@link io.github.mlinfra.InvalidArgsException}. */
    @Override
    protected void check() {
        ResourceTags.checkUserTags("HardenedNotebookArgs.tags", getTags(), getWaivers().size(), TagRules.Service.SAGEMAKER, TagRules.Service.EC2, TagRules.Service.KMS, TagRules.Service.IAM);
        Waivers.checkApplicable("HardenedNotebookArgs", getWaivers(), CONTROLS);
        for (var w : getWaivers()) {
            if (!WAIVABLE.contains(w.getControl())) {
                Check.fail("HardenedNotebookArgs.waivers", "control " + w.getControl().id() + " cannot be waived on a notebook",
                        w.getControl().id(), "one of " + WAIVABLE.stream().map(Control::id).toList());
            }
        }
        getNotebookName().ifPresent(n -> checkNotebookName("HardenedNotebookArgs.notebookName", n));
        getRoleName().ifPresent(n -> Arns.checkRoleName("HardenedNotebookArgs.roleName", n));
        getPlatformIdentifier().ifPresent(this::checkPlatform);
        String platform = NotebookPlatforms.effective(getPlatformIdentifier());
        List<String> families = NotebookPlatforms.families(platform);
        var m = INSTANCE_TYPE.matcher(getInstanceType());
        if (!m.matches() || !families.contains(m.group(1))) {
            String problem = m.matches() && NotebookPlatforms.AL2023_UNSUPPORTED_FAMILIES.contains(m.group(1))
                    ? "an instance family " + platform + " notebooks do not support"
                    : "not a SageMaker notebook instance type";
            Check.fail("HardenedNotebookArgs.instanceType", problem, getInstanceType(),
                    "\"ml.<family>.<size>\" with a family in " + families + ", e.g. \"ml.t3.medium\"");
        }
        Check.range("HardenedNotebookArgs.volumeSizeGb", getVolumeSizeGb(), 5, 16384, "GB");
        getOnCreateScript().ifPresent(s -> checkScript("HardenedNotebookArgs.onCreateScript", s));
        getOnStartScript().ifPresent(s -> checkScript("HardenedNotebookArgs.onStartScript", s));
    }
}
