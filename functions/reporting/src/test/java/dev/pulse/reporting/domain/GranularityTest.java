package dev.pulse.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GranularityTest {
    @Test
    void givenAScheduledTime_thenThePeriodIsTheOneBefore_keyedAsTheAccountsFunctionReadsIt() {
        assertThat(Granularity.HOUR
                        .previousTo(Instant.parse("2026-12-01T10:05:00Z"))
                        .key())
                .isEqualTo("hour#2026-12-01T09:00:00Z");
        assertThat(Granularity.DAY
                        .previousTo(Instant.parse("2026-12-02T00:15:00Z"))
                        .key())
                .isEqualTo("day#2026-12-01T00:00:00Z");
    }

    @Test
    void givenAnUnalignedStart_thenItIsRefused() {
        assertThatThrownBy(() -> Granularity.DAY.at(Instant.parse("2026-12-01T10:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
