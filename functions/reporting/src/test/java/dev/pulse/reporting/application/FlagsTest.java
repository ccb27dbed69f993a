package dev.pulse.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.testing.SteppedClock;
import dev.pulse.reporting.domain.JobFlags;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FlagsTest {
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final InMemoryReporting.FlagsTable table = new InMemoryReporting.FlagsTable();
    private final Flags flags = new Flags(table, "retention", Flags.MAX_TTL, clock);

    @Test
    void givenNoStoredFlags_thenTheDefaultsApply() {
        assertThat(flags.current()).isEqualTo(JobFlags.DEFAULTS);
    }

    @Test
    void givenAChange_thenItIsSeenWithin30Seconds_andNotReadBefore() {
        assertThat(flags.current().enabled()).isTrue();
        table.write("retention", new JobFlags(false, 10, 1));

        clock.advance(Duration.ofSeconds(29));
        assertThat(flags.current().enabled()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(flags.current()).isEqualTo(new JobFlags(false, 10, 1));
    }

    @Test
    void givenATtlOver30Seconds_thenItIsRefused() {
        assertThatThrownBy(() -> new Flags(table, "retention", Duration.ofSeconds(31), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
