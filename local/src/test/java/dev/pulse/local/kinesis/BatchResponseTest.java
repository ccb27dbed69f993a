package dev.pulse.local.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The partial batch response rules Lambda documents for Kinesis (ReportBatchItemFailures): what counts as a complete
 * success, what fails the whole batch, and where processing resumes otherwise.
 */
class BatchResponseTest {
    private static final String FIRST = "49590338271490256608559692538361571095921575989136588801";
    private static final String SECOND = "49590338271490256608559692538361571095921575989136588802";
    private static final String THIRD = "49590338271490256608559692538361571095921575989136588803";
    private static final List<StreamRecord> BATCH = List.of(record(FIRST), record(SECOND), record(THIRD));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "null",
                "{\"batchItemFailures\":[]}",
                "{\"batchItemFailures\":null}",
                "\"ok\"",
            })
    void givenNoFailuresReported_thenTheBatchSucceeds(String response) {
        assertThat(BatchResponse.firstFailure(response, BATCH)).isEqualTo(BatchResponse.SUCCESS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
                "{\"batchItemFailures\":[{}]}",
                "{\"batchItemFailures\":[{\"itemId\":\"" + SECOND + "\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"not-a-sequence-number\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"1\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + SECOND + "\"},{\"itemIdentifier\":\"\"}]}",
                "{\"batchItemFailures\":{\"itemIdentifier\":\"" + SECOND + "\"}}",
                "{\"batchItemFailures\":[",
            })
    void givenAnEmptyNullBadlyKeyedUnknownOrMalformedIdentifier_thenTheWholeBatchFails(String response) {
        assertThat(BatchResponse.firstFailure(response, BATCH)).isEqualTo(BatchResponse.WHOLE_BATCH);
    }

    @Test
    void givenSeveralFailures_thenProcessingResumesAtTheLowestSequenceNumber() {
        String response = "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + THIRD + "\"},{\"itemIdentifier\":\""
                + SECOND + "\"}]}";

        assertThat(BatchResponse.firstFailure(response, BATCH)).isEqualTo(1);
    }

    @Test
    void givenTheFirstRecordFailed_thenNothingOfTheBatchIsCommitted() {
        String response = "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + FIRST + "\"}]}";

        assertThat(BatchResponse.firstFailure(response, BATCH)).isZero();
    }

    private static StreamRecord record(String sequenceNumber) {
        return new StreamRecord("shardId-000000000000", sequenceNumber, "k", new byte[] {1}, Instant.EPOCH);
    }
}
