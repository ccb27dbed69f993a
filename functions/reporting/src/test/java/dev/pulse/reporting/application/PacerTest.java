package dev.pulse.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.testing.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacerTest {
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final AtomicLong queued = new AtomicLong();
    private final List<Duration> slept = new ArrayList<>();
    private final Pacer pacer = new Pacer(8, Duration.ofMillis(100), queued::get, clock, slept::add);

    private void request(long millis) {
        pacer.call(() -> {
            clock.advance(Duration.ofMillis(millis));
            return null;
        });
    }

    @Test
    void givenFastRequests_thenTheLimitGrowsByOneEach_upToTheCeiling() {
        request(10);
        request(10);
        assertThat(pacer.limit()).isEqualTo(3);
        for (int i = 0; i < 20; i++) {
            request(10);
        }
        assertThat(pacer.limit()).isEqualTo(8);
        assertThat(slept).isEmpty();
    }

    @Test
    void givenASlowRequest_thenTheLimitHalves_andAPauseStarts() {
        for (int i = 0; i < 7; i++) {
            request(10);
        }
        assertThat(pacer.limit()).isEqualTo(8);

        request(500);

        assertThat(pacer.limit()).isEqualTo(4);
        assertThat(pacer.pause()).isEqualTo(Pacer.MIN_PAUSE);
        request(10);
        assertThat(slept).containsExactly(Pacer.MIN_PAUSE);
    }

    @Test
    void givenTheSearchThreadPoolQueues_thenThePacerSlowsDown() {
        for (int i = 0; i < 7; i++) {
            request(10);
        }
        queued.set(12);
        clock.advance(Duration.ofSeconds(2));

        request(10);

        assertThat(pacer.limit()).isEqualTo(5); // halved to 4 by the probe, then one more for the fast request
        assertThat(slept).isNotEmpty();
    }

    @Test
    void givenAFailingRequest_thenItIsRetried_andTheLastFailureIsRethrown() {
        AtomicLong attempts = new AtomicLong();
        assertThatThrownBy(() -> pacer.call(() -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("down");
                }))
                .hasMessage("down");
        assertThat(attempts.get()).isEqualTo(Pacer.ATTEMPTS);
        assertThat(pacer.requests()).isEqualTo(Pacer.ATTEMPTS);
        assertThat(pacer.limit()).isEqualTo(1);
    }
}
