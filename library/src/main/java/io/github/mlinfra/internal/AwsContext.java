package io.github.mlinfra.internal;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.outputs.GetPartitionResult;
import com.pulumi.aws.outputs.GetRegionResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.Resource;

/**
 * The account, partition and region a component deploys to, looked up at run time (never a
 * placeholder), with the component as parent so an explicit provider is honoured.
 *
 * @param accountId the 12-digit account id
 * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param region e.g. {@code us-east-1}
 * @param dnsSuffix {@code amazonaws.com} or {@code amazonaws.com.cn}
 */
public record AwsContext(Output<String> accountId, Output<String> partition, Output<String> region,
                         Output<String> dnsSuffix) {

    /**
     * Looks the context up for a component.
     *
     * @param parent the component
     * @return the context
     */
    public static AwsContext of(Resource parent) {
        var opts = InvokeOutputOptions.builder().parent(parent).build();
        Output<GetPartitionResult> p = AwsFunctions.getPartition(GetPartitionArgs.builder().build(), opts);
        return new AwsContext(
                AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), opts)
                        .applyValue(GetCallerIdentityResult::accountId),
                p.applyValue(GetPartitionResult::partition),
                AwsFunctions.getRegion(GetRegionArgs.builder().build(), opts).applyValue(GetRegionResult::name),
                p.applyValue(GetPartitionResult::dnsSuffix));
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
        return Output.tuple(accountId, partition, region).applyValue(t -> new Values(t.t1, t.t2, t.t3));
    }
}
