/**
 * {@link io.github.mlinfra.network.PrivateNetwork}: a private VPC for ML workloads (private
 * subnets across availability zones, no internet gateway, VPC endpoints, a closed default security
 * group, encrypted VPC flow logs) and the egress helper that gives workload security groups HTTPS
 * to the endpoints and to S3 only.
 */
package io.github.mlinfra.network;
