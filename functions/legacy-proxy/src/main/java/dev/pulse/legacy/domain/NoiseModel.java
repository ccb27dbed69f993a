package dev.pulse.legacy.domain;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Diffy's idea: a field that differs between two calls of the same legacy backend is noise (a request id, a clock),
 * so a difference there between legacy and new proves nothing. Learned per route from every shadow sample, and kept
 * for the instance's life: once a path has been seen to move on its own, it is never reported.
 */
public final class NoiseModel {
    private final ConcurrentHashMap<String, Set<String>> noisy = new ConcurrentHashMap<>();

    /** Learns {@code legacyVsLegacy} for the route, then returns what of {@code legacyVsNew} is not noise. */
    public Set<String> realDifferences(String route, Set<String> legacyVsLegacy, Set<String> legacyVsNew) {
        Set<String> learned = noisy.computeIfAbsent(route, r -> ConcurrentHashMap.newKeySet());
        learned.addAll(legacyVsLegacy);
        Set<String> real = new TreeSet<>(legacyVsNew);
        real.removeAll(learned);
        return real;
    }

    /** The paths learned as noise for a route. */
    public Set<String> noise(String route) {
        return Set.copyOf(noisy.getOrDefault(route, Set.of()));
    }
}
