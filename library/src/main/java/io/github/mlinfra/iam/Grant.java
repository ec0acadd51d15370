package io.github.mlinfra.iam;

import com.pulumi.core.Output;
import io.github.mlinfra.aws.Arns;
import io.github.mlinfra.internal.AwsContext;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * IAM identity-policy statements a role needs to use a resource, returned by components'
 * {@code grant…} methods ({@code ManagedKey.grantEncryptDecrypt()},
 * {@code SecureCheckpointBucket.grantWriteCheckpoints("run-1/")}, …) or by the ready-made
 * factories below, and given to a {@link ServiceRole} (a role it creates) or to {@link RoleGrants}
 * (an existing role), which render them into one inline least-privilege policy. Statements are
 * an {@code Output} because resource ARNs are known only at deployment time.
 *
 * <pre>{@code
 * var role = new ServiceRole("trainer", ServiceRoleArgs.builder()
 *     .service("sagemaker.amazonaws.com")
 *     .addGrants(key.grantEncryptDecrypt(), bucket.grantWriteCheckpoints("runs/"))
 *     .addGrants(Grant.sageMakerJobLogs(Grant.SageMakerJob.TRAINING))
 *     .build());
 * }</pre>
 *
 * <p>Some grants are scoped to the account, partition and region the role is used in
 * ({@link #sageMakerJobLogs(SageMakerJob...)}): {@link ServiceRole} and {@link RoleGrants} fill
 * those in from their own provider; {@link #statements()} uses the default provider's.
 */
public final class Grant {
    /**
     * The SageMaker execution-role permissions page these factories follow (looked up 2026-11-30).
     */
    public static final String SAGEMAKER_ROLE_SOURCE =
            "https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createtrainingjob-perms";

    /** The kinds of SageMaker job whose CloudWatch Logs group {@link #sageMakerJobLogs(SageMakerJob...)} grants. */
    public enum SageMakerJob {
        /** Training jobs: log group {@code /aws/sagemaker/TrainingJobs}. */
        TRAINING("/aws/sagemaker/TrainingJobs"),
        /** Processing jobs: log group {@code /aws/sagemaker/ProcessingJobs}. */
        PROCESSING("/aws/sagemaker/ProcessingJobs");

        private final String logGroup;

        SageMakerJob(String logGroup) {
            this.logGroup = logGroup;
        }

        /**
         * The log group SageMaker writes the jobs' container logs to.
         *
         * @return the log group name
         */
        public String logGroup() {
            return logGroup;
        }
    }

    private final Function<Supplier<Output<AwsContext.Values>>, Output<List<Statement>>> render;

    private Grant(Function<Supplier<Output<AwsContext.Values>>, Output<List<Statement>>> render) {
        this.render = Objects.requireNonNull(render, "render");
    }

    /**
     * A grant of statements known at deployment time.
     *
     * @param statements the statements
     * @return the grant
     */
    public static Grant of(Output<List<Statement>> statements) {
        Objects.requireNonNull(statements, "statements");
        return new Grant(v -> statements);
    }

    /**
     * A grant of plain statements.
     *
     * @param statements the statements
     * @return the grant
     */
    public static Grant of(Statement... statements) {
        return of(Output.of(List.of(statements)));
    }

    /**
     * A grant of actions that AWS accepts only on {@code Resource: "*"}; each action must be on
     * the {@link StarOnlyActions} allowlist.
     *
     * @param sid the statement id
     * @param actions the actions
     * @return the grant
     * @throws io.github.mlinfra.InvalidArgsException when an action is not on the allowlist
     */
    public static Grant onAnyResource(String sid, String... actions) {
        for (String a : actions) {
            if (!StarOnlyActions.contains(a)) {
                Check.fail("Grant.actions", "not an action AWS accepts only on Resource \"*\"", a,
                        "one of StarOnlyActions.ACTIONS, or a resource-scoped grant");
            }
        }
        return of(Statement.builder().sid(sid).effect(Effect.Allow).addActions(actions).addResources("*")
                .wildcardsAllowed(true).build());
    }

    /**
     * What a SageMaker execution role needs to write the logs of its training or processing jobs
     * (<a href="https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createtrainingjob-perms">CreateTrainingJob
     * API: execution role permissions</a>): {@code logs:CreateLogGroup}, {@code logs:CreateLogStream},
     * {@code logs:PutLogEvents}, {@code logs:DescribeLogStreams} (Sid {@code WriteJobLogs}) on the
     * log group of each kind ({@code /aws/sagemaker/TrainingJobs}, {@code /aws/sagemaker/ProcessingJobs})
     * and its streams, in the role's account, partition and region only. Without it the jobs run
     * but their container output is lost. AWS's page grants these on {@code *}; this grant does not.
     *
     * @param kinds the job kinds the role runs (at least one)
     * @return the grant
     * @throws io.github.mlinfra.InvalidArgsException when no kind is given
     */
    public static Grant sageMakerJobLogs(SageMakerJob... kinds) {
        if (kinds == null || kinds.length == 0) {
            Check.fail("Grant.sageMakerJobLogs", "no job kind", "nothing", "TRAINING, PROCESSING or both");
        }
        TreeSet<String> groups = new TreeSet<>();
        for (SageMakerJob k : kinds) {
            groups.add(Objects.requireNonNull(k, "kind").logGroup);
        }
        return new Grant(values -> values.get().applyValue(v -> {
            List<String> resources = new ArrayList<>();
            for (String g : groups) {
                String arn = "arn:" + v.partition() + ":logs:" + v.region() + ":" + v.accountId() + ":log-group:" + g;
                resources.add(arn);
                resources.add(arn + ":log-stream:*");
            }
            return List.of(Statement.builder().sid("WriteJobLogs").effect(Effect.Allow)
                    .addActions("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams")
                    .addAllResources(resources).build());
        }));
    }

    /**
     * What a role needs to pull images from ECR repositories
     * (<a href="https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createtrainingjob-perms">CreateTrainingJob
     * API: execution role permissions</a>, <a href="https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-pull.html">ECR:
     * pulling an image</a>): {@code ecr:BatchGetImage}, {@code ecr:GetDownloadUrlForLayer},
     * {@code ecr:BatchCheckLayerAvailability} on these repositories only (Sid {@code PullImages}), and
     * {@code ecr:GetAuthorizationToken} on {@code *} (Sid {@code EcrLogin}), the one ECR action AWS
     * accepts only on {@code *} ({@link StarOnlyActions}): the token lets the role log in to the
     * registry, the repository statement decides what it may pull.
     *
     * @param repositoryArns the repository ARNs {@code arn:<partition>:ecr:<region>:<account>:repository/<name>},
     *     checked now ({@link Arns#checkEcrRepositoryArn(String, String)})
     * @return the grant
     * @throws io.github.mlinfra.InvalidArgsException when the list is empty or an ARN is not a repository ARN
     */
    public static Grant ecrPull(List<String> repositoryArns) {
        return ecrPull(Output.of(checkRepositories(repositoryArns)));
    }

    /**
     * {@link #ecrPull(List)} with ARNs known at deployment time, checked when they resolve.
     *
     * @param repositoryArns the repository ARNs
     * @return the grant
     */
    public static Grant ecrPull(Output<List<String>> repositoryArns) {
        Objects.requireNonNull(repositoryArns, "repositoryArns");
        return of(repositoryArns.applyValue(arns -> List.of(
                Statement.builder().sid("PullImages").effect(Effect.Allow)
                        .addActions("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability")
                        .addAllResources(new TreeSet<>(checkRepositories(arns))).build(),
                Statement.builder().sid("EcrLogin").effect(Effect.Allow).addActions("ecr:GetAuthorizationToken")
                        .addResources("*").wildcardsAllowed(true).build())));
    }

    private static List<String> checkRepositories(List<String> arns) {
        if (arns == null || arns.isEmpty()) {
            Check.fail("Grant.ecrPull", "no repository", arns == null ? null : List.of(), "at least one "
                    + Arns.ECR_REPOSITORY_ARN_EXPECTED);
        }
        arns.forEach(a -> Arns.checkEcrRepositoryArn("Grant.ecrPull", a));
        return List.copyOf(arns);
    }

    /**
     * The statements, with account-scoped grants rendered for the default provider's account,
     * partition and region (a role component renders them with its own provider instead).
     *
     * @return the statements, as an Output
     */
    public Output<List<Statement>> statements() {
        return render.apply(new Supplier<>() {
            private AwsContext aws;

            @Override
            public synchronized Output<AwsContext.Values> get() {
                if (aws == null) {
                    aws = AwsContext.ofDefaultProvider();
                }
                return aws.values();
            }
        });
    }

    /**
     * The statements, account-scoped grants rendered with the given context.
     *
     * @param aws the role component's context
     * @return the statements
     */
    Output<List<Statement>> statementsIn(AwsContext aws) {
        return render.apply(aws::values);
    }

    /**
     * Combines grants into one, statements in order. Two grants of the same kind (two keys'
     * {@code UseKey}, say) would repeat a Sid, which IAM refuses: a repeated Sid gets the suffix
     * {@code 2}, {@code 3}, … in order of appearance.
     *
     * @param grants the grants
     * @return the combined grant
     */
    public static Grant combine(List<Grant> grants) {
        List<Grant> all = List.copyOf(grants);
        return new Grant(values -> {
            if (all.isEmpty()) {
                return Output.of(List.of());
            }
            List<Output<List<Statement>>> parts = new ArrayList<>();
            all.forEach(g -> parts.add(g.render.apply(values)));
            return Output.all(parts).applyValue(Grant::uniqueSids);
        });
    }

    private static List<Statement> uniqueSids(List<List<Statement>> lists) {
        List<Statement> all = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (List<Statement> list : lists) {
            for (Statement st : list) {
                if (st.getSid().isPresent()) {
                    String sid = st.getSid().get();
                    int n = seen.merge(sid, 1, Integer::sum);
                    if (n > 1) {
                        String unique = sid + n;
                        while (seen.containsKey(unique)) {
                            unique = unique + "x";
                        }
                        seen.put(unique, 1);
                        st = Statement.builder().from(st).sid(unique).build();
                    }
                }
                all.add(st);
            }
        }
        return List.copyOf(all);
    }
}
