package dev.pulse.reporting.adapter.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import dev.pulse.reporting.domain.Granularity;
import dev.pulse.reporting.domain.Shard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A shard as the work queue carries it: {@code {"periodKey":"day#2026-12-01T00:00:00Z","fanOut":"…","shard":0,
 * "of":4,"accountIds":["…"]}}.
 */
public final class ShardMessage {
    private ShardMessage() {}

    public static String write(Shard shard) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("periodKey", shard.window().key());
        body.put("fanOut", shard.fanOut());
        body.put("shard", shard.index());
        body.put("of", shard.count());
        shard.accounts().forEach(body.putArray("accountIds")::add);
        return Json.write(body);
    }

    /** The shard of a message body; a body that is not one is an {@link IllegalArgumentException}. */
    public static Shard read(String body) {
        JsonNode node = Json.read(body, JsonNode.class);
        String key = node.path("periodKey").asText("");
        int hash = key.indexOf('#');
        if (hash < 0 || !node.path("accountIds").isArray()) {
            throw new IllegalArgumentException("not a shard message: " + abbreviate(body));
        }
        Granularity granularity = Granularity.valueOf(key.substring(0, hash).toUpperCase(Locale.ROOT));
        List<String> accounts = new ArrayList<>();
        node.path("accountIds").forEach(a -> accounts.add(a.asText()));
        return new Shard(
                granularity.at(Instant.parse(key.substring(hash + 1))),
                node.path("fanOut").asText(),
                node.path("shard").asInt(),
                node.path("of").asInt(),
                accounts);
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
