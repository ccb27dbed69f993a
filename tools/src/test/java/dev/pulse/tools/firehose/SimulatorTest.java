package dev.pulse.tools.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.ingest.domain.ParseResult;
import dev.pulse.ingest.domain.PostParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    private static final Instant START = Instant.parse("2026-11-26T00:00:00Z");

    @Test
    void givenSameSeed_whenRunTwice_thenIdenticalRecords() {
        List<SimRecord> first = run(7, 500);
        List<SimRecord> second = run(7, 500);

        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).payload()).isEqualTo(first.get(i).payload());
        }
        assertThat(run(8, 1).getFirst().payload()).isNotEqualTo(first.getFirst().payload());
    }

    @Test
    void givenSimulatedRecords_whenParsed_thenValidOnesParseAndPoisonFailsWithItsExpectedReason() {
        PostParser parser = new PostParser(20_000);
        int poison = 0;
        for (SimRecord record : run(11, 5_000)) {
            ParseResult result = parser.parse(record.payload());
            if (record.isPoison()) {
                poison++;
                assertThat(result)
                        .isInstanceOfSatisfying(
                                ParseResult.Rejected.class,
                                r -> assertThat(r.reason()).isEqualTo(record.poison()));
            } else {
                assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class, p -> {
                    assertThat(p.post().postId()).isEqualTo(record.postId());
                    assertThat(p.post().page()).isEqualTo(record.page());
                });
            }
        }
        assertThat(poison).isBetween(250, 750);
    }

    @Test
    void givenManyPosts_whenGenerated_thenPopularityIsSkewedAndPageTimesStrictlyIncrease() {
        Map<String, Integer> perPage = new HashMap<>();
        Map<String, Instant> lastUpdate = new HashMap<>();
        Set<String> postIds = new HashSet<>();
        for (SimRecord record : run(3, 20_000)) {
            if (record.isPoison()) {
                continue;
            }
            perPage.merge(record.page().pageId(), 1, Integer::sum);
            Instant previous =
                    lastUpdate.put(record.page().pageId(), record.page().updatedTime());
            if (previous != null) {
                assertThat(record.page().updatedTime()).isAfter(previous);
            }
            assertThat(postIds.add(record.postId())).isTrue();
        }
        int top = perPage.getOrDefault(Simulator.pageId(0), 0);
        assertThat(top).isGreaterThan(20_000 / 100);
        assertThat(perPage.size()).isGreaterThan(500);
    }

    private static List<SimRecord> run(long seed, int count) {
        Simulator simulator = new Simulator(seed, 5_000, 0.1, 30_000, Simulator.logicalClock(START));
        List<SimRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(simulator.next());
        }
        return records;
    }
}
