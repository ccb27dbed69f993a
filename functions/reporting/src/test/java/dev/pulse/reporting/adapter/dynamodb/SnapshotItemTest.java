package dev.pulse.reporting.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.reporting.domain.AccountSnapshot;
import dev.pulse.reporting.domain.Granularity;
import dev.pulse.reporting.domain.PageActivity;
import dev.pulse.reporting.domain.PageFigures;
import dev.pulse.reporting.domain.TopPost;
import dev.pulse.reporting.domain.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SnapshotItemTest {
    private static final Window DAY = Granularity.DAY.at(Instant.parse("2026-12-01T00:00:00Z"));

    /** An agency account's worst day: 1,000 pages, each with five top posts and 24 busy hours. */
    private static AccountSnapshot largest() {
        List<PageFigures> pages = new ArrayList<>();
        for (int p = 0; p < 1_000; p++) {
            String page = Long.toString(100_000_000_000_000L + p);
            int id = p;
            List<TopPost> top = IntStream.range(0, 5)
                    .mapToObj(i -> new TopPost(page + "_" + (900_000_000_000_000L + id * 10L + i), page, 1_000_000 + i))
                    .toList();
            long[] hours = IntStream.range(0, 24).mapToLong(h -> 12_345).toArray();
            pages.add(new PageFigures(
                    page,
                    new PageActivity(99_999, 9_999_999, 9_999_999, 9_999_999, top, hours, 0),
                    99_999,
                    123_456_789,
                    OptionalLong.of(-12_345)));
        }
        return new AccountSnapshot("acct", DAY, pages, 0, 0);
    }

    @Test
    void givenTheLargestAccount_thenTheItemStaysUnderDynamoDbsLimit() {
        var item = SnapshotItem.of(largest());

        assertThat(SnapshotItem.size(item)).isLessThan(400 * 1024);
        assertThat(item.get("byPage").m()).hasSize(1_000);
    }

    @Test
    void givenTheSameSnapshot_thenTheItemIsEqual_andRecordsEachPagesFans() {
        var item = SnapshotItem.of(largest());

        assertThat(SnapshotItem.of(largest())).isEqualTo(item);
        assertThat(SnapshotItem.fans(item)).hasSize(1_000).containsEntry("100000000000000", 123_456_789L);
        assertThat(item.get("periodKey").s()).isEqualTo("day#2026-12-01T00:00:00Z");
        assertThat(item.get("hourly").l()).hasSize(24);
    }
}
