package dev.pulse.local.kinesis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import dev.pulse.local.lambda.FunctionIdentity;
import dev.pulse.local.lambda.InvocationResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The JSON document Lambda sends to a Kinesis mapping's on-failure destination: the failed invocation's context and
 * the position of the discarded records ({@code KinesisBatchInfo}), never the records themselves.
 */
public final class FailureMetadata {
    /** Why the records were discarded, Lambda's {@code requestContext.condition}. */
    public enum Condition {
        RetryAttemptsExhausted,
        RecordAgeExceeded
    }

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private FailureMetadata() {}

    public static ObjectNode of(
            Condition condition,
            String functionArn,
            int invokeCount,
            Optional<InvocationResult> lastInvocation,
            String streamArn,
            List<StreamRecord> records,
            Instant now) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode request = root.putObject("requestContext");
        request.put(
                "requestId",
                lastInvocation
                        .map(InvocationResult::requestId)
                        .orElse(java.util.UUID.randomUUID().toString()));
        request.put("functionArn", functionArn);
        request.put("condition", condition.name());
        request.put("approximateInvokeCount", invokeCount);
        ObjectNode response = root.putObject("responseContext");
        // No invocation (records too old before the first attempt) has no HTTP status from Lambda's invoke API.
        response.put("statusCode", lastInvocation.isPresent() ? 200 : 0);
        response.put("executedVersion", FunctionIdentity.VERSION);
        lastInvocation.filter(InvocationResult::failed).ifPresent(r -> response.put("functionError", "Unhandled"));
        root.put("version", "1.0");
        root.put("timestamp", TIMESTAMP.format(now));
        ObjectNode info = root.putObject("KinesisBatchInfo");
        StreamRecord first = records.getFirst();
        StreamRecord last = records.getLast();
        info.put("shardId", first.shardId());
        info.put("startSequenceNumber", first.sequenceNumber());
        info.put("endSequenceNumber", last.sequenceNumber());
        info.put("approximateArrivalOfFirstRecord", TIMESTAMP.format(first.arrival()));
        info.put("approximateArrivalOfLastRecord", TIMESTAMP.format(last.arrival()));
        info.put("batchSize", records.size());
        info.put("streamArn", streamArn);
        return root;
    }
}
