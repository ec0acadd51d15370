/**
 * SageMaker components: hardened notebooks, secure training pipelines and the typed pipeline
 * definition model.
 */
package io.github.mlinfra.sagemaker;
