package dev.pulse.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPlanTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-12-31");
    private static final List<String> INDICES = List.of(
            "posts-2026.12.31",
            "posts-2026.12.30",
            "posts-2026.12.01",
            "posts-2026.11.30",
            "posts-2026.11.01",
            "posts-archive",
            "pages-v2",
            "posts-2026.13.01");

    @Test
    void givenThirtyDays_thenOnlyIndicesOlderThanThirtyDaysExpire() {
        assertThat(new RetentionPlan("posts", 30).expired(INDICES, TODAY))
                .containsExactly("posts-2026.11.01", "posts-2026.11.30");
    }

    @Test
    void givenOneDay_thenTodayAndYesterdayStillStay() {
        assertThat(new RetentionPlan("posts", 1).expired(INDICES, TODAY))
                .doesNotContain("posts-2026.12.31", "posts-2026.12.30")
                .contains("posts-2026.12.01");
    }

    @Test
    void givenNamesThatAreNotDailyIndices_thenTheyAreNeverExpired() {
        assertThat(new RetentionPlan("posts", 1).expired(INDICES, TODAY))
                .doesNotContain("posts-archive", "pages-v2", "posts-2026.13.01");
    }
}
