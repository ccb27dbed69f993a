package dev.pulse.reporting.application;

/** How busy OpenSearch's search thread pool is: the requests queued on it, summed over the nodes. */
public interface SearchPressure {
    long queued();
}
