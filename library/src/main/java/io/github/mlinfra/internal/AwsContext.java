package io.github.mlinfra.internal;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.outputs.GetRegionResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.Resource;
import java.util.function.Supplier;
import javax.annotation.Nullable;

/**
 * The account, partition and region a component deploys to, looked up at run time (never a
 * placeholder), with a component as parent so an explicit provider is honoured.
 *
 * <p>Lookups are lazy and made once per run and provider, not per component: {@code getCallerIdentity}
 * on the first use of the account or partition (the partition is the one of the caller's own ARN,
 * so no {@code getPartition} call is needed), {@code getRegion} on the first use of the region.
 * Components of one run that resolve to the same AWS provider (the default one, or the same
 * explicit {@code provider}/{@code providers} option, inherited from their parents as the SDK
 * resolves it) share one context; a component under another provider looks up its own account
 * and region. The contexts live in a per-run object ({@code Run}) keyed by provider, found as
 * the SDK finds its own deployment: through the constructing thread, checked against the run's
 * {@code Deployment} instance, so a new run (or a run planned on another thread) starts empty.
 * Nothing is kept in a static map.
 */
public final class AwsContext {
    private final Supplier<Output<GetCallerIdentityResult>> identity;
    private final Supplier<Output<String>> region;

    private AwsContext(@Nullable Resource parent) {
        var opts = parent == null ? InvokeOutputOptions.builder().build() : InvokeOutputOptions.builder().parent(parent).build();
        this.identity = memoize(() -> AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), opts));
        this.region = memoize(() -> AwsFunctions.getRegion(GetRegionArgs.builder().build(), opts)
                .applyValue(GetRegionResult::name));
    }

    /**
     * The context of a component.
     *
     * @param parent the component
     * @return the context
     */
    public static AwsContext of(Resource parent) {
        Object provider = Resource.ResourceInternal.from(parent).getProvider(IDENTITY_TOKEN)
                .map(p -> (Object) p).orElse(Run.DEFAULT_PROVIDER);
        return Run.current().context(provider, () -> new AwsContext(parent));
    }

    /** The invoke whose package names the provider a lookup goes to. */
    private static final String IDENTITY_TOKEN = "aws:index/getCallerIdentity:getCallerIdentity";

    /** The contexts of one run, by provider. */
    private static final class Run {
        /** The key of the run's default AWS provider. */
        static final Object DEFAULT_PROVIDER = new Object();
        /** The run last seen on this thread (the SDK keeps its deployment per thread the same way). */
        private static final ThreadLocal<Run> CURRENT = new ThreadLocal<>();

        private final java.lang.ref.WeakReference<Deployment> deployment;
        private final java.util.Map<Object, AwsContext> byProvider = new java.util.IdentityHashMap<>();

        private Run(Deployment deployment) {
            this.deployment = new java.lang.ref.WeakReference<>(deployment);
        }

        static Run current() {
            Deployment now = Deployment.getInstance();
            Run run = CURRENT.get();
            if (run == null || run.deployment.get() != now) {
                run = new Run(now);
                CURRENT.set(run);
            }
            return run;
        }

        synchronized AwsContext context(Object provider, Supplier<AwsContext> create) {
            return byProvider.computeIfAbsent(provider, p -> create.get());
        }
    }

    /**
     * The context of the default provider, for values made outside any component (a grant
     * rendered on its own).
     *
     * @return the context
     */
    public static AwsContext ofDefaultProvider() {
        return new AwsContext(null);
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }

    /**
     * The 12-digit account id.
     *
     * @return the account id
     */
    public Output<String> accountId() {
        return identity.get().applyValue(GetCallerIdentityResult::accountId);
    }

    /**
     * The partition: {@code aws}, {@code aws-cn} or {@code aws-us-gov}, taken from the caller's ARN.
     *
     * @return the partition
     */
    public Output<String> partition() {
        return identity.get().applyValue(r -> partitionOf(r.arn()));
    }

    /**
     * The region, e.g. {@code us-east-1}.
     *
     * @return the region
     */
    public Output<String> region() {
        return region.get();
    }

    /**
     * The partition of an ARN.
     *
     * @param arn an ARN, {@code arn:<partition>:…}
     * @return the partition
     * @throws IllegalStateException when the text is not an ARN
     */
    static String partitionOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 3);
        if (parts.length < 3 || !parts[0].equals("arn") || parts[1].isEmpty()) {
            throw new IllegalStateException("getCallerIdentity returned an ARN without a partition: " + arn);
        }
        return parts[1];
    }

    /** The three values resolved together. */
    public record Values(String accountId, String partition, String region) {
        /**
         * The account root principal ARN.
         *
         * @return {@code arn:<partition>:iam::<account>:root}
         */
        public String rootArn() {
            return "arn:" + partition + ":iam::" + accountId + ":root";
        }
    }

    /**
     * The account, partition and region resolved together.
     *
     * @return the values
     */
    public Output<Values> values() {
        return Output.tuple(identity.get(), region.get())
                .applyValue(t -> new Values(t.t1.accountId(), partitionOf(t.t1.arn()), t.t2));
    }
}
