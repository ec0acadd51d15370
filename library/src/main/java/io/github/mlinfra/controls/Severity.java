package io.github.mlinfra.controls;

/** How bad an unsuppressed finding of a control is, lowest first. */
public enum Severity {
    /** Good practice; missing it rarely leads to an incident by itself. */
    LOW,
    /** Weakens defence in depth or auditability. */
    MEDIUM,
    /** Exposes data, credentials or workloads, or makes an incident hard to detect or undo. */
    HIGH,
    /** Exposes data or the account to anyone, or makes the deployment fail outright. */
    CRITICAL
}
