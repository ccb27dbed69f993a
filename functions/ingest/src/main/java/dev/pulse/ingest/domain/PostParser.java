package dev.pulse.ingest.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.json.Json;
import dev.pulse.ingest.domain.ParseResult.Parsed;
import dev.pulse.ingest.domain.ParseResult.Rejected;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Graph-API-shaped page post (see the README's accepted schema) and validates it, its times within a {@link
 * TimeWindow}. Never throws: every problem becomes a {@link Rejected} with its reason, so one bad record can never
 * fail a batch.
 */
public final class PostParser {
    /**
     * Duplicate keys are malformed: which of two {@code id}s is meant depends on the parser, so a post that two
     * readers could see differently is not indexed at all.
     */
    private static final ObjectReader READER =
            Json.mapper().reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final int maxBytes;
    private final TimeWindow window;

    /** A parser whose time window ends a day past {@code clock}'s now. */
    public PostParser(int maxBytes, Clock clock) {
        this.maxBytes = maxBytes;
        this.window = TimeWindow.of(clock);
    }

    /** A parser on the system clock (tools and benchmarks). */
    public PostParser(int maxBytes) {
        this(maxBytes, Clock.systemUTC());
    }

    public ParseResult parse(byte[] payload) {
        try {
            return read(payload);
        } catch (RuntimeException e) {
            // the last line of defence: whatever one record does to the JSON library or java.time stays its own
            return new Rejected(PoisonReason.INVALID_VALUE, "cannot read the post: " + e);
        }
    }

    private ParseResult read(byte[] payload) {
        if (payload.length > maxBytes) {
            return new Rejected(
                    PoisonReason.OVERSIZED, "record is " + payload.length + " bytes, the limit is " + maxBytes);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Rejected(PoisonReason.INVALID_UTF8, "payload is not valid UTF-8: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = READER.readTree(text);
        } catch (JsonProcessingException e) {
            return new Rejected(PoisonReason.MALFORMED_JSON, e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return new Rejected(PoisonReason.MALFORMED_JSON, "a post must be a JSON object");
        }
        try {
            return new Parsed(read(new Fields(root), window));
        } catch (InvalidPostException e) {
            return new Rejected(e.reason(), e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Rejected(PoisonReason.INVALID_VALUE, String.valueOf(e.getMessage()));
        }
    }

    private static Post read(Fields post, TimeWindow window) {
        String id = post.text("id", true, PoisonReason.MISSING_ID);
        int separator = id.indexOf('_');
        if (separator <= 0 || separator == id.length() - 1) {
            throw new InvalidPostException(PoisonReason.INVALID_VALUE, "id must be pageId_postId, was '" + id + "'");
        }
        Fields from = post.object("from");
        String pageId = from.text("id", true, PoisonReason.MISSING_FIELD);
        if (!id.startsWith(pageId + "_")) {
            throw new InvalidPostException(
                    PoisonReason.INVALID_VALUE, "from.id " + pageId + " does not prefix post id " + id);
        }
        var created = post.time("created_time", true, window);
        var updated = post.time("updated_time", false, window);
        updated = updated == null ? created : updated;
        var pageUpdated = from.time("updated_time", false, window);
        PageDocument page = new PageDocument(
                pageId,
                from.text("name", true, PoisonReason.MISSING_FIELD),
                from.textOr("username", post),
                from.textOr("category", post),
                from.longOr("fan_count", post),
                from.boolOr("verified", post),
                pageUpdated == null ? updated : pageUpdated);
        return new Post(
                id,
                post.text("message", false, PoisonReason.MISSING_FIELD),
                mentions(post.node().get("message_tags")),
                created,
                updated,
                post.count("shares", "count"),
                post.count("reactions", "summary", "total_count"),
                post.count("comments", "summary", "total_count"),
                post.text("permalink_url", false, PoisonReason.MISSING_FIELD),
                page);
    }

    private static List<String> mentions(JsonNode tags) {
        if (tags == null || tags.isNull()) {
            return List.of();
        }
        if (!tags.isArray()) {
            throw new InvalidPostException(PoisonReason.WRONG_TYPE, "message_tags must be an array");
        }
        List<String> mentions = new ArrayList<>();
        for (JsonNode tag : tags) {
            if (!tag.isObject()) {
                throw new InvalidPostException(PoisonReason.WRONG_TYPE, "message_tags entries must be objects");
            }
            Fields fields = new Fields(tag);
            String tagId = fields.text("id", true, PoisonReason.MISSING_FIELD);
            String type = fields.text("type", false, PoisonReason.MISSING_FIELD);
            fields.text("name", false, PoisonReason.MISSING_FIELD);
            fields.longValue("offset");
            fields.longValue("length");
            if ((type == null || "page".equals(type)) && !mentions.contains(tagId)) {
                mentions.add(tagId);
            }
        }
        return mentions;
    }
}
