package dev.pulse.local.kinesis;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test function loaded by class name like a real handler. Each test registers a script under its unique function
 * name; every invocation's record payloads are recorded, in order, for the assertions.
 */
public final class ScriptedKinesisFunction implements RequestHandler<KinesisEvent, StreamsEventResponse> {
    /** What the function does with one batch: return a response or throw. */
    @FunctionalInterface
    public interface Script {
        StreamsEventResponse handle(List<KinesisEvent.KinesisEventRecord> records, int invocation);
    }

    private static final Map<String, Script> SCRIPTS = new ConcurrentHashMap<>();
    private static final Map<String, List<List<String>>> CALLS = new ConcurrentHashMap<>();

    public static void script(String function, Script script) {
        SCRIPTS.put(function, script);
        CALLS.put(function, new CopyOnWriteArrayList<>());
    }

    /** The payloads of each invocation so far, in invocation order. */
    public static List<List<String>> calls(String function) {
        return CALLS.getOrDefault(function, List.of());
    }

    public static String payload(KinesisEvent.KinesisEventRecord record) {
        return StandardCharsets.UTF_8.decode(record.getKinesis().getData()).toString();
    }

    public static StreamsEventResponse ok() {
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }

    public static StreamsEventResponse failFrom(KinesisEvent.KinesisEventRecord record) {
        return StreamsEventResponse.builder()
                .withBatchItemFailures(List.of(new StreamsEventResponse.BatchItemFailure(
                        record.getKinesis().getSequenceNumber())))
                .build();
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        List<KinesisEvent.KinesisEventRecord> records = event.getRecords();
        List<List<String>> calls = CALLS.get(context.getFunctionName());
        int invocation = calls.size();
        calls.add(records.stream()
                .map(r -> StandardCharsets.UTF_8
                        .decode(r.getKinesis().getData().duplicate())
                        .toString())
                .toList());
        return SCRIPTS.get(context.getFunctionName()).handle(records, invocation);
    }
}
