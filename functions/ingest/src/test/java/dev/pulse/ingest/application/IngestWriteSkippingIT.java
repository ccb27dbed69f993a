package dev.pulse.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.SearchAdmin;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.search.IndexDefinitions;
import dev.pulse.ingest.adapter.opensearch.OpenSearchBulkSink;
import dev.pulse.ingest.domain.PostParser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;

/**
 * Write skipping against the local OpenSearch, on the topology's own pages mapping: unchanged pages are not written, a
 * name change is, another instance's write in between is noticed, and the staleness bound (fans tolerance, maximum
 * age) holds. Each call is one Lambda batch; two services are two instances sharing the index.
 */
class IngestWriteSkippingIT {
    private static final Instant START = Instant.parse("2026-11-26T06:00:00Z");
    private static final WrittenPages.Policy POLICY = new WrittenPages.Policy(1_000, 100, Duration.ofMinutes(10));

    private final SearchAdmin search =
            new SearchAdmin(LocalPlatform.environment().get(OpenSearchSettings.ENDPOINT));
    private final String pages = Unique.name("skip-pages");
    private final TickingClock clock = new TickingClock(START);
    private final OpenSearchBulkSink sink = new OpenSearchBulkSink(
            new OpenSearchGenericClient(
                    OpenSearchClients.transport(LocalPlatform.config().openSearch())),
            1024 * 1024,
            Backoff.DEFAULT,
            clock);
    private final IngestService instance = service();
    private int sequence;

    IngestWriteSkippingIT() {
        search.send(
                "PUT",
                "/" + pages,
                IndexDefinitions.load(
                        PulseTopology.define().aliases().getFirst().definition()));
    }

    @AfterEach
    void dropIndex() {
        search.send("DELETE", "/" + pages, null);
    }

    @Test
    void givenBusyPagesPostingAgainUnchanged_whenIngested_thenTheirWritesAreSkippedAndTheIndexKeepsTheirFields() {
        BatchResult first = instance.ingest(
                List.of(
                        record(post("7", "Olympique Lyonnais", 1_000_000, "06:00:01")),
                        record(post("8", "Paris", 500_000, "06:00:01"))),
                deadline());
        BatchResult second = instance.ingest(
                List.of(
                        record(post("7", "Olympique Lyonnais", 1_004_000, "06:00:02")),
                        record(post("8", "Paris", 500_100, "06:00:02"))),
                deadline());

        assertThat(first.pagesUpserted()).isEqualTo(2);
        assertThat(second.pagesSkipped()).isEqualTo(2);
        assertThat(second.pagesUpserted()).isZero();
        assertThat(second.failedSequenceNumbers()).isEmpty();
        assertThat(indexed("7").path("_version").asLong()).isEqualTo(millis("06:00:01"));
        assertThat(indexed("7").path("_source").path("fans").asLong()).isEqualTo(1_000_000);
        assertThat(indexed("7").path("_source").path("name").asText()).isEqualTo("Olympique Lyonnais");
    }

    @Test
    void givenANewName_whenIngested_thenItIsWrittenAtOnce() {
        instance.ingest(List.of(record(post("7", "Olympique Lyonnais", 1_000_000, "06:00:01"))), deadline());
        BatchResult renamed = instance.ingest(List.of(record(post("7", "OL", 1_000_000, "06:00:02"))), deadline());

        assertThat(renamed.pagesUpserted()).isEqualTo(1);
        assertThat(renamed.pagesSkipped()).isZero();
        assertThat(indexed("7").path("_source").path("name").asText()).isEqualTo("OL");
        assertThat(indexed("7").path("_version").asLong()).isEqualTo(millis("06:00:02"));
    }

    @Test
    void givenAnotherInstanceRenamedThePageBetween_whenTheFirstSeesItsOldNameAgain_thenThatNewerNameIsWritten() {
        IngestService other = service();
        instance.ingest(List.of(record(post("7", "Lyon", 1_000_000, "06:00:01"))), deadline());
        other.ingest(List.of(record(post("7", "Lyon FC", 1_000_000, "06:00:02"))), deadline());

        BatchResult back = instance.ingest(List.of(record(post("7", "Lyon", 1_000_000, "06:00:03"))), deadline());

        assertThat(back.pagesSkipped()).isZero();
        assertThat(back.pagesUpserted()).isEqualTo(1);
        assertThat(indexed("7").path("_source").path("name").asText()).isEqualTo("Lyon");
        assertThat(indexed("7").path("_version").asLong()).isEqualTo(millis("06:00:03"));
    }

    @Test
    void givenFansDriftingAndTimePassing_whenIngested_thenWrittenPastOnePercentOrTenMinutes() {
        instance.ingest(List.of(record(post("7", "Lyon", 1_000_000, "06:00:01"))), deadline());

        BatchResult within = instance.ingest(List.of(record(post("7", "Lyon", 1_010_000, "06:00:02"))), deadline());
        BatchResult past = instance.ingest(List.of(record(post("7", "Lyon", 1_010_001, "06:00:03"))), deadline());
        clock.now = START.plus(Duration.ofMinutes(10)).minusMillis(1);
        BatchResult young = instance.ingest(List.of(record(post("7", "Lyon", 1_010_001, "06:00:04"))), deadline());
        clock.now = START.plus(Duration.ofMinutes(10));
        BatchResult old = instance.ingest(List.of(record(post("7", "Lyon", 1_010_001, "06:00:05"))), deadline());

        assertThat(within.pagesSkipped()).isEqualTo(1);
        assertThat(past.pagesUpserted()).isEqualTo(1);
        assertThat(young.pagesSkipped()).isEqualTo(1);
        assertThat(old.pagesUpserted()).isEqualTo(1);
        assertThat(indexed("7").path("_version").asLong()).isEqualTo(millis("06:00:05"));
        assertThat(indexed("7").path("_source").path("fans").asLong()).isEqualTo(1_010_001);
    }

    private IngestService service() {
        return new IngestService(
                new PostParser(64 * 1024, Clock.fixed(START, ZoneOffset.UTC)),
                ids -> Set.of(),
                sink,
                entries -> {
                    throw new IllegalStateException("no poison here: " + entries);
                },
                IngestMetrics.NONE,
                new IndexNames(pages, Unique.name("skip-posts")),
                clock,
                new WrittenPages(POLICY));
    }

    private JsonNode indexed(String pageId) {
        return search.send("GET", "/" + pages + "/_doc/" + pageId, null);
    }

    private InboundRecord record(String json) {
        return new InboundRecord(
                "shardId-000000000000",
                Integer.toString(++sequence),
                "k",
                json.getBytes(StandardCharsets.UTF_8),
                START);
    }

    private static Instant deadline() {
        return Instant.now().plusSeconds(20);
    }

    private static long millis(String time) {
        return Instant.parse("2026-11-26T" + time + "Z").toEpochMilli();
    }

    private static String post(String pageId, String name, long fans, String time) {
        return "{\"id\":\"" + pageId + "_1\",\"from\":{\"id\":\"" + pageId + "\",\"name\":\"" + name
                + "\",\"username\":\"p" + pageId + "\",\"category\":\"Sports\",\"fan_count\":" + fans
                + ",\"verified\":true},\"created_time\":\"2026-11-26T05:00:00+0000\","
                + "\"updated_time\":\"2026-11-26T" + time + "+0000\"}";
    }
}
