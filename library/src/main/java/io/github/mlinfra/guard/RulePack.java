package io.github.mlinfra.guard;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A named selection of rules. */
public enum RulePack {
    /** Every rule of the registry. */
    MLINFRA("mlinfra"),
    /** Rules whose control maps to an AWS Security Hub FSBP control ({@code FSBP ...}). */
    FSBP("fsbp"),
    /** Rules whose control maps to a cdk-nag AwsSolutions rule ({@code AwsSolutions-...}). */
    CDK_NAG_AWS_SOLUTIONS("cdk-nag-aws-solutions"),
    /**
     * The preflight rules alone ({@code MLI-PRE-*}): what AWS or the provider would refuse. Every
     * other pack includes them too.
     */
    PREFLIGHT("preflight");

    private final String packName;

    RulePack(String packName) {
        this.packName = packName;
    }

    /**
     * The pack's name as the CLI takes it.
     *
     * @return e.g. {@code fsbp}
     */
    public String packName() {
        return packName;
    }

    /**
     * Whether the pack includes a rule: every pack includes the preflight rules.
     *
     * @param rule the rule
     * @return true when included
     */
    public boolean includes(Rule rule) {
        if (rule.control().isPreflight()) {
            return true;
        }
        switch (this) {
            case PREFLIGHT:
                return false;
            case FSBP:
                return rule.control().externalControls().stream().anyMatch(c -> c.startsWith("FSBP "));
            case CDK_NAG_AWS_SOLUTIONS:
                return rule.control().externalControls().stream().anyMatch(c -> c.startsWith("AwsSolutions-"));
            default:
                return true;
        }
    }

    /**
     * Looks a pack up by name.
     *
     * @param name e.g. {@code fsbp}
     * @return the pack
     * @throws IllegalArgumentException naming the allowed packs when none has that name
     */
    public static RulePack byName(String name) {
        return Arrays.stream(values()).filter(p -> p.packName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown pack '" + name + "'; expected one of "
                        + Arrays.stream(values()).map(RulePack::packName).collect(Collectors.joining(", "))));
    }
}
