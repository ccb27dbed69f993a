package dev.pulse.local.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import java.io.PrintStream;
import java.time.Instant;

/**
 * Writes Lambda's JSON log format: application lines ({@code timestamp, level, message, AWSRequestId}) and platform
 * events ({@code time, type, record}). A {@code function} field is added because, unlike CloudWatch log groups, every
 * local function shares one output.
 */
public final class JsonLog {
    private final PrintStream out;
    private final boolean platformEvents;

    public JsonLog(PrintStream out, boolean platformEvents) {
        this.out = out;
        this.platformEvents = platformEvents;
    }

    public void application(String function, String requestId, String level, String message) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("message", message);
        line.put("AWSRequestId", requestId);
        line.put("function", function);
        write(line);
    }

    public void platform(String function, String type, ObjectNode record) {
        if (!platformEvents) {
            return;
        }
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("type", type);
        line.set("record", record);
        line.put("function", function);
        write(line);
    }

    /** Runtime messages (start-up, shutdown, poller state), in the same JSON shape as application lines. */
    public void runtime(String level, String message) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("message", message);
        line.put("function", "pulse-local");
        write(line);
    }

    private void write(ObjectNode line) {
        String text = Json.write(line);
        synchronized (out) {
            out.println(text);
        }
    }
}
