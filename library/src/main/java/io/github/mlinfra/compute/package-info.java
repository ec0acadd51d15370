/**
 * Compute for ML training: {@link io.github.mlinfra.compute.HardenedGpuTrainer}, an EC2 GPU
 * instance in a private subnet reached through SSM Session Manager, with encrypted volumes,
 * IMDSv2, a least-privilege instance role and a closed security group.
 */
package io.github.mlinfra.compute;
