package dev.pulse.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.testing.Unique;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DocumentSink} must do: one outcome per op, in order; writes are idempotent by id and externally
 * versioned (an equal version overwrites, so a retry succeeds; an older one is superseded and never regresses the
 * document); a document the index refuses is rejected with a reason; a backend that stays unreachable until the
 * deadline makes every unsettled op transient. Versions read back are those of acknowledged writes, without waiting
 * for a refresh, and an unreachable backend cannot tell them.
 */
public abstract class DocumentSinkContract {
    protected final String index = Unique.name("contract-sink");

    /**
     * A sink over the empty index {@link #index}, which takes only documents shaped {@code {"v": <long>}} and refuses
     * any other field, and which writes at most a few kilobytes per request. Every call returns the same sink.
     */
    protected abstract DocumentSink sink();

    /** A sink whose backend cannot be reached. */
    protected abstract DocumentSink unreachableSink();

    /** The stored document's {@code v}, or empty when no document has that id. */
    protected abstract OptionalLong stored(String id);

    /** How many documents the index holds. */
    protected abstract long count();

    protected void dispose() {}

    @AfterEach
    void tearDownSink() {
        dispose();
    }

    @Test
    void givenJustWrittenDocuments_whenVersionsRead_thenEachOnesVersionAndNothingForAMissingId() {
        sink().write(List.of(op("a", 20, 20), op("b", 30, 31)), soon());
        write(op("b", 40, 41));

        assertThat(sink().versions(index, List.of("a", "b", "missing")))
                .containsOnly(Map.entry("a", 20L), Map.entry("b", 40L));
    }

    @Test
    void givenUnreachableBackend_whenVersionsRead_thenTransientFailure() {
        assertThatThrownBy(() -> unreachableSink().versions(index, List.of("a")))
                .isInstanceOf(TransientFailureException.class);
    }

    @Test
    void givenNewId_whenWritten_thenWrittenAndStored() {
        assertThat(write(op("a", 20, 20))).isEqualTo(WriteOutcome.Status.WRITTEN);

        assertThat(stored("a")).hasValue(20);
    }

    @Test
    void givenSameVersionAgain_whenRetried_thenWrittenAgainAndStoredOnce() {
        write(op("a", 20, 20));

        assertThat(write(op("a", 20, 20))).isEqualTo(WriteOutcome.Status.WRITTEN);
        assertThat(count()).isEqualTo(1);
        assertThat(stored("a")).hasValue(20);
    }

    @Test
    void givenNewerVersionStored_whenOlderArrives_thenSupersededAndTheNewerStays() {
        write(op("a", 20, 20));

        assertThat(write(op("a", 10, 10))).isEqualTo(WriteOutcome.Status.SUPERSEDED);
        assertThat(stored("a")).hasValue(20);
    }

    @Test
    void givenOlderVersionStored_whenNewerArrives_thenWrittenAndReplaced() {
        write(op("a", 10, 10));

        assertThat(write(op("a", 30, 30))).isEqualTo(WriteOutcome.Status.WRITTEN);
        assertThat(stored("a")).hasValue(30);
    }

    @Test
    void givenDocumentTheIndexRefuses_whenWritten_thenRejectedWithAReasonAndNotStored() {
        List<WriteOutcome> outcomes = sink().write(List.of(rawOp("b", 1, "{\"unknown\":1}")), soon());

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(WriteOutcome.Status.REJECTED);
            assertThat(o.detail()).isNotBlank();
            assertThat(o.done()).isFalse();
        });
        assertThat(stored("b")).isEmpty();
    }

    @Test
    void givenMixedOps_whenWrittenTogether_thenOneOutcomePerOpInOrder() {
        DocumentSink sink = sink();
        sink.write(List.of(op("a", 10, 10)), soon());

        List<WriteOutcome> outcomes = sink.write(
                List.of(op("b", 1, 1), op("a", 5, 5), rawOp("c", 1, "{\"unknown\":1}"), op("d", 1, 1)), soon());

        assertThat(outcomes)
                .extracting(WriteOutcome::status)
                .containsExactly(
                        WriteOutcome.Status.WRITTEN,
                        WriteOutcome.Status.SUPERSEDED,
                        WriteOutcome.Status.REJECTED,
                        WriteOutcome.Status.WRITTEN);
        assertThat(stored("a")).hasValue(10);
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void givenNoOps_whenWritten_thenNoOutcomes() {
        assertThat(sink().write(List.of(), soon())).isEmpty();
    }

    @Test
    void givenMoreOpsThanOneRequestHolds_whenWritten_thenEveryOneIsWritten() {
        List<IndexOp> ops = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ops.add(op("doc-" + i, i, i));
        }

        List<WriteOutcome> outcomes = sink().write(ops, soon());

        assertThat(outcomes).hasSize(500).allMatch(o -> o.status() == WriteOutcome.Status.WRITTEN);
        assertThat(count()).isEqualTo(500);
        assertThat(stored("doc-499")).hasValue(499);
    }

    @Test
    void givenBackendUnreachable_whenTheDeadlinePasses_thenEveryOpIsTransient() {
        List<WriteOutcome> outcomes = unreachableSink()
                .write(List.of(op("a", 1, 1), op("b", 1, 1)), Instant.now().plusMillis(500));

        assertThat(outcomes).hasSize(2).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(WriteOutcome.Status.TRANSIENT);
            assertThat(o.detail()).isNotBlank();
            assertThat(o.done()).isFalse();
        });
    }

    private WriteOutcome.Status write(IndexOp op) {
        return sink().write(List.of(op), soon()).getFirst().status();
    }

    private IndexOp op(String id, long version, long value) {
        return rawOp(id, version, "{\"v\":" + value + "}");
    }

    private IndexOp rawOp(String id, long version, String json) {
        return new IndexOp(index, id, version, json.getBytes(StandardCharsets.UTF_8));
    }

    private static Instant soon() {
        return Instant.now().plus(Duration.ofSeconds(20));
    }
}
