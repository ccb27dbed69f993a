package dev.pulse.ingest.adapter.opensearch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pulse.core.json.Json;
import dev.pulse.ingest.application.IndexOp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The NDJSON of a {@code _bulk} request, and its split into requests of at most a byte budget. Every action is an
 * externally versioned index ({@code external_gte}): an equal version may overwrite, so a retried write succeeds
 * again, and an older one is refused with 409, so a page never regresses.
 */
final class BulkBody {
    private BulkBody() {}

    static byte[] action(IndexOp op) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeObjectFieldStart("index");
            json.writeStringField("_index", op.index());
            json.writeStringField("_id", op.id());
            json.writeNumberField("version", op.version());
            json.writeStringField("version_type", "external_gte");
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An {@code _mget} body: {@code {"ids":[…]}}. */
    static byte[] ids(List<String> ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + ids.size() * 24);
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("ids");
            for (String id : ids) {
                json.writeString(id);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static int size(byte[] action, IndexOp op) {
        return action.length + op.source().length + 2;
    }

    /** Groups op positions into requests of at most {@code maxBytes}; an op bigger than that goes alone. */
    static List<List<Integer>> chunks(List<Integer> positions, int[] sizes, int maxBytes) {
        List<List<Integer>> chunks = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long bytes = 0;
        for (int position : positions) {
            if (!current.isEmpty() && bytes + sizes[position] > maxBytes) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(position);
            bytes += sizes[position];
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    static byte[] encode(List<Integer> positions, List<IndexOp> ops, byte[][] actions, int[] sizes) {
        int total = 0;
        for (int position : positions) {
            total += sizes[position];
        }
        byte[] body = new byte[total];
        int at = 0;
        for (int position : positions) {
            byte[] action = actions[position];
            byte[] source = ops.get(position).source();
            System.arraycopy(action, 0, body, at, action.length);
            at += action.length;
            body[at++] = '\n';
            System.arraycopy(source, 0, body, at, source.length);
            at += source.length;
            body[at++] = '\n';
        }
        return body;
    }
}
