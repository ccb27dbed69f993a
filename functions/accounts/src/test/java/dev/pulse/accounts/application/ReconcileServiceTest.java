package dev.pulse.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcileServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final InMemoryTrackedSetTables tables = new InMemoryTrackedSetTables();
    private final List<ReconcileReport> published = new ArrayList<>();
    private final ReconcileService service = new ReconcileService(
            tables, (report, latency) -> published.add(report), Set.of("admin"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void givenMissingAndExtraIds_thenEachIsRepaired_counted_andPublished() {
        tables.row("a", "1");
        tables.row("a", "2");
        tables.add("2", "b");
        tables.add("3", "admin");

        ReconcileReport report = service.run();

        assertThat(report).isEqualTo(new ReconcileReport(2, 2, 2, 1, 0, 0));
        assertThat(tables.set("1")).containsExactly("a");
        assertThat(tables.set("2")).containsExactly("a");
        assertThat(tables.set("3")).containsExactly("admin");
        assertThat(published).containsExactly(report);
        assertThat(service.run().drift()).isZero();
    }

    @Test
    void givenATrackLandingMidScan_whenItsIdLooksExtra_thenTheRecheckKeepsIt() {
        // The scan of account-pages saw no row; the track wrote its row and its ADD before the set was scanned.
        tables.add("1", "a");
        tables.beforeCheck = () -> tables.row("a", "1");

        ReconcileReport report = service.run();

        assertThat(report.extra()).isZero();
        assertThat(report.settled()).isEqualTo(1);
        assertThat(tables.set("1")).containsExactly("a");
    }

    @Test
    void givenATrackLandingBetweenTheCheckAndTheDelete_thenTheIdIsPutBack() {
        tables.add("1", "a");
        int[] checks = {0};
        // The first check finds no row; the track writes it (and ADDs) before the DELETE; the second check sees it.
        tables.beforeCheck = () -> {
            if (++checks[0] == 2) {
                tables.row("a", "1");
            }
        };

        ReconcileReport report = service.run();

        assertThat(report.extra()).isZero();
        assertThat(report.settled()).isEqualTo(1);
        assertThat(tables.set("1")).containsExactly("a");
    }

    @Test
    void givenAnUntrackLandingMidScan_whenItsIdLooksMissing_thenItIsNotAdded() {
        tables.row("a", "1");
        tables.beforeCheck = () -> tables.unrow("a", "1");

        ReconcileReport report = service.run();

        assertThat(report.missing()).isZero();
        assertThat(tables.set("1")).isEmpty();
    }

    @Test
    void givenAWrongCounter_thenAQuietOneIsRecounted_andOneChangedWithinTheMinuteIsLeft() {
        tables.row("a", "1");
        tables.row("b", "1");
        tables.add("1", "a");
        tables.add("1", "b");
        tables.counter("a", 3, NOW.minusSeconds(120));
        tables.counter("b", 3, NOW.minusSeconds(10));

        ReconcileReport report = service.run();

        assertThat(report.countersRepaired()).isEqualTo(1);
        assertThat(tables.trackedCount("a").orElseThrow().value()).isEqualTo(1);
        assertThat(tables.trackedCount("b").orElseThrow().value()).isEqualTo(3);
    }
}
