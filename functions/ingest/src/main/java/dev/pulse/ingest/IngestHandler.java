package dev.pulse.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.pulse.ingest.application.BatchResult;
import dev.pulse.ingest.application.InboundRecord;
import dev.pulse.ingest.application.IngestService;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The Kinesis-triggered ingest function. Reports only transiently failed Kinesis records as
 * {@code batchItemFailures} (the event-source mapping has ReportBatchItemFailures on); poison never fails a batch.
 */
public final class IngestHandler implements RequestHandler<KinesisEvent, StreamsEventResponse> {
    /** Time kept back from Lambda's timeout to report failures instead of being killed mid-retry. */
    private static final Duration SAFETY = Duration.ofSeconds(10);

    private final IngestService service;
    private final Duration retryBudget;

    public IngestHandler() {
        this(IngestWiring.fromEnvironment());
    }

    private IngestHandler(IngestWiring wiring) {
        this(wiring.service(), wiring.config().retryBudget());
    }

    IngestHandler(IngestService service, Duration retryBudget) {
        this.service = service;
        this.retryBudget = retryBudget;
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> respond(service.ingest(inbound(event), deadline(context))));
    }

    /** Retries stop at the budget, or earlier when Lambda's timeout would cut them off. */
    private Instant deadline(Context context) {
        Duration remaining =
                Duration.ofMillis(context.getRemainingTimeInMillis()).minus(SAFETY);
        Duration budget = remaining.compareTo(retryBudget) < 0 ? remaining : retryBudget;
        return Instant.now().plus(budget.isNegative() ? Duration.ZERO : budget);
    }

    private static List<InboundRecord> inbound(KinesisEvent event) {
        if (event == null || event.getRecords() == null) {
            return List.of();
        }
        return event.getRecords().stream().map(IngestHandler::toInbound).toList();
    }

    private static InboundRecord toInbound(KinesisEvent.KinesisEventRecord record) {
        var kinesis = record.getKinesis();
        String eventId = record.getEventID() == null ? "" : record.getEventID();
        int colon = eventId.indexOf(':');
        String shardId = colon > 0 ? eventId.substring(0, colon) : "unknown-shard";
        ByteBuffer data = kinesis.getData() == null
                ? ByteBuffer.allocate(0)
                : kinesis.getData().duplicate();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        Instant arrival = kinesis.getApproximateArrivalTimestamp() == null
                ? null
                : kinesis.getApproximateArrivalTimestamp().toInstant();
        return new InboundRecord(
                shardId,
                kinesis.getSequenceNumber(),
                kinesis.getPartitionKey() == null ? "" : kinesis.getPartitionKey(),
                bytes,
                arrival);
    }

    private static StreamsEventResponse respond(BatchResult result) {
        return new StreamsEventResponse(result.failedSequenceNumbers().stream()
                .map(StreamsEventResponse.BatchItemFailure::new)
                .toList());
    }
}
