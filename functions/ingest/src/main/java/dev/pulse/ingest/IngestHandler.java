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
import java.util.function.Supplier;
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

    /** A handler on a given wiring: the local runtime and benchmarks build one with their own metrics. */
    public IngestHandler(IngestWiring wiring) {
        this(wiring.service(), wiring.config().retryBudget());
    }

    IngestHandler(IngestService service, Duration retryBudget) {
        this.service = service;
        this.retryBudget = retryBudget;
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        Supplier<StreamsEventResponse> work = () -> respond(service.ingest(inbound(event), deadline(context)));
        return context == null ? work.get() : PowertoolsLogging.withLogging(context, work);
    }

    private Instant deadline(Context context) {
        Duration budget = retryBudget;
        if (context != null && context.getRemainingTimeInMillis() > 0) {
            Duration remaining =
                    Duration.ofMillis(context.getRemainingTimeInMillis()).minus(SAFETY);
            budget = remaining.compareTo(budget) < 0 ? remaining : budget;
        }
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
