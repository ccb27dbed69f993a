package dev.pulse.legacy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sliding window of one-second buckets: what it counts, what it forgets, and when. */
class RateWindowTest {
    final RateWindow window = new RateWindow(Duration.ofSeconds(10));
    static final long T0 = 1_800_000_000_000L;

    @Test
    void givenCallsWithinTheWindow_thenAllAreCounted_withTheirFailures() {
        window.record(T0, true);
        window.record(T0 + 999, false);
        window.record(T0 + 5_000, true);
        window.record(T0 + 9_500, false);

        assertThat(window.calls(T0 + 9_500)).isEqualTo(4);
        assertThat(window.failures(T0 + 9_500)).isEqualTo(2);
    }

    @Test
    void givenTimePassing_thenOldSecondsLeaveTheWindow_oneByOne() {
        window.record(T0, true);
        window.record(T0 + 3_000, true);
        window.record(T0 + 3_100, false);

        assertThat(window.calls(T0 + 9_999)).isEqualTo(3);
        assertThat(window.calls(T0 + 10_000)).as("T0's second is out").isEqualTo(2);
        assertThat(window.failures(T0 + 10_000)).isEqualTo(1);
        assertThat(window.calls(T0 + 13_000)).isZero();
    }

    @Test
    void givenABucketReusedAfterAFullTurn_thenItsOldCountsAreGone() {
        window.record(T0, true);
        window.record(T0 + 10_000, false); // the same ring slot, ten seconds on

        assertThat(window.calls(T0 + 10_000)).isEqualTo(1);
        assertThat(window.failures(T0 + 10_000)).isZero();
    }

    @Test
    void givenClear_thenNothingIsCounted_andNewCallsStartAfresh() {
        window.record(T0, true);
        window.record(T0 + 1_000, true);
        window.clear();

        assertThat(window.calls(T0 + 1_000)).isZero();
        window.record(T0 + 1_500, false);
        assertThat(window.calls(T0 + 1_500)).isEqualTo(1);
        assertThat(window.failures(T0 + 1_500)).isZero();
    }
}
