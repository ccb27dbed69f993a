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
    private final Pacer.Sleeper sleeper = d -> {
        slept.add(d);
        clock.advance(d);
    };
    private final Pacer pacer = new Pacer(8, Duration.ofMillis(100), queued::get, clock, sleeper);

    private void request(long millis) {
        pacer.call(() -> {
            clock.advance(Duration.ofMillis(millis));
            return null;
        });
    }

    private void step(long millis) {
        pacer.step(() -> clock.advance(Duration.ofMillis(millis)));
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
        assertThat(slept)
                .as("the duty, halved to 0.5, rests as long as the slow request took, longer than the pause")
                .containsExactly(Duration.ofMillis(500));
        request(10);
        assertThat(slept).hasSize(2);
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
        assertThat(pacer.duty()).isEqualTo(0.5);
        request(10);
        assertThat(slept).isNotEmpty();
    }

    @Test
    void givenOthersSearching_thenTheDutyHalvesEachProbe_downToItsFloor_andTheJobRestsInProportion() {
        queued.set(3); // three tasks on the search pool, none of them the job's
        request(10);
        assertThat(pacer.duty()).isEqualTo(0.5);
        assertThat(pacer.pause())
                .as("others' load is no reason for a per-request pause")
                .isZero();
        slept.clear();
        request(10);
        assertThat(slept).as("after 10 ms at duty 0.5, 10 ms of rest").containsExactly(Duration.ofMillis(10));

        for (int i = 0; i < 6; i++) {
            clock.advance(Pacer.PROBE_EVERY);
            request(10);
        }
        assertThat(pacer.duty()).isEqualTo(Pacer.MIN_DUTY);
        slept.clear();
        step(20);
        assertThat(slept).as("the last unit's rest: 10 ms × 0.9 / 0.1").containsExactly(Duration.ofMillis(90));
        slept.clear();
        step(20);
        assertThat(slept).as("20 ms × 0.9 / 0.1").containsExactly(Duration.ofMillis(180));
    }

    @Test
    void givenThePoolToItself_thenTheDutyClimbsBackByOneStepPerProbe_toFullSpeed() {
        queued.set(3);
        request(10);
        clock.advance(Pacer.PROBE_EVERY);
        request(10);
        assertThat(pacer.duty()).isEqualTo(0.25);

        queued.set(0);
        for (int i = 0; i < 3; i++) {
            clock.advance(Pacer.PROBE_EVERY);
            request(10);
        }
        assertThat(pacer.duty()).isCloseTo(0.55, org.assertj.core.data.Offset.offset(1e-9));
        for (int i = 0; i < 10; i++) {
            clock.advance(Pacer.PROBE_EVERY);
            request(10);
        }
        assertThat(pacer.duty()).isEqualTo(1.0);
        slept.clear();
        request(10);
        request(10);
        assertThat(slept).as("at full duty nothing rests").isEmpty();
    }

    @Test
    void givenTheJobsOwnSearchInFlight_thenTheProbeDoesNotCountItAsOthers() {
        // A pacer whose requests are never slow, so only the probe moves its duty; nested calls stand for two of
        // the job's searches in flight at once (its limit, 8 after the fast requests, lets both in).
        Pacer pacer = new Pacer(8, Duration.ofHours(1), queued::get, clock, sleeper);
        for (int i = 0; i < 8; i++) {
            pacer.call(() -> {
                clock.advance(Duration.ofMillis(10));
                return null;
            });
        }
        assertThat(pacer.limit()).isEqualTo(8);
        queued.set(1); // the probe, run when the nested search starts, sees only the outer one
        double during = pacer.call(() -> {
            clock.advance(Pacer.PROBE_EVERY);
            pacer.call(() -> null);
            return pacer.duty();
        });
        assertThat(during).isEqualTo(1.0);

        queued.set(2); // one more than the job's own: someone else is searching
        double withOthers = pacer.call(() -> {
            clock.advance(Pacer.PROBE_EVERY);
            pacer.call(() -> null);
            return pacer.duty();
        });
        assertThat(withOthers).isEqualTo(0.5);
    }

    @Test
    void givenASlowStoreCall_thenItSlowsTheJobAsASlowSearchDoes_butIsNotCountedAsASearch() {
        for (int i = 0; i < 7; i++) {
            step(10);
        }
        assertThat(pacer.limit()).isEqualTo(8);

        step(500);

        assertThat(pacer.limit()).isEqualTo(4);
        assertThat(pacer.pause()).isEqualTo(Pacer.MIN_PAUSE);
        assertThat(pacer.duty()).isEqualTo(0.5);
        assertThat(pacer.requests()).isZero();
    }

    @Test
    void givenAFailingStoreCall_thenItIsNotRetriedByThePacer() {
        AtomicLong attempts = new AtomicLong();
        assertThatThrownBy(() -> pacer.step(() -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("rejected");
                }))
                .hasMessage("rejected");
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(pacer.duty()).isEqualTo(0.5);
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
