package dev.pulse.local.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** An SQS-triggered function: records each body it handles and reports a body of {@code fail} as a batch failure. */
public final class ShardProbeFunction implements RequestStreamHandler {
    static final Queue<String> HANDLED = new ConcurrentLinkedQueue<>();
    static final Queue<String> EVENT_SOURCES = new ConcurrentLinkedQueue<>();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        JsonNode event = Json.mapper().readTree(input);
        List<Map<String, String>> failures = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            EVENT_SOURCES.add(record.path("eventSource").asText());
            String body = record.path("body").asText();
            if (body.equals("fail")) {
                failures.add(Map.of("itemIdentifier", record.path("messageId").asText()));
            } else {
                HANDLED.add(body);
            }
        }
        output.write(Json.write(Map.of("batchItemFailures", failures)).getBytes(StandardCharsets.UTF_8));
    }
}
