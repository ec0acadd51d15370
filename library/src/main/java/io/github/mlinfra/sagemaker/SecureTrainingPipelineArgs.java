package io.github.mlinfra.sagemaker;

import io.github.mlinfra.CheckedValue;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.aws.InstanceStorage;
import io.github.mlinfra.aws.NameRules;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.controls.Waivable;
import io.github.mlinfra.controls.WaivableBuilder;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.MlInfraStyle;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.internal.Waivers;
import io.github.mlinfra.network.Placement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Arguments of a {@link SecureTrainingPipeline}: its typed definition (steps without security
 * settings: the component adds them), where its jobs run and, optionally, the pipeline name
 * (derived from project, stack and component name when not given). Every control is on by
 * default; weaken one with {@link Builder#waive(Control, String)}.
 *
 * <pre>{@code
 * SecureTrainingPipelineArgs.builder()
 *     .pipelineName("fraud-training")
 *     .definition(definition)
 *     .placement(Placement.in(network))   // private subnets; the component creates the job security group
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MlInfraStyle
public abstract class SecureTrainingPipelineArgs extends CheckedValue implements Waivable {
    /**
     * The controls a SecureTrainingPipeline implements and may waive. A waiver of MLI-SM-07 turns
     * network isolation off, MLI-SM-08 the KMS keys on job outputs and volumes, MLI-SM-09
     * inter-container encryption, MLI-SM-10 jobs in a VPC; with MLI-SM-11 the runtime cap becomes
     * SageMaker's 28-day maximum.
     */
    public static final List<Control> CONTROLS = List.of(Control.SM_NETWORK_ISOLATION, Control.SM_JOB_ENCRYPTION,
            Control.SM_INTER_CONTAINER_ENCRYPTION, Control.SM_JOB_IN_VPC, Control.SM_MAX_RUNTIME);
    /** SageMaker's pipeline name rule ({@link NameRules.Rule#SAGEMAKER_PIPELINE}). */
    static final Pattern PIPELINE_NAME = NameRules.Rule.SAGEMAKER_PIPELINE.pattern();
    /** An ECR image URI: {@code <account>.dkr.ecr.<region>.amazonaws.com/<repo>[:tag|@sha256:<digest>]}. */
    static final Pattern ECR_IMAGE = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr\\.([a-z]{2}(?:-[a-z]+)+-\\d)\\.amazonaws\\.com(?:\\.cn)?/"
                    + "([a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)"
                    + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})?");
    /** A SageMaker ML instance type. */
    static final Pattern ML_INSTANCE = Pattern.compile("ml\\.[a-z0-9-]+\\.[a-z0-9-]+");
    static final String ECR_EXPECTED = "an ECR image URI \"<account>.dkr.ecr.<region>.amazonaws.com/<repo>[:tag|@sha256:<digest>]\"";

    /**
     * The pipeline name. A given name is kept verbatim and must follow SageMaker's rule: letters,
     * digits and hyphens, starting and ending with a letter or digit, 1 to 256 characters
     * ({@code ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$},
     * <a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreatePipeline.html">CreatePipeline</a>,
     * looked up 2026-11-30).
     *
     * @return the name, if given
     * @defaultValue empty: {@code mlinfra-<project>-<stack>-<component name>}, derived by
     *     {@link NameRules#derive} with {@link NameRules.Rule#SAGEMAKER_PIPELINE} (other characters
     *     become hyphens; a name that lost characters that way or is too long ends with {@code -}
     *     and 8 hex characters of a hash), so a {@code dev} and a {@code prod} stack of one program
     *     never collide in one account and region; see {@link #pipelineName(String, String, String)}
     */
    public abstract Optional<String> getPipelineName();

    /**
     * The display name shown in SageMaker Studio (1 to 256 characters).
     *
     * @return the display name, if given
     * @defaultValue empty: the pipeline name in effect
     */
    public abstract Optional<String> getDisplayName();

    /**
     * The pipeline description.
     *
     * @return the description
     * @defaultValue {@code "mlinfra secure training pipeline"}
     */
    @Value.Default
    public String getDescription() {
        return "mlinfra secure training pipeline";
    }

    /**
     * The pipeline definition. Leave each step's role, KMS keys, VPC config, network isolation,
     * inter-container encryption and output S3 URIs unset: the component sets them. A step may
     * set a shorter {@code maxRuntimeInSeconds} than {@link #getMaxRuntimeSeconds()}.
     *
     * @return the definition
     */
    public abstract PipelineDefinition getDefinition();

    /**
     * Where the jobs run (MLI-SM-10): {@code Placement.in(network)} or
     * {@code Placement.existingVpc()…build()}. The jobs get the placement's private subnets (at
     * most 16, SageMaker's {@code VpcConfig} limit) and a security group the component creates,
     * {@code <name>-job-sg}: ingress only from its own members (the instances of one distributed
     * job), egress only to its own members and HTTPS to the interface endpoints' security group and
     * the S3 prefix list. Required unless MLI-SM-10 is waived, refused when it is.
     *
     * @return the placement, if given
     * @defaultValue none: required while MLI-SM-10 is on
     */
    public abstract Optional<Placement> getPlacement();

    /**
     * The maximum runtime of each training and processing job, in seconds (1 to 2419200, the
     * 28-day SageMaker limit). A step's own {@code maxRuntimeInSeconds} wins.
     *
     * @return the runtime
     * @defaultValue 86400 (24 hours): a runaway job stops within a day (MLI-SM-11)
     */
    @Value.Default
    public long getMaxRuntimeSeconds() {
        return 86_400L;
    }

    /**
     * The key prefix in the artifact bucket this pipeline reads and writes; the role is granted
     * this prefix only.
     *
     * @return the prefix (ends with {@code /}), if given
     * @defaultValue empty: {@code <pipeline name in effect>/}
     */
    public abstract Optional<String> getArtifactPrefix();

    /**
     * The pipeline name in effect: {@link #getPipelineName()} verbatim when given, else
     * {@code NameRules.derive(Rule.SAGEMAKER_PIPELINE, project, stack, componentName)}, e.g.
     * {@code mlinfra-fraud-prod-training} (always within SageMaker's rule).
     *
     * @param componentName the component name
     * @param project the Pulumi project
     * @param stack the Pulumi stack
     * @return the pipeline name
     */
    public String pipelineName(String componentName, String project, String stack) {
        return getPipelineName().orElseGet(() -> NameRules.derive(NameRules.Rule.SAGEMAKER_PIPELINE, project, stack, componentName));
    }

    /**
     * Model package groups that already exist (created elsewhere, e.g. shared by several
     * pipelines): the component takes them by name and does not create them. Each must be named
     * by a {@link RegisterModelStep} of the definition. Every other group a register step names is
     * created by the component as {@code <name>-model-group-<group>}
     * ({@code aws:sagemaker/modelPackageGroup:ModelPackageGroup}, protected, tagged). Either way
     * the role may create model packages in exactly these groups.
     *
     * @return the names of existing groups
     * @defaultValue empty: the component creates every group its register steps name
     */
    public abstract List<String> getExistingModelPackageGroups();

    /**
     * Tags on the pipeline, key, bucket, role, model package groups and job security group.
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
     * Builds {@link SecureTrainingPipelineArgs}; {@code build()} validates.
     *
     * @builderMethods each method sets the attribute of its name, documented on the attribute's getter
     */
    public static final class Builder extends ImmutableSecureTrainingPipelineArgs.Builder implements WaivableBuilder<Builder> {
        /** Use {@link SecureTrainingPipelineArgs#builder()}. */
        Builder() {}
    }

    /**
     * Parses an ECR image URI.
     *
     * @param image the URI
     * @return the match (group 1 account, 2 region, 3 repository), if it is one
     */
    static Optional<Matcher> ecr(String image) {
        Matcher m = ECR_IMAGE.matcher(image);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    /** Validates on {@code build()}, in the project\'s error format. */
    @Override
    protected void check() {
        ResourceTags.checkUserTags("SecureTrainingPipelineArgs.tags", getTags(), getWaivers().size(), TagRules.Service.SAGEMAKER, TagRules.Service.S3, TagRules.Service.KMS, TagRules.Service.IAM, TagRules.Service.EC2);
        String a = "SecureTrainingPipelineArgs";
        getPipelineName().ifPresent(n -> Check.matches(a + ".pipelineName", n, PIPELINE_NAME,
                "letters, digits and hyphens, starting and ending with a letter or digit (1 to 256 characters)"));
        getDisplayName().filter(n -> n.isBlank() || n.length() > 256).ifPresent(n ->
                Check.fail(a + ".displayName", "empty or longer than 256 characters", n, "1 to 256 characters"));
        if (getDescription().length() > 3072) {
            Check.fail(a + ".description", "longer than 3072 characters", getDescription().length(), "at most 3072 characters");
        }
        Check.range(a + ".maxRuntimeSeconds", getMaxRuntimeSeconds(), 1, Steps.MAX_RUNTIME_LIMIT, "seconds");
        getArtifactPrefix().filter(p -> p.startsWith("/") || !p.endsWith("/") || p.contains("*") || p.contains("?")
                || p.length() > 512).ifPresent(p -> Check.fail(a + ".artifactPrefix", "malformed", p,
                "a key prefix ending with \"/\", not starting with \"/\", without * or ?"));
        Waivers.checkApplicable(a, getWaivers(), CONTROLS);
        if (!isWaived(Control.SM_JOB_IN_VPC) && getPlacement().isEmpty()) {
            throw new InvalidArgsException(a + ".placement", "required while jobs run in a VPC (" + Control.SM_JOB_IN_VPC.id() + ")",
                    "nothing", "Placement.in(network) or Placement.existingVpc()…build(), or waive(Control.SM_JOB_IN_VPC, \"<why>\")");
        }
        if (isWaived(Control.SM_JOB_IN_VPC) && getPlacement().isPresent()) {
            throw new InvalidArgsException(a + ".placement", "given while " + Control.SM_JOB_IN_VPC.id()
                    + " is waived (the jobs would run outside it)", "a placement", "no placement, or no waiver of " + Control.SM_JOB_IN_VPC.id());
        }
        PipelineDefinition def = getDefinition();
        checkExistingGroups(a, def);
        for (PipelineStep s : def.allSteps()) {
            String where = a + ".definition.steps[" + s.getName() + "]";
            if (s instanceof JobStep j) {
                checkInstanceType(where, j.getInstanceType(), def);
            }
            s.image().ifPresent(i -> checkImage(where + "." + i.attribute(), i.value()));
            if (s instanceof JobStep j) {
                checkUnset(where, "roleArn", j.getRoleArn());
                checkUnset(where, "outputKmsKeyId", j.getOutputKmsKeyId());
                checkUnset(where, "volumeKmsKeyId", j.getVolumeKmsKeyId());
                checkUnset(where, "vpcConfig", j.getVpcConfig());
                checkFlag(where, "enableNetworkIsolation", j.getEnableNetworkIsolation(), Control.SM_NETWORK_ISOLATION);
                checkFlag(where, "enableInterContainerTrafficEncryption", j.getEnableInterContainerTrafficEncryption(),
                        Control.SM_INTER_CONTAINER_ENCRYPTION);
            }
        }
    }

    private void checkInstanceType(String where, PipelineValue type, PipelineDefinition def) {
        Optional<String> literal = type.literal().or(() -> type.parameterName().flatMap(def::parameter)
                .flatMap(PipelineParameter::getDefaultValue).map(String::valueOf));
        List<String> all = new ArrayList<>();
        literal.ifPresent(all::add);
        instanceTypes(type, def).ifPresent(all::addAll);
        all.forEach(t -> {
            if (!ML_INSTANCE.matcher(t).matches()) {
                Check.fail(where + ".instanceType", "not a SageMaker ML instance type", t, "\"ml.<family>.<size>\" such as \"ml.m5.xlarge\"");
            }
        });
        if (isWaived(Control.SM_JOB_ENCRYPTION)) {
            return;
        }
        Optional<List<String>> possible = instanceTypes(type, def);
        if (possible.isEmpty()) {
            throw Check.fail(where + ".instanceType", "may take any value at execution, so the component cannot tell whether the "
                    + "instance has instance storage (SageMaker refuses VolumeKmsKeyId there; " + Control.SM_JOB_ENCRYPTION.id()
                    + " needs it elsewhere)", type.parameterName().map(n -> "Parameters." + n).orElse(type.toString()),
                    "a literal type, or a String parameter with EnumValues all with or all without instance storage, "
                            + "e.g. PipelineParameter.string(\"TrainingInstanceType\", \"ml.m5.xlarge\", \"ml.m5.xlarge\", \"ml.m5.2xlarge\")");
        }
        TreeSet<String> local = new TreeSet<>();
        possible.get().stream().filter(InstanceStorage::hasInstanceStorage).forEach(local::add);
        if (!local.isEmpty() && local.size() != new HashSet<>(possible.get()).size()) {
            Check.fail(where + ".instanceType", "the EnumValues of parameter " + type.parameterName().orElse("?")
                    + " mix types with instance storage (SageMaker refuses VolumeKmsKeyId there) and without (where "
                    + Control.SM_JOB_ENCRYPTION.id() + " needs it)", possible.get(),
                    "values all with or all without instance storage (with: " + String.join(", ", local) + ")");
        }
    }

    /**
     * The instance types a step's instance type may take: a literal, or the EnumValues of the
     * String parameter it reads.
     *
     * @param type the step's instance type
     * @param def the definition
     * @return the types, or empty when any value may come (a parameter without EnumValues, an expression)
     */
    static Optional<List<String>> instanceTypes(PipelineValue type, PipelineDefinition def) {
        if (type.literal().isPresent()) {
            return Optional.of(List.of(type.literal().get()));
        }
        return type.parameterName().flatMap(def::parameter).map(PipelineParameter::getEnumValues).filter(l -> !l.isEmpty());
    }

    /**
     * Whether a step's instance type has instance storage (then the step gets no volume key).
     *
     * @param type the step's instance type, validated by {@link #check()}
     * @param def the definition
     * @return true when every type it may take has instance storage
     */
    static boolean instanceStorage(PipelineValue type, PipelineDefinition def) {
        return instanceTypes(type, def).map(l -> l.stream().allMatch(InstanceStorage::hasInstanceStorage)).orElse(false);
    }

    private void checkExistingGroups(String a, PipelineDefinition def) {
        TreeSet<String> named = new TreeSet<>();
        def.allSteps().stream().filter(s -> s instanceof RegisterModelStep)
                .forEach(s -> named.add(((RegisterModelStep) s).getModelPackageGroupName()));
        List<String> existing = getExistingModelPackageGroups();
        for (String g : existing) {
            Check.matches(a + ".existingModelPackageGroups", g, RegisterModelStep.GROUP,
                    "letters, digits and single hyphens (1 to 63)");
            if (!named.contains(g)) {
                Check.fail(a + ".existingModelPackageGroups", "not named by any RegisterModelStep", g,
                        named.isEmpty() ? "no groups (the definition registers no model)" : "one of " + named);
            }
        }
        if (new HashSet<>(existing).size() != existing.size()) {
            Check.fail(a + ".existingModelPackageGroups", "duplicate group", existing, "distinct group names");
        }
    }

    private void checkImage(String where, PipelineValue image) {
        if (isWaived(Control.SM_NETWORK_ISOLATION)) {
            return;
        }
        Optional<String> literal = image.literal();
        if (literal.isEmpty() || ecr(literal.get()).isEmpty()) {
            Check.fail(where, "not an ECR image URI while network isolation (" + Control.SM_NETWORK_ISOLATION.id() + ") is on",
                    literal.isPresent() ? literal.get() : image.toString(), ECR_EXPECTED);
        }
    }

    private static void checkUnset(String where, String attribute, Optional<?> value) {
        value.ifPresent(v -> Check.fail(where + "." + attribute, "set by SecureTrainingPipeline; leave it unset",
                v instanceof String ? v : String.valueOf(v), "no value"));
    }

    private void checkFlag(String where, String attribute, Optional<Boolean> flag, Control control) {
        if (flag.isPresent() && !flag.get() && !isWaived(control)) {
            Check.fail(where + "." + attribute, "off without a waiver of " + control.id(), false,
                    "true, or waive(Control." + control.name() + ", \"<why>\")");
        }
    }
}
