package io.github.mlinfra.aws;

/**
 * The VPC interface endpoints the CloudWatch agent needs in a VPC without internet access. Looked
 * up 2026-11-30.
 *
 * <ul>
 *   <li>Metrics ({@code PutMetricData}) go to CloudWatch's endpoint service
 *       {@code com.amazonaws.<region>.monitoring}. Source:
 *       <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-interface-VPC.html">Using
 *       CloudWatch and CloudWatch Synthetics with interface VPC endpoints</a>.</li>
 *   <li>Logs ({@code PutLogEvents}) go to CloudWatch Logs' endpoint service
 *       {@code com.amazonaws.<region>.logs}. Source:
 *       <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch-logs-and-interface-VPC.html">Using
 *       CloudWatch Logs with interface VPC endpoints</a>.</li>
 * </ul>
 */
public final class CloudWatchEndpoints {
    /** The endpoint service (after {@code com.amazonaws.<region>.}) that takes CloudWatch metrics. */
    public static final String METRICS = "monitoring";
    /** The endpoint service (after {@code com.amazonaws.<region>.}) that takes CloudWatch Logs events. */
    public static final String LOGS = "logs";

    private CloudWatchEndpoints() {}
}
