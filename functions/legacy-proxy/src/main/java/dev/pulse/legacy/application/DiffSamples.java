package dev.pulse.legacy.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A bounded sample of the shadow comparison's differences per route, with both bodies. */
public interface DiffSamples {
    /** At most this many samples are kept per route; a new one replaces one at random when full. */
    int SLOTS = 20;

    void record(Sample sample);

    /** The route's kept samples, newest first. */
    List<Sample> recent(String route);

    /** One difference: both statuses, the differing paths, both bodies (cut to a bound). */
    record Sample(
            String route,
            Instant at,
            String request,
            int legacyStatus,
            int newStatus,
            Set<String> paths,
            String legacyBody,
            String newBody) {
        public Sample {
            paths = Set.copyOf(paths);
        }
    }
}
