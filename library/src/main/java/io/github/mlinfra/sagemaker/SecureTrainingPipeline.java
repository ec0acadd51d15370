package io.github.mlinfra.sagemaker;

import io.github.mlinfra.internal.Names;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.sagemaker.ModelPackageGroup;
import com.pulumi.aws.sagemaker.ModelPackageGroupArgs;
import com.pulumi.aws.sagemaker.Pipeline;
import com.pulumi.aws.sagemaker.PipelineArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.mlinfra.InvalidArgsException;
import io.github.mlinfra.aws.SageMakerImages;
import io.github.mlinfra.aws.TagRules;
import io.github.mlinfra.controls.Control;
import io.github.mlinfra.iam.Grant;
import io.github.mlinfra.iam.ServiceRole;
import io.github.mlinfra.iam.ServiceRoleArgs;
import io.github.mlinfra.internal.AwsContext;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.internal.ResourceTags;
import io.github.mlinfra.kms.ManagedKey;
import io.github.mlinfra.kms.ManagedKeyArgs;
import io.github.mlinfra.policy.Condition;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.PolicyDocument;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * A SageMaker pipeline whose definition is typed, versioned with the code and rendered inline
 * (no placeholder S3 object), run by a least-privilege role, with every training and processing
 * job encrypted with a customer-managed key (outputs and volumes), network-isolated, with
 * inter-container traffic encrypted, in private subnets, and stopped after a maximum runtime.
 *
 * <pre>{@code
 * var definition = PipelineDefinition.builder()
 *     .addSteps(ProcessingStep.builder().name("Preprocess")
 *         .imageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com/preprocess:1.0")
 *         .instanceType("ml.m5.xlarge")
 *         .addInputs(ProcessingInput.of("raw", "/opt/ml/processing/input"))
 *         .addOutputs(ProcessingOutput.of("train", "/opt/ml/processing/train"))
 *         .build())
 *     .addSteps(TrainingStep.builder().name("Train")
 *         .trainingImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/trainer:1.0")
 *         .instanceType("ml.m5.xlarge")
 *         .addInputs(TrainingChannel.of("train", PipelineValue.stepProperty("Preprocess",
 *             "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri")))
 *         .build())
 *     .build();
 * var pipeline = new SecureTrainingPipeline("training", SecureTrainingPipelineArgs.builder()
 *     .pipelineName("fraud-training")
 *     .definition(definition)
 *     .subnetIds(network.privateSubnetIds())
 *     .securityGroupIds(jobSecurityGroup.id().applyValue(List::of))
 *     .build());
 * ctx.export("pipelineArn", pipeline.pipelineArn());
 * }</pre>
 *
 * <p>Children: {@code <name>-key} ({@code ManagedKey}), {@code <name>-artifacts}
 * ({@code SecureArtifactBucket} encrypted with that key), {@code <name>-role}
 * ({@code ServiceRole} for {@code sagemaker.amazonaws.com}), {@code <name>-pass-role}
 * ({@code aws:iam/rolePolicy:RolePolicy}: {@code iam:PassRole} on the role itself, to SageMaker
 * only), {@code <name>-model-group-<group>} ({@code aws:sagemaker/modelPackageGroup:ModelPackageGroup},
 * protected and tagged, one per model package group a {@link RegisterModelStep} names, unless
 * {@link SecureTrainingPipelineArgs#getExistingModelPackageGroups()} lists it) and
 * {@code <name>-pipeline} ({@code aws:sagemaker/pipeline:Pipeline}).
 *
 * <p>Instance storage: SageMaker refuses {@code VolumeKmsKeyId} for instance types with instance
 * storage ({@link io.github.mlinfra.aws.InstanceStorage}); their instance store is encrypted by a
 * hardware module on the instance. A job step on such a type gets no volume key (its outputs
 * still get the pipeline's key); a step whose instance type is a parameter must constrain it with
 * {@code EnumValues} all of one kind, or the arguments are refused at {@code build()}.
 *
 * <p>Regions: SageMaker pulls images from the job's own region (the VPC's ECR endpoints are
 * regional, and "the Docker image for inference container in Amazon EC2 Container Registry must
 * be in the same region as the model",
 * <a href="https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html">ContainerDefinition</a>).
 * An ECR image of another region than the stack's fails the run when the region resolves; name
 * first-party images with {@link SageMakerImages#uri(SageMakerImages.Family, String, String)}.
 *
 * <p>What the role may do, and nothing else: read and write its artifact bucket under
 * {@link SecureTrainingPipelineArgs#getArtifactPrefix()}, use its key, pull the ECR repositories
 * of its images, write {@code /aws/sagemaker/*} logs of its account and region, create, describe,
 * stop and tag the job kinds its steps use (and create model packages in the groups its
 * register steps name), and manage job network interfaces in its subnets and security groups.
 */
public final class SecureTrainingPipeline extends ComponentResource {
    /** The component's type token. */
    public static final String TYPE = "mlinfra:sagemaker:SecureTrainingPipeline";
    private static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-f]{8,17}");
    private static final Pattern SG = Pattern.compile("sg-[0-9a-f]{8,17}");

    private final Output<String> pipelineArn;
    private final Output<String> roleArn;
    private final Output<String> artifactBucketName;
    private final Output<String> keyArn;
    private final Output<String> definitionJson;

    /**
     * Creates the pipeline.
     *
     * @param name the component name; children are {@code <name>-<role>}
     * @param args the arguments
     */
    public SecureTrainingPipeline(String name, SecureTrainingPipelineArgs args) {
        this(name, args, null);
    }

    /**
     * Creates the pipeline.
     *
     * @param name the component name; children are {@code <name>-<role>}
     * @param args the arguments (validated when built)
     * @param options component options
     */
    public SecureTrainingPipeline(String name, SecureTrainingPipelineArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, Names.check(TYPE, name), options);
        AwsContext aws = AwsContext.of(this);
        var child = ComponentResourceOptions.builder().parent(this).build();

        var key = new ManagedKey(name + "-key", ManagedKeyArgs.builder()
                .description("Encrypts artifacts, job outputs and volumes of SageMaker pipeline " + args.getPipelineName())
                .tags(args.getTags())
                .build(), child);
        ArtifactStore store = ArtifactStore.create(name + "-artifacts", key.keyArn(), args.getTags(), this);

        boolean inVpc = !args.isWaived(Control.SM_JOB_IN_VPC);
        Output<List<String>> subnets = inVpc
                ? args.getSubnetIds().orElseThrow().applyValue(l -> ids("subnetIds", l, SUBNET, 16, "subnet"))
                : Output.of(List.of());
        Output<List<String>> groups = inVpc
                ? args.getSecurityGroupIds().orElseThrow().applyValue(l -> ids("securityGroupIds", l, SG, 5, "sg"))
                : Output.of(List.of());

        List<Grant> grants = new ArrayList<>();
        String prefix = args.getArtifactPrefix();
        grants.add(store.grantRead(prefix));
        grants.add(store.grantWrite(prefix));
        grants.add(key.grantEncryptDecrypt());
        if (!args.isWaived(Control.SM_JOB_ENCRYPTION)) {
            grants.add(Grant.of(key.keyArn().applyValue(arn -> List.of(Statement.builder()
                    .sid("GrantKeyToJobVolumes")
                    .effect(Effect.Allow)
                    .addActions("kms:CreateGrant")
                    .addResources(arn)
                    .addConditions(Condition.of("Bool", "kms:GrantIsForAWSResource", "true"))
                    .build()))));
        }
        List<String[]> repos = repositories(args.getDefinition());
        if (!repos.isEmpty()) {
            grants.add(Grant.of(aws.partition().applyValue(p -> {
                TreeSet<String> arns = new TreeSet<>();
                repos.forEach(r -> arns.add("arn:" + p + ":ecr:" + r[1] + ":" + r[0] + ":repository/" + r[2]));
                return List.of(Statement.builder()
                        .sid("PullStepImages")
                        .effect(Effect.Allow)
                        .addActions("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability")
                        .addAllResources(arns)
                        .build());
            })));
            grants.add(Grant.onAnyResource("EcrLogin", "ecr:GetAuthorizationToken"));
        }
        grants.add(Grant.of(aws.values().applyValue(v -> roleStatements(args.getDefinition(), v))));
        if (inVpc) {
            grants.add(Grant.of(Output.tuple(aws.values(), subnets, groups).applyValue(t -> {
                String base = "arn:" + t.t1.partition() + ":ec2:" + t.t1.region() + ":" + t.t1.accountId() + ":";
                List<String> resources = new ArrayList<>();
                resources.add(base + "network-interface/*");
                t.t2.forEach(s -> resources.add(base + "subnet/" + s));
                t.t3.forEach(s -> resources.add(base + "security-group/" + s));
                return List.of(
                        Statement.builder().sid("CreateJobNetworkInterfaces").effect(Effect.Allow)
                                .addActions("ec2:CreateNetworkInterface").addAllResources(resources).build(),
                        Statement.builder().sid("ManageJobNetworkInterfaces").effect(Effect.Allow)
                                .addActions("ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface",
                                        "ec2:DeleteNetworkInterfacePermission")
                                .addResources(base + "network-interface/*").build());
            })));
            grants.add(Grant.onAnyResource("DescribeJobNetwork", "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs",
                    "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeDhcpOptions"));
        }
        var role = new ServiceRole(name + "-role", ServiceRoleArgs.builder()
                .service("sagemaker.amazonaws.com")
                .description("Runs the jobs of SageMaker pipeline " + args.getPipelineName())
                .addAllGrants(grants)
                .tags(args.getTags())
                .build(), child);
        new RolePolicy(name + "-pass-role", RolePolicyArgs.builder()
                .role(role.roleName())
                .name(name + "-pass-role")
                .policy(PolicyDocument.toJson(role.roleArn().applyValue(arn -> PolicyDocument.of(Statement.builder()
                        .sid("PassOwnRoleToSageMaker")
                        .effect(Effect.Allow)
                        .addActions("iam:PassRole")
                        .addResources(arn)
                        .addConditions(Condition.of("StringEquals", "iam:PassedToService", "sagemaker.amazonaws.com"))
                        .build()))))
                .build(), CustomResourceOptions.builder().parent(this).build());

        List<com.pulumi.resources.Resource> modelGroups = new ArrayList<>();
        for (String g : createdGroups(args)) {
            modelGroups.add(new ModelPackageGroup(name + "-model-group-" + g, ModelPackageGroupArgs.builder()
                    .modelPackageGroupName(g)
                    .modelPackageGroupDescription("Model versions registered by SageMaker pipeline " + args.getPipelineName())
                    .tags(ResourceTags.of(TagRules.Service.SAGEMAKER).user(args.getTags()).build())
                    .build(), CustomResourceOptions.builder().parent(this).protect(true).build()));
        }

        this.definitionJson = Output.tuple(role.roleArn(), key.keyArn(), store.bucketName(), subnets, groups, aws.region())
                .applyValue(t -> {
                    checkImageRegions(args.getDefinition(), t.t6);
                    return secure(args, t.t1, t.t2, t.t3, t.t4, t.t5).toJson();
                });
        var pipeline = new Pipeline(name + "-pipeline", PipelineArgs.builder()
                .pipelineName(args.getPipelineName())
                .pipelineDisplayName(args.getDisplayName())
                .pipelineDescription(args.getDescription())
                .pipelineDefinition(definitionJson)
                .roleArn(role.roleArn())
                .tags(ResourceTags.of(TagRules.Service.SAGEMAKER).user(args.getTags()).waivers(args.getWaivers()).build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(modelGroups).build());

        this.pipelineArn = pipeline.arn();
        this.roleArn = role.roleArn();
        this.artifactBucketName = store.bucketName();
        this.keyArn = key.keyArn();
        registerOutputs(Map.of("pipelineArn", pipelineArn, "roleArn", roleArn, "artifactBucketName", artifactBucketName,
                "keyArn", keyArn, ResourceTags.WAIVERS_OUTPUT, ResourceTags.waiverOutputs(args.getWaivers())));
    }

    private static List<String> ids(String attribute, List<String> ids, Pattern p, int max, String kind) {
        String a = "SecureTrainingPipelineArgs." + attribute;
        if (ids == null || ids.isEmpty() || ids.size() > max) {
            throw new InvalidArgsException(a, "wrong number of ids", Check.show(ids), "1 to " + max + " \"" + kind + "-…\" ids");
        }
        ids.forEach(id -> Check.matches(a, id, p, "\"" + kind + "-…\" ids"));
        return List.copyOf(ids);
    }

    /** The model package groups the register steps name that the component creates (not the existing ones). */
    static List<String> createdGroups(SecureTrainingPipelineArgs args) {
        TreeSet<String> out = new TreeSet<>();
        args.getDefinition().allSteps().stream().filter(s -> s instanceof RegisterModelStep)
                .forEach(s -> out.add(((RegisterModelStep) s).getModelPackageGroupName()));
        out.removeAll(args.getExistingModelPackageGroups());
        return List.copyOf(out);
    }

    /**
     * Refuses an ECR image of another region than the stack's, in the project's format.
     *
     * @param def the definition
     * @param region the stack's region
     */
    static void checkImageRegions(PipelineDefinition def, String region) {
        for (PipelineStep s : def.allSteps()) {
            String where = "SecureTrainingPipelineArgs.definition.steps[" + s.getName() + "]";
            Optional<String> image = s instanceof TrainingStep t ? t.getTrainingImage().literal().map(i -> "trainingImage=" + i)
                    : s instanceof ProcessingStep p ? p.getImageUri().literal().map(i -> "imageUri=" + i)
                    : s instanceof RegisterModelStep r ? r.getImage().literal().map(i -> "image=" + i) : Optional.empty();
            image.ifPresent(a -> {
                String attribute = a.substring(0, a.indexOf('='));
                String uri = a.substring(a.indexOf('=') + 1);
                SageMakerImages.ecrRegion(uri).filter(r -> !r.equals(region)).ifPresent(r -> {
                    throw new InvalidArgsException(where + "." + attribute, "an ECR image of region " + r
                            + " while the stack deploys to " + region + " (SageMaker pulls images from the job's own region)",
                            Check.show(uri), "an image in " + region + "'s registry, e.g. SageMakerImages.uri(Family.XGBOOST, \""
                                    + region + "\", \"1.7-1\")");
                });
            });
        }
    }

    /** The ECR repositories of the training and processing images: {account, region, repository}. */
    static List<String[]> repositories(PipelineDefinition def) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (PipelineStep s : def.allSteps()) {
            PipelineValue image = s instanceof TrainingStep t ? t.getTrainingImage()
                    : s instanceof ProcessingStep p ? p.getImageUri() : null;
            if (image == null) {
                continue;
            }
            image.literal().flatMap(SecureTrainingPipelineArgs::ecr).ifPresent((Matcher m) ->
                    out.putIfAbsent(m.group(1) + m.group(2) + m.group(3), new String[] {m.group(1), m.group(2), m.group(3)}));
        }
        return List.copyOf(out.values());
    }

    /** Logs and the SageMaker actions of the step kinds the pipeline uses, scoped to account and region. */
    static List<Statement> roleStatements(PipelineDefinition def, AwsContext.Values v) {
        String logs = "arn:" + v.partition() + ":logs:" + v.region() + ":" + v.accountId() + ":log-group:/aws/sagemaker/*";
        String sm = "arn:" + v.partition() + ":sagemaker:" + v.region() + ":" + v.accountId() + ":";
        List<Statement> out = new ArrayList<>();
        out.add(Statement.builder().sid("WriteJobLogs").effect(Effect.Allow)
                .addActions("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams")
                .addResources(logs, logs + ":log-stream:*").build());
        boolean training = def.allSteps().stream().anyMatch(s -> s instanceof TrainingStep);
        boolean processing = def.allSteps().stream().anyMatch(s -> s instanceof ProcessingStep);
        TreeSet<String> groups = new TreeSet<>();
        def.allSteps().stream().filter(s -> s instanceof RegisterModelStep)
                .forEach(s -> groups.add(((RegisterModelStep) s).getModelPackageGroupName().toLowerCase(Locale.ROOT)));
        List<String> tagged = new ArrayList<>();
        if (training) {
            out.add(Statement.builder().sid("RunTrainingJobs").effect(Effect.Allow)
                    .addActions("sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob")
                    .addResources(sm + "training-job/*").build());
            tagged.add(sm + "training-job/*");
        }
        if (processing) {
            out.add(Statement.builder().sid("RunProcessingJobs").effect(Effect.Allow)
                    .addActions("sagemaker:CreateProcessingJob", "sagemaker:DescribeProcessingJob", "sagemaker:StopProcessingJob")
                    .addResources(sm + "processing-job/*").build());
            tagged.add(sm + "processing-job/*");
        }
        if (!groups.isEmpty()) {
            List<String> packages = new ArrayList<>();
            groups.forEach(g -> {
                packages.add(sm + "model-package/" + g + "/*");
                packages.add(sm + "model-package-group/" + g);
            });
            out.add(Statement.builder().sid("RegisterModelPackages").effect(Effect.Allow)
                    .addActions("sagemaker:CreateModelPackage").addAllResources(packages).build());
            groups.forEach(g -> tagged.add(sm + "model-package/" + g + "/*"));
        }
        if (!tagged.isEmpty()) {
            out.add(Statement.builder().sid("TagPipelineResources").effect(Effect.Allow)
                    .addActions("sagemaker:AddTags").addAllResources(tagged).build());
        }
        return out;
    }

    /** The definition with the secure defaults on every training and processing step. */
    static PipelineDefinition secure(SecureTrainingPipelineArgs args, String roleArn, String keyArn, String bucket,
                                     List<String> subnets, List<String> groups) {
        PipelineDefinition def = args.getDefinition();
        return PipelineDefinition.builder().from(def)
                .steps(secureAll(def.getSteps(), args, roleArn, keyArn, "s3://" + bucket + "/" + args.getArtifactPrefix(),
                        subnets, groups))
                .build();
    }

    private static List<PipelineStep> secureAll(List<PipelineStep> steps, SecureTrainingPipelineArgs args, String roleArn,
                                                String keyArn, String base, List<String> subnets, List<String> groups) {
        boolean encrypt = !args.isWaived(Control.SM_JOB_ENCRYPTION);
        boolean isolate = !args.isWaived(Control.SM_NETWORK_ISOLATION);
        boolean icte = !args.isWaived(Control.SM_INTER_CONTAINER_ENCRYPTION);
        boolean vpc = !args.isWaived(Control.SM_JOB_IN_VPC);
        long runtime = args.isWaived(Control.SM_MAX_RUNTIME) ? Steps.MAX_RUNTIME_LIMIT : args.getMaxRuntimeSeconds();
        List<PipelineStep> out = new ArrayList<>();
        for (PipelineStep s : steps) {
            if (s instanceof TrainingStep t) {
                var b = TrainingStep.builder().from(t)
                        .roleArn(roleArn)
                        .maxRuntimeInSeconds(t.getMaxRuntimeInSeconds().orElse(runtime))
                        .enableNetworkIsolation(t.getEnableNetworkIsolation().orElse(isolate))
                        .enableInterContainerTrafficEncryption(t.getEnableInterContainerTrafficEncryption().orElse(icte))
                        .outputS3Path(t.getOutputS3Path().orElse(PipelineValue.of(base + t.getName())));
                if (encrypt) {
                    b.outputKmsKeyId(keyArn);
                    if (!SecureTrainingPipelineArgs.instanceStorage(t.getInstanceType(), args.getDefinition())) {
                        b.volumeKmsKeyId(keyArn);
                    }
                }
                if (vpc) {
                    b.vpcConfig(VpcConfig.of(groups, subnets));
                }
                out.add(b.build());
            } else if (s instanceof ProcessingStep p) {
                var b = ProcessingStep.builder().from(p)
                        .roleArn(roleArn)
                        .maxRuntimeInSeconds(p.getMaxRuntimeInSeconds().orElse(runtime))
                        .enableNetworkIsolation(p.getEnableNetworkIsolation().orElse(isolate))
                        .enableInterContainerTrafficEncryption(p.getEnableInterContainerTrafficEncryption().orElse(icte))
                        .inputs(new ArrayList<>())
                        .outputs(new ArrayList<>());
                for (ProcessingInput i : p.getInputs()) {
                    b.addInputs(i.getS3Uri().isPresent() ? i : ProcessingInput.builder().from(i)
                            .s3Uri(PipelineValue.of(base + "data/" + i.getInputName())).build());
                }
                for (ProcessingOutput o : p.getOutputs()) {
                    b.addOutputs(o.getS3Uri().isPresent() ? o : ProcessingOutput.builder().from(o)
                            .s3Uri(PipelineValue.of(base + p.getName() + "/" + o.getOutputName())).build());
                }
                if (encrypt) {
                    b.outputKmsKeyId(keyArn);
                    if (!SecureTrainingPipelineArgs.instanceStorage(p.getInstanceType(), args.getDefinition())) {
                        b.volumeKmsKeyId(keyArn);
                    }
                }
                if (vpc) {
                    b.vpcConfig(VpcConfig.of(groups, subnets));
                }
                out.add(b.build());
            } else if (s instanceof ConditionStep c) {
                out.add(ConditionStep.builder().from(c)
                        .ifSteps(secureAll(c.getIfSteps(), args, roleArn, keyArn, base, subnets, groups))
                        .elseSteps(secureAll(c.getElseSteps(), args, roleArn, keyArn, base, subnets, groups))
                        .build());
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The pipeline ARN.
     *
     * @return the ARN
     */
    public Output<String> pipelineArn() {
        return pipelineArn;
    }

    /**
     * The execution role ARN.
     *
     * @return the ARN
     */
    public Output<String> roleArn() {
        return roleArn;
    }

    /**
     * The artifact bucket name (data under {@code <artifactPrefix>data/<input>}, step outputs
     * under {@code <artifactPrefix><step>/}).
     *
     * @return the bucket name
     */
    public Output<String> artifactBucketName() {
        return artifactBucketName;
    }

    /**
     * The KMS key ARN encrypting the bucket, job outputs and volumes.
     *
     * @return the key ARN
     */
    public Output<String> keyArn() {
        return keyArn;
    }

    /**
     * The rendered definition JSON, as given to the pipeline.
     *
     * @return the JSON
     */
    public Output<String> definitionJson() {
        return definitionJson;
    }
}
