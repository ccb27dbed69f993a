package dev.pulse.local.kinesis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import dev.pulse.local.LocalSettings;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;

/**
 * Builds the {@code KinesisEvent} JSON that Lambda's event-source mapping sends, record by record. The one event
 * builder: the runtime's mappings, redrive, benchmarks and tests all use it.
 */
public final class KinesisEventFactory {
    private final String region;
    private final String streamArn;
    private final String invokeIdentityArn;

    public KinesisEventFactory(String region, String streamArn, String invokeIdentityArn) {
        this.region = region;
        this.streamArn = streamArn;
        this.invokeIdentityArn = invokeIdentityArn;
    }

    /** The events a mapping from {@code stream} sends {@code function}, with the local region and account's ARNs. */
    public static KinesisEventFactory forMapping(LocalSettings settings, String stream, String function) {
        return new KinesisEventFactory(
                settings.region(), settings.streamArn(stream), settings.executionRoleArn(function));
    }

    /** The stream's ARN that every event record names as its source. */
    public String streamArn() {
        return streamArn;
    }

    public ObjectNode event(List<StreamRecord> records) {
        ObjectNode event = Json.mapper().createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (StreamRecord record : records) {
            ObjectNode item = array.addObject();
            ObjectNode kinesis = item.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", record.partitionKey());
            kinesis.put("sequenceNumber", record.sequenceNumber());
            kinesis.put("data", Base64.getEncoder().encodeToString(record.data()));
            // Seconds with millisecond decimals, as Lambda writes it (1545084650.987), never in exponent form.
            kinesis.put(
                    "approximateArrivalTimestamp",
                    BigDecimal.valueOf(record.arrival().toEpochMilli(), 3));
            item.put("eventSource", "aws:kinesis");
            item.put("eventVersion", "1.0");
            item.put("eventID", record.shardId() + ":" + record.sequenceNumber());
            item.put("eventName", "aws:kinesis:record");
            item.put("invokeIdentityArn", invokeIdentityArn);
            item.put("awsRegion", region);
            item.put("eventSourceARN", streamArn);
        }
        return event;
    }
}
