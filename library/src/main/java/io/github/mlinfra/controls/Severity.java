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
    CRITICAL,
    /**
     * AWS or the provider would refuse the deployment (a preflight finding, {@code MLI-PRE-*}):
     * always fails a plan and {@code check}, whatever the minimum severity, and is SARIF
     * {@code error}. Components cannot waive it; a user can suppress it with a reason.
     */
    ERROR
}
