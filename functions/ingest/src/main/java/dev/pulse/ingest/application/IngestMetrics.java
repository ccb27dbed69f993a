package dev.pulse.ingest.application;

/** The figures each batch reports (EMF metrics in Lambda). */
public interface IngestMetrics {
    void batch(BatchResult result, long latencyMillis);

    IngestMetrics NONE = (result, latencyMillis) -> {};
}
