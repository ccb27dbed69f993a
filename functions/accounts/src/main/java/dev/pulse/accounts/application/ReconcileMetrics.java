package dev.pulse.accounts.application;

/** Where a reconciliation run's figures go (CloudWatch through EMF in Lambda). */
public interface ReconcileMetrics {
    void run(ReconcileReport report, long latencyMillis);
}
