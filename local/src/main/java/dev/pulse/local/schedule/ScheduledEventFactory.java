package dev.pulse.local.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The EventBridge scheduled-event JSON a schedule's target receives. */
public final class ScheduledEventFactory {
    private final String region;
    private final String accountId;

    public ScheduledEventFactory(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    public ObjectNode event(String schedule, ZonedDateTime time) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", accountId);
        event.put("time", DateTimeFormatter.ISO_INSTANT.format(time.toInstant().truncatedTo(ChronoUnit.SECONDS)));
        event.put("region", region);
        event.putArray("resources").add("arn:aws:events:" + region + ":" + accountId + ":rule/" + schedule);
        event.putObject("detail");
        return event;
    }
}
