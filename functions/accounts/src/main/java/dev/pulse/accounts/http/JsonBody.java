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

/**
 * A request's JSON object body: at most 16 KB, only the fields a route names, each a string or a nested object of
 * named fields. A refusal names the field by its path, such as {@code settings.timezone}.
 */
public final class JsonBody {
    public static final int MAX_BYTES = 16 * 1024;

    private final ObjectNode node;
    private final String prefix;

    private JsonBody(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
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
        return checked(object, "", allowed);
    }

    /** A nested object field; 400 when present but not an object, or when it holds a field not in {@code allowed}. */
    public Optional<JsonBody> object(String field, Set<String> allowed) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!(value instanceof ObjectNode object)) {
            throw new InvalidInputException(prefix + field, "must be a JSON object");
        }
        return Optional.of(checked(object, prefix + field + ".", allowed));
    }

    private static JsonBody checked(ObjectNode object, String prefix, Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidInputException(prefix + name, "is not a known field");
            }
        }
        return new JsonBody(object, prefix);
    }

    /** A string field; 400 when present but not a string. */
    public Optional<String> text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(prefix + field, "must be a string");
        }
        return Optional.of(value.textValue());
    }

    public String requiredText(String field) {
        return text(field).orElseThrow(() -> new InvalidInputException(prefix + field, "is required"));
    }
}
