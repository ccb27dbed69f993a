package dev.pulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.config.ConfigException;
import dev.pulse.core.config.PulseConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {
    @Test
    void givenTopologyVariables_whenRead_thenNamesComeFromThemAndLimitsDefault() {
        IngestConfig config = IngestConfig.from(PulseConfig.fromEnv(environment()));

        assertThat(config.pagesIndex()).isEqualTo("pages");
        assertThat(config.postsPrefix()).isEqualTo("posts");
        assertThat(config.trackedPagesTable()).isEqualTo("tracked-pages");
        assertThat(config.quarantineQueue()).isEqualTo("ingest-quarantine");
        assertThat(config.maxBulkBytes()).isEqualTo(5 * 1024 * 1024);
        assertThat(config.trackedPagesTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.trackedPagesPoll()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void givenPowertoolsVariables_whenRead_thenServiceAndNamespaceComeFromThem() {
        Map<String, String> env = environment();
        env.put("POWERTOOLS_SERVICE_NAME", "ingest-blue");
        env.put("POWERTOOLS_METRICS_NAMESPACE", "PulseStaging");

        IngestConfig config = IngestConfig.from(PulseConfig.fromEnv(env));

        assertThat(config.serviceName()).isEqualTo("ingest-blue");
        assertThat(config.metricsNamespace()).isEqualTo("PulseStaging");
    }

    @Test
    void givenNoPowertoolsVariables_whenRead_thenTheTopologysServiceAndNamespace() {
        IngestConfig config = IngestConfig.from(PulseConfig.fromEnv(environment()));

        assertThat(config.serviceName()).isEqualTo("ingest");
        assertThat(config.metricsNamespace()).isEqualTo("Pulse");
    }

    @Test
    void givenALimit_whenRead_thenItsVariableIsTheTopologys() {
        Map<String, String> env = environment();
        env.put("PULSE_INGEST_MAX_POST_BYTES", "4096");
        env.put("PULSE_INGEST_RETRY_BUDGET_MS", "1500");

        IngestConfig config = IngestConfig.from(PulseConfig.fromEnv(env));

        assertThat(config.maxPostBytes()).isEqualTo(4096);
        assertThat(config.retryBudget()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void givenMissingQueue_whenRead_thenTheVariableIsNamed() {
        Map<String, String> env = environment();
        env.remove(IngestConfig.QUARANTINE);

        assertThatThrownBy(() -> IngestConfig.from(PulseConfig.fromEnv(env)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PULSE_QUEUE_INGEST_QUARANTINE");
    }

    @Test
    void givenBulkLimitAboveFiveMegabytes_whenRead_thenRejected() {
        Map<String, String> env = environment();
        env.put(IngestConfig.MAX_BULK_BYTES, Integer.toString(6 * 1024 * 1024));

        assertThatThrownBy(() -> IngestConfig.from(PulseConfig.fromEnv(env)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(IngestConfig.MAX_BULK_BYTES);
    }

    @Test
    void givenTrackedTtlOverAnHour_whenRead_thenRejected() {
        Map<String, String> env = environment();
        env.put(IngestConfig.TRACKED_TTL_MS, "3600001");

        assertThatThrownBy(() -> IngestConfig.from(PulseConfig.fromEnv(env)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(IngestConfig.TRACKED_TTL_MS);
    }

    @Test
    void givenAChangeLogPollOverHalfAMinute_whenRead_thenRejected() {
        Map<String, String> env = environment();
        env.put(IngestConfig.TRACKED_POLL_MS, "30001");

        assertThatThrownBy(() -> IngestConfig.from(PulseConfig.fromEnv(env)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(IngestConfig.TRACKED_POLL_MS);
    }

    @Test
    void givenNoWriteSkippingVariables_whenRead_thenOnePercentTenMinutesAndAHundredThousandPages() {
        IngestConfig config = IngestConfig.from(PulseConfig.fromEnv(environment()));

        assertThat(config.pageWrites().capacity()).isEqualTo(100_000);
        assertThat(config.pageWrites().fansToleranceBasisPoints()).isEqualTo(100);
        assertThat(config.pageWrites().maxAge()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void givenWriteSkippingVariables_whenRead_thenTheyAreTheTopologys() {
        Map<String, String> env = environment();
        env.put("PULSE_INGEST_WRITTEN_PAGES", "0");
        env.put("PULSE_INGEST_PAGE_FANS_TOLERANCE_BP", "50");
        env.put("PULSE_INGEST_PAGE_MAX_AGE_MS", "60000");

        IngestConfig config = IngestConfig.from(PulseConfig.fromEnv(env));

        assertThat(config.pageWrites().capacity()).isZero();
        assertThat(config.pageWrites().fansToleranceBasisPoints()).isEqualTo(50);
        assertThat(config.pageWrites().maxAge()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void givenAStalenessBoundPastItsLimits_whenRead_thenTheVariableIsNamed() {
        for (var bad : Map.of(
                        IngestConfig.PAGE_MAX_AGE_MS, "3600001",
                        IngestConfig.PAGE_FANS_TOLERANCE_BP, "1001",
                        IngestConfig.WRITTEN_PAGES, "-1")
                .entrySet()) {
            Map<String, String> env = environment();
            env.put(bad.getKey(), bad.getValue());

            assertThatThrownBy(() -> IngestConfig.from(PulseConfig.fromEnv(env)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(bad.getKey());
        }
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "eu-west-1");
        env.put("PULSE_SEARCH_PAGES", "pages");
        env.put("PULSE_SEARCH_POSTS", "posts");
        env.put("PULSE_TABLE_TRACKED_PAGES", "tracked-pages");
        env.put("PULSE_QUEUE_INGEST_QUARANTINE", "ingest-quarantine");
        return env;
    }
}
