package io.github.mlinfra.aws;

import java.util.Map;

/**
 * Which AWS services' VPC endpoints take an endpoint policy, and the policy's size limit. Looked up
 * 2026-11-30.
 *
 * <p>"Not all AWS services support endpoint policies. If an AWS service doesn't support endpoint
 * policies, we allow full access to any endpoint for the service", and "the size of an endpoint
 * policy cannot exceed 20,480 characters, including white space"
 * (<a href="https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html">Control access
 * to VPC endpoints using endpoint policies</a>). AWS's authoritative per-region answer is
 * {@code describe-vpc-endpoint-services}' {@code VpcEndpointPolicySupported}; offline, this table
 * records the services whose own guide documents an endpoint policy for its endpoint, each with
 * that page. A service not listed here is treated as not supporting one: an endpoint for it is
 * created without a policy (full access), and that is recorded as a waiver of MLI-VPC-04. Mock
 * engines (moto) answer "supported" for every service and are no source.
 */
public final class EndpointPolicySupport {
    /** The page that sets the endpoint policy size limit (looked up 2026-11-30). */
    public static final String SOURCE = "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html";

    /** The endpoint policy size limit, characters including white space. */
    public static final int MAX_POLICY_CHARACTERS = 20_480;

    /** Service (the part after {@code com.amazonaws.<region>.}) to the page documenting its endpoint policy. */
    public static final Map<String, String> DOCUMENTED = Map.ofEntries(
            Map.entry("s3", "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html"),
            Map.entry("sagemaker.api", "https://docs.aws.amazon.com/sagemaker/latest/dg/interface-vpc-endpoint.html"),
            Map.entry("sagemaker.runtime", "https://docs.aws.amazon.com/sagemaker/latest/dg/interface-vpc-endpoint.html"),
            Map.entry("sts", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts_vpce.html"),
            Map.entry("logs", "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch-logs-and-interface-VPC.html"),
            Map.entry("monitoring", "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-interface-VPC.html"),
            Map.entry("ecr.api", "https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html"),
            Map.entry("ecr.dkr", "https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html"),
            Map.entry("kms", "https://docs.aws.amazon.com/kms/latest/developerguide/kms-vpc-endpoint.html"),
            // AWS's data-perimeter examples publish an ssm endpoint policy
            // (github.com/aws-samples/data-perimeter-policy-examples, vpc_endpoint_policies/ssm_endpoint_policy.json)
            Map.entry("ssm", "https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html"));

    private EndpointPolicySupport() {}

    /**
     * Whether the service's endpoint is documented to take an endpoint policy.
     *
     * @param service the service, e.g. {@code sagemaker.api} or {@code s3}
     * @return true when {@link #DOCUMENTED} lists it
     */
    public static boolean documented(String service) {
        return DOCUMENTED.containsKey(service);
    }
}
