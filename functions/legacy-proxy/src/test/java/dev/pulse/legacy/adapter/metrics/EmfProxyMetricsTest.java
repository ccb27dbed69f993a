package dev.pulse.legacy.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.Observability;
import dev.pulse.legacy.application.ProxyMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EmfProxyMetricsTest {
    @Test
    void givenCounts_whenFlushed_thenOneEmfLinePerRoute_perRouteAndPerService_thenReset() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EmfProxyMetrics metrics = new EmfProxyMetrics(
                "Pulse",
                "legacy-proxy",
                new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
        metrics.count("pages-search", ProxyMetrics.AUTO_ROLLBACKS);
        metrics.count("pages-search", ProxyMetrics.FALLBACKS);
        metrics.count("pages-search", ProxyMetrics.FALLBACKS);

        metrics.flush();
        metrics.flush();

        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode line = Json.read(lines[0], JsonNode.class);
        assertThat(line.path("Route").asText()).isEqualTo("pages-search");
        assertThat(line.path("Service").asText()).isEqualTo("legacy-proxy");
        assertThat(line.path(Observability.LEGACY_AUTO_ROLLBACKS_METRIC).asLong())
                .isEqualTo(1);
        assertThat(line.path(Observability.LEGACY_FALLBACKS_METRIC).asLong()).isEqualTo(2);
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Pulse");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Service\",\"Route\"],[\"Service\"]]");
        assertThat(line.path("_aws").path("Timestamp").asLong())
                .isEqualTo(Instant.parse("2026-12-02T10:00:00Z").toEpochMilli());
    }
}
