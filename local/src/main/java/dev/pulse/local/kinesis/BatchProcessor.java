package dev.pulse.local.kinesis;

import dev.pulse.core.json.Json;
import dev.pulse.core.topology.StreamMappingSpec;
import dev.pulse.local.lambda.InvocationResult;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Delivers one shard's batch with the error handling of Lambda's Kinesis event-source mapping:
 *
 * <ul>
 *   <li>success: checkpoint after the last record;
 *   <li>partial batch response: checkpoint before the lowest failed record and retry from it (one retry used);
 *   <li>function error (thrown, timed out, or an invalid partial response): bisect the batch if enabled (splitting
 *       uses no retry), else retry the whole batch;
 *   <li>retries exhausted, or records older than the maximum age: send the batch's metadata to the on-failure
 *       destination and checkpoint past it.
 * </ul>
 *
 * <p>Records are delivered in order and a checkpoint never moves backwards, so committed records are never
 * redelivered.
 */
final class BatchProcessor {
    private record Pending(List<StreamRecord> records, int retries, int invokes) {}

    private final StreamMappingSpec mapping;
    private final LocalFunction function;
    private final KinesisEventFactory events;
    private final CheckpointStore checkpoints;
    private final FailureDestination destination;
    private final MappingStats stats;
    private final MappingTuning tuning;
    private final JsonLog log;
    private final Clock clock;
    private final boolean commitEachRecord;

    BatchProcessor(
            StreamMappingSpec mapping,
            LocalFunction function,
            KinesisEventFactory events,
            CheckpointStore checkpoints,
            FailureDestination destination,
            MappingStats stats,
            MappingTuning tuning,
            JsonLog log,
            Clock clock,
            boolean commitEachRecord) {
        this.mapping = mapping;
        this.function = function;
        this.events = events;
        this.checkpoints = checkpoints;
        this.destination = destination;
        this.stats = stats;
        this.tuning = tuning;
        this.log = log;
        this.clock = clock;
        this.commitEachRecord = commitEachRecord;
    }

    /** Returns once every record is committed or discarded; throws if interrupted, leaving the rest uncommitted. */
    void process(List<StreamRecord> records) throws InterruptedException {
        Deque<Pending> queue = new ArrayDeque<>();
        for (List<StreamRecord> batch : PayloadLimit.split(records)) {
            queue.add(new Pending(batch, 0, 0));
        }
        while (!queue.isEmpty()) {
            Pending batch = dropExpired(queue.pollFirst());
            if (batch.records().isEmpty()) {
                continue;
            }
            InvocationResult result = function.invoke(Json.write(events.event(batch.records())));
            if (Thread.interrupted()) {
                // Shutting down: an interrupted invocation is no verdict on the records, so nothing is committed.
                throw new InterruptedException("mapping stopped");
            }
            int invokes = batch.invokes() + 1;
            int failedAt = result.failed()
                    ? BatchResponse.WHOLE_BATCH
                    : mapping.reportBatchItemFailures()
                            ? BatchResponse.firstFailure(result.response(), batch.records())
                            : BatchResponse.SUCCESS;
            stats.invoked(
                    batch.records().size(),
                    failedAt == BatchResponse.SUCCESS ? batch.records().size() : Math.max(0, failedAt));
            if (failedAt == BatchResponse.SUCCESS) {
                commit(batch.records().getLast());
            } else if (failedAt >= 0) {
                if (failedAt > 0) {
                    commit(batch.records().get(failedAt - 1));
                }
                List<StreamRecord> rest =
                        batch.records().subList(failedAt, batch.records().size());
                retryOrDiscard(queue, new Pending(rest, batch.retries() + 1, invokes), result);
            } else if (mapping.bisectOnError() && batch.records().size() > 1) {
                int half = batch.records().size() / 2;
                queue.addFirst(new Pending(
                        batch.records().subList(half, batch.records().size()), batch.retries(), invokes));
                queue.addFirst(new Pending(batch.records().subList(0, half), batch.retries(), invokes));
            } else {
                retryOrDiscard(queue, new Pending(batch.records(), batch.retries() + 1, invokes), result);
            }
        }
    }

    private void retryOrDiscard(Deque<Pending> queue, Pending next, InvocationResult last) throws InterruptedException {
        int max = mapping.maxRetryAttempts();
        if (max >= 0 && next.retries() > max) {
            discard(FailureMetadata.Condition.RetryAttemptsExhausted, next, Optional.of(last));
            return;
        }
        Thread.sleep(tuning.backoff(next.retries()));
        queue.addFirst(next);
    }

    /** Records older than the maximum age are discarded before any (re)invocation, as Lambda does. */
    private Pending dropExpired(Pending batch) throws InterruptedException {
        Duration maxAge = mapping.maxRecordAge();
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            return batch;
        }
        Instant oldest = clock.instant().minus(maxAge);
        int expired = 0;
        while (expired < batch.records().size()
                && batch.records().get(expired).arrival().isBefore(oldest)) {
            expired++;
        }
        if (expired == 0) {
            return batch;
        }
        List<StreamRecord> old = batch.records().subList(0, expired);
        discard(
                FailureMetadata.Condition.RecordAgeExceeded,
                new Pending(old, batch.retries(), batch.invokes()),
                Optional.empty());
        return new Pending(batch.records().subList(expired, batch.records().size()), batch.retries(), batch.invokes());
    }

    private void discard(FailureMetadata.Condition condition, Pending batch, Optional<InvocationResult> last)
            throws InterruptedException {
        String metadata = Json.write(FailureMetadata.of(
                condition,
                function.identity().arn(),
                batch.invokes(),
                last,
                events.streamArn(),
                batch.records(),
                clock.instant()));
        log.runtime(
                "WARN",
                "discarding " + batch.records().size() + " record(s) of "
                        + batch.records().getFirst().shardId() + " (" + condition + "): " + metadata);
        if (destination != null) {
            deliver(metadata);
        }
        stats.dropped(batch.records().size());
        commit(batch.records().getLast());
    }

    /** The destination must get the metadata before the records are skipped, or they would be lost silently. */
    private void deliver(String metadata) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                destination.send(metadata);
                return;
            } catch (RuntimeException e) {
                log.runtime("ERROR", "on-failure destination unavailable (attempt " + attempt + "): " + e.getMessage());
                Thread.sleep(tuning.backoff(attempt));
            }
        }
    }

    /** Lanes of a parallelized shard commit nothing themselves: the shard commits once every lane is done. */
    private void commit(StreamRecord record) {
        if (!commitEachRecord) {
            return;
        }
        checkpoints.put(record.shardId(), record.sequenceNumber());
    }
}
