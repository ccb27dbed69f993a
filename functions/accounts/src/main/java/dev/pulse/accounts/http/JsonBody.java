package dev.pulse.accounts.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.accounts.domain.InvalidInputException;
import dev.pulse.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/** A request's JSON object body: at most 16 KB, only the fields a route names, each field a string. */
public final class JsonBody {
    public static final int MAX_BYTES = 16 * 1024;

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    /** Parses the body (base64 when the gateway says so); 400 on anything but an object of {@code allowed} fields. */
    public static JsonBody parse(String body, boolean base64, Set<String> allowed) {
        String text = body == null ? "" : body;
        if (base64) {
            try {
                text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("body", "is not valid base64");
            }
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInputException("body", "must be at most " + MAX_BYTES + " bytes");
        }
        JsonNode parsed;
        try {
            parsed = text.isBlank() ? null : Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new InvalidInputException("body", "is not valid JSON");
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidInputException(name, "is not a known field");
            }
        }
        return new JsonBody(object);
    }

    /** A string field; 400 when present but not a string. */
    public Optional<String> text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return Optional.of(value.textValue());
    }

    public String requiredText(String field) {
        return text(field).orElseThrow(() -> new InvalidInputException(field, "is required"));
    }
}
