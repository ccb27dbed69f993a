package dev.pulse.reporting.application;

/**
 * How busy OpenSearch's search thread pool is: the search tasks running or queued on it, summed over the nodes. The
 * job's own requests in flight are among them; the {@link Pacer} counts only the rest as others' (interactive) load.
 */
public interface SearchPressure {
    long busy();
}
