/**
 * Facts about AWS that components, argument validators and posture rules all need, one small final
 * class per concern, each fact with the page (or provider source file) it comes from and the date
 * it was looked up: tag rules per service ({@link io.github.mlinfra.aws.TagRules}), physical-name
 * rules per resource and the derivation of collision-free names from project and stack
 * ({@link io.github.mlinfra.aws.NameRules}), and further facts (instance families, notebook
 * platforms, image accounts, endpoint-policy support) as they are added.
 *
 * <p>Nothing here calls AWS: the facts are data, so every check is a pure function that runs in a
 * unit test, in {@code build()} and in the offline plan alike. When AWS changes a rule, the one
 * class here changes and every user of the fact follows.
 */
package io.github.mlinfra.aws;
