package dev.pulse.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drops the JSON lines (structured logs, EMF metrics) that the functions under test print, so the benchmark's own
 * figures stay readable; every other line passes through. The EMF metrics it is told to tally are summed on the way,
 * so a benchmark can report what the functions themselves counted.
 */
public final class JsonLineFilter extends OutputStream {
    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Map<String, LongAdder> tallies = new ConcurrentHashMap<>();

    public JsonLineFilter(OutputStream out, String... tallied) {
        this.out = out;
        for (String metric : tallied) {
            tallies.put(metric, new LongAdder());
        }
    }

    /** The sum of an EMF metric over the lines seen since the last call, which starts the next sum. */
    public long takeTotal(String metric) {
        return tallies.get(metric).sumThenReset();
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            byte[] bytes = line.toByteArray();
            line.reset();
            if (bytes.length == 0 || bytes[0] != '{') {
                out.write(bytes);
                out.flush();
            } else if (!tallies.isEmpty()) {
                tally(bytes);
            }
        }
    }

    private void tally(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.contains("\"_aws\"")) {
            return;
        }
        JsonNode metrics = Json.read(text, JsonNode.class);
        for (var entry : tallies.entrySet()) {
            JsonNode value = metrics.path(entry.getKey());
            // Powertools writes a metric added once per flush as a number, added more than once as a list
            for (JsonNode each : value.isArray() ? value : List.of(value)) {
                if (each.isNumber()) {
                    entry.getValue().add(each.asLong());
                }
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }
}
