package dev.pulse.legacy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.legacy.domain.LegacyRoutes;
import dev.pulse.legacy.domain.Mode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard's two rates over its window, on a clock the test moves: thresholds, minimums, forgetting, audit. */
class RollbackGuardTest {
    static final String ROUTE = LegacyRoutes.PAGES_SEARCH;
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T08:00:00Z"));
    final InMemoryRouteModes modes = new InMemoryRouteModes();
    final List<String> counted = new ArrayList<>();
    final RollbackGuard guard = new RollbackGuard(
            modes,
            (route, metric) -> counted.add(route + " " + metric),
            clock,
            new RollbackGuard.Limits(Duration.ofSeconds(30), 0.5, 10, 0.25, 8));

    /** A clock that moves only when told. */
    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    void at(Mode mode) {
        modes.change(ROUTE, modes.mode(ROUTE), mode, "test", "", clock.instant());
    }

    @Test
    void givenDiffsAboveTheRate_butFewerComparisonsThanTheMinimum_thenTheRouteStays() {
        at(Mode.NEW);
        for (int i = 0; i < 7; i++) {
            guard.recordComparison(ROUTE, Mode.NEW, true);
        }

        assertThat(modes.mode(ROUTE)).isEqualTo(Mode.NEW);
        assertThat(counted).isEmpty();
    }

    @Test
    void givenTheDiffRatePassingItsThreshold_atTheMinimum_thenTheRouteGoesBack_auditedAndCounted() {
        at(Mode.canary(30));
        for (int i = 0; i < 6; i++) {
            guard.recordComparison(ROUTE, Mode.canary(30), false);
        }
        guard.recordComparison(ROUTE, Mode.canary(30), true);
        assertThat(modes.mode(ROUTE)).as("1 of 7: under the minimum").isEqualTo(Mode.canary(30));
        guard.recordComparison(ROUTE, Mode.canary(30), true);
        assertThat(modes.mode(ROUTE)).as("2 of 8 is 25 %, not above it").isEqualTo(Mode.canary(30));
        guard.recordComparison(ROUTE, Mode.canary(30), true);

        assertThat(modes.mode(ROUTE)).as("3 of 9").isEqualTo(Mode.LEGACY);
        RouteModes.ModeChange change = modes.changes(ROUTE, 1).getFirst();
        assertThat(change.who()).isEqualTo(RollbackGuard.WHO);
        assertThat(change.from()).isEqualTo(Mode.canary(30));
        assertThat(change.to()).isEqualTo(Mode.LEGACY);
        assertThat(change.reason())
                .isEqualTo("new service answered differently from legacy in 3 of 9 compared calls in 30 s"
                        + " (threshold 25 %)");
        assertThat(counted).containsExactly(ROUTE + " " + ProxyMetrics.AUTO_ROLLBACKS);
    }

    @Test
    void givenDiffsOlderThanTheWindow_thenTheyNoLongerCount() {
        at(Mode.NEW);
        for (int i = 0; i < 7; i++) {
            guard.recordComparison(ROUTE, Mode.NEW, true);
        }
        clock.now = clock.now.plusSeconds(31);
        guard.recordComparison(ROUTE, Mode.NEW, true);

        assertThat(modes.mode(ROUTE)).as("only 1 comparison left in the window").isEqualTo(Mode.NEW);
    }

    @Test
    void givenTheTwoRates_thenEachHasItsOwnWindow() {
        at(Mode.NEW);
        // Ten successful calls dilute nothing on the diff side, and eight diffs nothing on the failure side.
        for (int i = 0; i < 10; i++) {
            guard.record(ROUTE, Mode.NEW, false);
        }
        for (int i = 0; i < 7; i++) {
            guard.recordComparison(ROUTE, Mode.NEW, true);
        }
        assertThat(modes.mode(ROUTE)).isEqualTo(Mode.NEW);
        guard.recordComparison(ROUTE, Mode.NEW, true);

        assertThat(modes.mode(ROUTE)).isEqualTo(Mode.LEGACY);
        assertThat(modes.changes(ROUTE, 1).getFirst().reason()).contains("differently", "8 of 8");
    }

    @Test
    void givenTheRouteAlreadyMovedByAnOperator_thenTheGuardChangesNothing_andCountsNoRollback() {
        at(Mode.NEW);
        at(Mode.canary(10)); // someone stepped back while the comparisons ran, in new
        for (int i = 0; i < 8; i++) {
            guard.recordComparison(ROUTE, Mode.NEW, true);
        }

        assertThat(modes.mode(ROUTE)).isEqualTo(Mode.canary(10));
        assertThat(counted).isEmpty();
    }

    @Test
    void givenRatesOutsideZeroToOne_thenTheLimitsAreRefused() {
        assertThatThrownBy(() -> new RollbackGuard.Limits(Duration.ofSeconds(1), 0.2, 1, 1.0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RollbackGuard.Limits(Duration.ofSeconds(1), 0.2, 0, 0.2, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
