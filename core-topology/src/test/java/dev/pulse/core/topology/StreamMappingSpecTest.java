package dev.pulse.core.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The event-source mapping settings are refused outside the ranges Lambda accepts, before any deploy. */
class StreamMappingSpecTest {
    @Test
    void givenRecordAgesInLambdasRange_thenAccepted_andZeroMeansNoLimit() {
        assertThat(mapping(Duration.ofSeconds(1), Duration.ZERO, 10).maxRecordAge())
                .isZero();
        assertThat(mapping(Duration.ZERO, Duration.ofSeconds(60), -1).maxRetryAttempts())
                .isEqualTo(-1);
        assertThat(mapping(Duration.ofMinutes(5), Duration.ofDays(7), 10_000).maxRecordAge())
                .isEqualTo(Duration.ofDays(7));
    }

    @Test
    void givenRecordAgeOutsideLambdasRange_thenRefusedNamingTheRange() {
        for (Duration age : new Duration[] {Duration.ofSeconds(59), Duration.ofSeconds(-1), Duration.ofDays(8)}) {
            assertThatThrownBy(() -> mapping(Duration.ZERO, age, 10))
                    .as("%s", age)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("60-604800 s");
        }
    }

    @Test
    void givenBatchingWindowOrRetriesOutOfRange_thenRefused() {
        assertThatThrownBy(() -> mapping(Duration.ofSeconds(-1), Duration.ZERO, 10))
                .hasMessageContaining("0-300 s");
        assertThatThrownBy(() -> mapping(Duration.ofSeconds(301), Duration.ZERO, 10))
                .hasMessageContaining("0-300 s");
        assertThatThrownBy(() -> mapping(Duration.ZERO, Duration.ZERO, -2)).hasMessageContaining("-1 (forever)");
        assertThatThrownBy(() -> mapping(Duration.ZERO, Duration.ZERO, 10_001)).hasMessageContaining("-1 (forever)");
    }

    private static StreamMappingSpec mapping(Duration window, Duration maxAge, int retries) {
        return new StreamMappingSpec(
                "posts",
                "ingest",
                100,
                window,
                StreamMappingSpec.StartingPosition.TRIM_HORIZON,
                true,
                true,
                retries,
                maxAge,
                1,
                "ingest-failures");
    }
}
