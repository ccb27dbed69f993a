package dev.pulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.pulse.core.testing.TestContext;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.ingest.HostileRecords.Input;
import dev.pulse.ingest.application.BatchResult;
import dev.pulse.ingest.application.IndexNames;
import dev.pulse.ingest.application.IndexOp;
import dev.pulse.ingest.application.IngestService;
import dev.pulse.ingest.application.QuarantineEntry;
import dev.pulse.ingest.application.WriteOutcome;
import dev.pulse.ingest.application.WrittenPages;
import dev.pulse.ingest.domain.ParseResult;
import dev.pulse.ingest.domain.PostParser;
import dev.pulse.ingest.domain.kpl.AggregatedRecords;
import dev.pulse.ingest.domain.kpl.CorruptAggregateException;
import dev.pulse.ingest.domain.kpl.UserRecord;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the ingest handler and its decoder over hostile input ({@link HostileRecords}): nothing throws, every
 * user record is either indexed (its page and post written) or quarantined with a reason, and never both. Bounded
 * tries, no servers: a unit test that runs in seconds.
 */
class IngestPropertyTest {
    private static final Clock CLOCK = Clock.fixed(HostileRecords.NOW, ZoneOffset.UTC);
    private static final String SHARD = "shardId-000000000000";

    @Property(tries = 400)
    void handlerIndexesOrQuarantinesEveryRecord_neverBoth(@ForAll("batches") List<Input> batch) {
        List<IndexOp> written = new ArrayList<>();
        List<QuarantineEntry> quarantined = new ArrayList<>();
        List<BatchResult> results = new ArrayList<>();
        IngestHandler handler = new IngestHandler(
                new IngestService(
                        new PostParser(64 * 1024, CLOCK),
                        ids -> ids,
                        (ops, deadline) -> {
                            written.addAll(ops);
                            return ops.stream()
                                    .map(op -> WriteOutcome.WRITTEN_OK)
                                    .toList();
                        },
                        entries -> {
                            quarantined.addAll(entries);
                            return List.of();
                        },
                        (result, millis) -> results.add(result),
                        new IndexNames("pages", "posts"),
                        CLOCK,
                        new WrittenPages(new WrittenPages.Policy(1_000, 100, Duration.ofMinutes(10)))),
                Duration.ofSeconds(1));

        StreamsEventResponse response = handler.handleRequest(
                event(batch), new TestContext(PulseTopology.INGEST_FUNCTION, Duration.ofMinutes(2)));

        assertThat(response.getBatchItemFailures()).as("no dependency failed").isEmpty();
        assertThat(quarantined).allSatisfy(entry -> {
            assertThat(entry.reason()).isNotNull();
            assertThat(entry.detail()).as("detail of %s", entry.reason()).isNotBlank();
            assertThat(entry.shardId()).isEqualTo(SHARD);
        });
        Map<String, List<Integer>> quarantinedSubs = quarantined.stream()
                .collect(Collectors.groupingBy(
                        QuarantineEntry::sequenceNumber,
                        Collectors.mapping(QuarantineEntry::subSequence, Collectors.toList())));
        Set<String> pages = new HashSet<>();
        Set<String> posts = new HashSet<>();
        for (IndexOp op : written) {
            assertThat((op.index().equals("pages") ? pages : posts).add(op.id()))
                    .as("written once: %s", op.id())
                    .isTrue();
        }
        Set<String> intended = new HashSet<>();
        for (int r = 0; r < batch.size(); r++) {
            Input input = batch.get(r);
            List<Integer> subs = quarantinedSubs.getOrDefault(sequence(r), List.of());
            assertThat(new HashSet<>(subs))
                    .as("record %d quarantined once per sub-record", r)
                    .hasSameSizeAs(subs);
            for (int i = 0; i < input.payloads().size(); i++) {
                String pageId = Input.pageId(r, i);
                intended.add(pageId);
                boolean indexed = pages.contains(pageId);
                assertThat(posts.contains(pageId + "_1"))
                        .as("post of %s with its page", pageId)
                        .isEqualTo(indexed);
                if (input.framing().intact()) {
                    assertThat(indexed ^ subs.contains(i))
                            .as(
                                    "record %d.%d (%s) is indexed=%s or quarantined=%s",
                                    r, i, input.payloads().get(i), indexed, subs.contains(i))
                            .isTrue();
                } else {
                    assertThat(indexed)
                            .as("a page from broken frame %s", input.framing())
                            .isFalse();
                }
            }
            if (!input.framing().intact()) {
                assertThat(subs)
                        .as("broken frame %s is quarantined", input.framing())
                        .isNotEmpty();
                if (subs.contains(-1)) {
                    assertThat(subs).as("a corrupt aggregate is one entry").containsExactly(-1);
                }
            }
        }
        assertThat(intended).as("only the batch's pages are written").containsAll(pages);
        BatchResult result = results.getFirst();
        long wholeRecords =
                quarantined.stream().filter(e -> e.subSequence() == -1).count();
        assertThat(result.postsIn() + wholeRecords)
                .as("records in = indexed + quarantined")
                .isEqualTo(result.pagesUpserted() + result.quarantined());
        assertThat(result.quarantined()).isEqualTo(quarantined.size());
    }

    @Property(tries = 1_000)
    void decoderReturnsRecordsOrCorruptAggregate_neverAnotherException(@ForAll("frames") byte[] bytes) {
        try {
            List<UserRecord> records = AggregatedRecords.decode(bytes, "k");
            assertThat(records).isNotEmpty();
        } catch (CorruptAggregateException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 1_000)
    void parserNeverThrowsAndNamesEveryRejection(@ForAll("payloads") HostileRecords.Payload payload) {
        ParseResult result =
                new PostParser(64 * 1024, CLOCK).parse(payload.render().apply("42"));

        if (result instanceof ParseResult.Rejected rejected) {
            assertThat(rejected.reason()).isNotNull();
            assertThat(rejected.detail()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<List<Input>> batches() {
        return HostileRecords.batches();
    }

    @Provide
    Arbitrary<byte[]> frames() {
        return Arbitraries.oneOf(
                HostileRecords.input().map(input -> input.bytes(0)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(100).map(body -> {
                    byte[] framed = new byte[4 + body.length + 16];
                    framed[0] = (byte) 0xF3;
                    framed[1] = (byte) 0x89;
                    framed[2] = (byte) 0x9A;
                    framed[3] = (byte) 0xC2;
                    System.arraycopy(body, 0, framed, 4, body.length);
                    System.arraycopy(HostileRecords.md5(body), 0, framed, 4 + body.length, 16);
                    return framed;
                }));
    }

    @Provide
    Arbitrary<HostileRecords.Payload> payloads() {
        return HostileRecords.payload();
    }

    private static KinesisEvent event(List<Input> batch) {
        List<KinesisEvent.KinesisEventRecord> records = new ArrayList<>();
        for (int r = 0; r < batch.size(); r++) {
            KinesisEvent.Record kinesis = new KinesisEvent.Record();
            kinesis.setData(ByteBuffer.wrap(batch.get(r).bytes(r)));
            kinesis.setPartitionKey(Input.pageId(r, 0));
            kinesis.setSequenceNumber(sequence(r));
            kinesis.setApproximateArrivalTimestamp(java.util.Date.from(HostileRecords.NOW));
            KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
            record.setEventID(SHARD + ":" + sequence(r));
            record.setKinesis(kinesis);
            records.add(record);
        }
        KinesisEvent event = new KinesisEvent();
        event.setRecords(records);
        return event;
    }

    private static String sequence(int record) {
        return String.format("%056d", 1 + record);
    }
}
