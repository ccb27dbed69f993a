package dev.pulse.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The record Lambda sends to an asynchronous invocation's on-failure destination once its retries are exhausted: the
 * request (id, qualified function ARN, attempts, and the event itself) and the last response (the error payload).
 */
public final class AsyncFailureRecord {
    private AsyncFailureRecord() {}

    public static ObjectNode of(
            FunctionIdentity function, String requestId, int attempts, String event, String errorPayload, Instant at) {
        ObjectNode record = Json.mapper().createObjectNode();
        record.put("version", "1.0");
        record.put("timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString());
        ObjectNode request = record.putObject("requestContext");
        request.put("requestId", requestId);
        request.put("functionArn", function.arn() + ":" + FunctionIdentity.VERSION);
        request.put("condition", "RetriesExhausted");
        request.put("approximateInvokeCount", attempts);
        record.set("requestPayload", Json.read(event, JsonNode.class));
        ObjectNode response = record.putObject("responseContext");
        // An invocation that reached the function is a 200 with a function error, as Lambda reports it.
        response.put("statusCode", 200);
        response.put("executedVersion", FunctionIdentity.VERSION);
        response.put("functionError", "Unhandled");
        record.set("responsePayload", Json.read(errorPayload, JsonNode.class));
        return record;
    }
}
