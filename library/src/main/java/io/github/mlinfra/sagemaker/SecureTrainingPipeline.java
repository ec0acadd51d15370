package io.github.mlinfra.sagemaker;

import io.github.mlinfra.internal.Names;
import io.github.mlinfra.internal.SecurityGroupText;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.sagemaker.ModelPackageGroup;
import com.pulumi.aws.sagemaker.ModelPackageGroupArgs;
import com.pulumi.aws.sagemaker.Pipeline;
import com.pulumi.aws.sagemaker.PipelineArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
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
import io.github.mlinfra.network.Placement;
import io.github.mlinfra.network.PrivateNetwork;
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
 *     .placement(Placement.in(network))   // the component creates the jobs' security group
 *     .build());
 * ctx.export("pipelineArn", pipeline.pipelineArn());
 * }</pre>
 *
 * <p>Children: {@code <name>-key} ({@code ManagedKey}), {@code <name>-artifacts}
 * ({@code SecureArtifactBucket} encrypted with that key), {@code <name>-role}
 * ({@code ServiceRole} for {@code sagemaker.amazonaws.com}), with a placement {@code <name>-job-sg}
 * ({@code aws:ec2/securityGroup:SecurityGroup}) with {@code <name>-job-sg-self-in},
 * {@code <name>-job-sg-self-out}, {@code <name>-job-https-endpoints} and {@code <name>-job-https-s3},
 * {@code <name>-pass-role}
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
 * of its images ({@link Grant#ecrPull(Output)}), write the logs of its training and processing jobs
 * ({@link Grant#sageMakerJobLogs}: {@code /aws/sagemaker/TrainingJobs}, {@code /aws/sagemaker/ProcessingJobs}
 * of its account and region), create, describe,
 * stop and tag the job kinds its steps use (and create model packages in the groups its
 * register steps name), and manage job network interfaces in its subnets and security groups.
 */
public final class SecureTrainingPipeline extends ComponentResource {
    /** The component's type token. */
    public static final String TYPE = "mlinfra:sagemaker:SecureTrainingPipeline";

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
        var deployment = Deployment.getInstance();
        String pipelineName = args.pipelineName(name, deployment.getProjectName(), deployment.getStackName());
        String prefix = artifactPrefix(args, pipelineName);

        var key = new ManagedKey(name + "-key", ManagedKeyArgs.builder()
                .description("Encrypts artifacts, job outputs and volumes of SageMaker pipeline " + pipelineName)
                .tags(args.getTags())
                .build(), child);
        ArtifactStore store = ArtifactStore.create(name + "-artifacts", key.keyArn(), args.getTags(), this);

        boolean inVpc = !args.isWaived(Control.SM_JOB_IN_VPC);
        Output<List<String>> subnets = inVpc ? args.getPlacement().orElseThrow().effectiveSubnetIds() : Output.of(List.of());
        Output<List<String>> groups = inVpc
                ? jobSecurityGroup(name, pipelineName, args, args.getPlacement().orElseThrow()).applyValue(List::of)
                : Output.of(List.of());

        List<Grant> grants = new ArrayList<>();
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
            grants.add(Grant.ecrPull(aws.partition().applyValue(p -> {
                List<String> arns = new ArrayList<>();
                repos.forEach(r -> arns.add("arn:" + p + ":ecr:" + r[1] + ":" + r[0] + ":repository/" + r[2]));
                return arns;
            })));
        }
        List<Grant.SageMakerJob> jobs = new ArrayList<>();
        if (args.getDefinition().allSteps().stream().anyMatch(s -> s instanceof TrainingStep)) {
            jobs.add(Grant.SageMakerJob.TRAINING);
        }
        if (args.getDefinition().allSteps().stream().anyMatch(s -> s instanceof ProcessingStep)) {
            jobs.add(Grant.SageMakerJob.PROCESSING);
        }
        if (!jobs.isEmpty()) {
            grants.add(Grant.sageMakerJobLogs(jobs.toArray(new Grant.SageMakerJob[0])));
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
                .description("Runs the jobs of SageMaker pipeline " + pipelineName)
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
                    .modelPackageGroupDescription("Model versions registered by SageMaker pipeline " + pipelineName)
                    .tags(ResourceTags.of(TagRules.Service.SAGEMAKER).user(args.getTags()).build())
                    .build(), CustomResourceOptions.builder().parent(this).protect(true).build()));
        }

        this.definitionJson = Output.tuple(role.roleArn(), key.keyArn(), store.bucketName(), subnets, groups, aws.region())
                .applyValue(t -> {
                    checkImageRegions(args.getDefinition(), t.t6);
                    return secure(args, t.t1, t.t2, "s3://" + t.t3 + "/" + prefix, t.t4, t.t5).toJson();
                });
        var pipeline = new Pipeline(name + "-pipeline", PipelineArgs.builder()
                .pipelineName(pipelineName)
                .pipelineDisplayName(args.getDisplayName().orElse(pipelineName))
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

    /**
     * The jobs' security group, {@code <name>-job-sg}: ingress from its own members only (the
     * instances of one distributed job talk to each other, which SageMaker asks for, and
     * inter-container traffic encryption needs), egress to its own members and HTTPS to the
     * interface endpoints and S3 only
     * (<a href="https://docs.aws.amazon.com/sagemaker/latest/dg/train-vpc.html">Give SageMaker
     * training jobs access to resources in your Amazon VPC</a>, looked up 2026-11-30: "allow
     * inbound connections between members of the same security group" for distributed training,
     * and an S3 VPC endpoint for a VPC without internet access).
     */
    private Output<String> jobSecurityGroup(String name, String pipelineName, SecureTrainingPipelineArgs args, Placement placement) {
        var child = CustomResourceOptions.builder().parent(this).build();
        var sg = new SecurityGroup(name + "-job-sg", SecurityGroupArgs.builder()
                .vpcId(placement.effectiveVpcId())
                .description(SecurityGroupText.describe("mlinfra: jobs of SageMaker pipeline ", pipelineName,
                        "; traffic between job instances, HTTPS egress to VPC endpoints and S3 only"))
                .revokeRulesOnDelete(true)
                .tags(ResourceTags.of(TagRules.Service.EC2).name(name + "-jobs").user(args.getTags()).build())
                .build(), child);
        new SecurityGroupIngressRule(name + "-job-sg-self-in", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(sg.id())
                .description("from the instances of the same job")
                .ipProtocol("-1")
                .referencedSecurityGroupId(sg.id())
                .build(), child);
        new SecurityGroupEgressRule(name + "-job-sg-self-out", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(sg.id())
                .description("to the instances of the same job")
                .ipProtocol("-1")
                .referencedSecurityGroupId(sg.id())
                .build(), child);
        PrivateNetwork.workloadEgress(name + "-job", sg.id(), placement.effectiveEndpointSecurityGroupId(),
                placement.effectiveS3PrefixListId(this), this);
        return sg.id();
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
            s.image().ifPresent(image -> image.value().literal().ifPresent(uri -> {
                SageMakerImages.ecrRegion(uri).filter(r -> !r.equals(region)).ifPresent(r -> {
                    throw new InvalidArgsException(where + "." + image.attribute(), "an ECR image of region " + r
                            + " while the stack deploys to " + region + " (SageMaker pulls images from the job's own region)",
                            Check.show(uri), "an image in " + region + "'s registry, e.g. SageMakerImages.uri(Family.XGBOOST, \""
                                    + region + "\", \"1.7-1\")");
                });
            }));
        }
    }

    /**
     * The ECR repositories of the images the jobs pull (each step says which image it pulls,
     * {@link PipelineStep#image()}): {account, region, repository}.
     */
    static List<String[]> repositories(PipelineDefinition def) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (PipelineStep s : def.allSteps()) {
            s.image().filter(Steps.Image::pulledByJob).flatMap(i -> i.value().literal()).flatMap(SecureTrainingPipelineArgs::ecr)
                    .ifPresent((Matcher m) -> out.putIfAbsent(m.group(1) + m.group(2) + m.group(3),
                            new String[] {m.group(1), m.group(2), m.group(3)}));
        }
        return List.copyOf(out.values());
    }

    /**
     * The SageMaker actions of the step kinds the pipeline uses, scoped to account and region (the
     * job logs and image pulls are {@link Grant#sageMakerJobLogs} and {@link Grant#ecrPull}).
     */
    static List<Statement> roleStatements(PipelineDefinition def, AwsContext.Values v) {
        String sm = "arn:" + v.partition() + ":sagemaker:" + v.region() + ":" + v.accountId() + ":";
        List<Statement> out = new ArrayList<>();
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

    /**
     * The artifact prefix in effect: {@link SecureTrainingPipelineArgs#getArtifactPrefix()}, else
     * {@code <pipeline name>/}.
     *
     * @param args the arguments
     * @param pipelineName the pipeline name in effect
     * @return the prefix
     */
    static String artifactPrefix(SecureTrainingPipelineArgs args, String pipelineName) {
        return args.getArtifactPrefix().orElse(pipelineName + "/");
    }

    /**
     * The definition with the secure defaults on every job step: each step secures itself
     * ({@link PipelineStep#secured}), a condition step its nested steps.
     */
    static PipelineDefinition secure(SecureTrainingPipelineArgs args, String roleArn, String keyArn, String base,
                                     List<String> subnets, List<String> groups) {
        PipelineDefinition def = args.getDefinition();
        var defaults = new Steps.JobDefaults(roleArn,
                args.isWaived(Control.SM_JOB_ENCRYPTION) ? Optional.empty() : Optional.of(keyArn),
                base,
                args.isWaived(Control.SM_JOB_IN_VPC) ? Optional.empty() : Optional.of(VpcConfig.of(groups, subnets)),
                args.isWaived(Control.SM_MAX_RUNTIME) ? Steps.MAX_RUNTIME_LIMIT : args.getMaxRuntimeSeconds(),
                !args.isWaived(Control.SM_NETWORK_ISOLATION), !args.isWaived(Control.SM_INTER_CONTAINER_ENCRYPTION),
                type -> SecureTrainingPipelineArgs.instanceStorage(type, def));
        return PipelineDefinition.builder().from(def)
                .steps(def.getSteps().stream().map(s -> s.secured(defaults)).toList())
                .build();
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
