package io.github.mlinfra.policy;

/** A statement's effect. */
public enum Effect {
    /** Grants the actions. */
    Allow,
    /** Denies the actions; an explicit deny always wins. */
    Deny
}
