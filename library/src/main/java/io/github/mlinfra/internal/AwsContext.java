package io.github.mlinfra.internal;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.outputs.GetRegionResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.Resource;
import java.util.function.Supplier;
import javax.annotation.Nullable;

/**
 * The account, partition and region a component deploys to, looked up at run time (never a
 * placeholder), with the component as parent so an explicit provider is honoured.
 *
 * <p>Lookups are lazy and made once per component: {@code getCallerIdentity} on the first use of
 * the account or partition (the partition is the one of the caller's own ARN, so no
 * {@code getPartition} call is needed), {@code getRegion} on the first use of the region.
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
        return new AwsContext(parent);
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
