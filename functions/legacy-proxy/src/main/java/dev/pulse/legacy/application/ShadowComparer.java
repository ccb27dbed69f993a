package dev.pulse.legacy.application;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.legacy.domain.BackendResponse;
import dev.pulse.legacy.domain.JsonDiff;
import dev.pulse.legacy.domain.LegacyRoute;
import dev.pulse.legacy.domain.NoiseModel;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a shadowed request's legacy answer with the new service's: status, then normalised JSON under the route's
 * ignore rules, less what a second legacy call shows to be noise. A real difference is counted and sampled.
 */
public final class ShadowComparer {
    static final int MAX_SAMPLED_BODY = 8 * 1024;

    private final NoiseModel noise;
    private final DiffSamples samples;
    private final ProxyMetrics metrics;
    private final Clock clock;

    public ShadowComparer(NoiseModel noise, DiffSamples samples, ProxyMetrics metrics, Clock clock) {
        this.noise = noise;
        this.samples = samples;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Compares and records; returns the real differences (empty when the answers agree). */
    public Set<String> compare(
            LegacyRoute route,
            String request,
            BackendResponse legacy,
            BackendResponse secondLegacy,
            BackendResponse candidate) {
        Set<String> real = new TreeSet<>();
        if (legacy.status() != candidate.status()) {
            real.add("#status");
        }
        JsonNode primary = parse(legacy.body());
        Set<String> legacyVsNew = JsonDiff.paths(primary, parse(candidate.body()), route);
        Set<String> legacyVsLegacy = secondLegacy.status() == legacy.status()
                ? JsonDiff.paths(primary, parse(secondLegacy.body()), route)
                : Set.of();
        real.addAll(noise.realDifferences(route.name(), legacyVsLegacy, legacyVsNew));
        metrics.count(route.name(), ProxyMetrics.SHADOW_COMPARED);
        if (!real.isEmpty()) {
            metrics.count(route.name(), ProxyMetrics.SHADOW_DIFFS);
            samples.record(new DiffSamples.Sample(
                    route.name(),
                    clock.instant(),
                    request,
                    legacy.status(),
                    candidate.status(),
                    real,
                    cut(legacy.body()),
                    cut(candidate.body())));
        }
        return real;
    }

    /** A body that is not JSON compares as one text value, so any change to it is a difference at {@code $}. */
    private static JsonNode parse(String body) {
        try {
            JsonNode node = Json.read(body, JsonNode.class);
            if (node != null) {
                return node;
            }
        } catch (RuntimeException e) {
            // not JSON: compared as text below
        }
        return Json.mapper().getNodeFactory().textNode(body);
    }

    private static String cut(String body) {
        return body.length() <= MAX_SAMPLED_BODY ? body : body.substring(0, MAX_SAMPLED_BODY) + "…";
    }
}
