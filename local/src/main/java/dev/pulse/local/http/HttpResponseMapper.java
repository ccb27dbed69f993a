package dev.pulse.local.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a function's response to HTTP as payload format 2.0 does: an object with {@code statusCode} is used as is
 * (headers, multi-value headers, cookies, body, base64 bodies decoded); any other valid JSON becomes a 200
 * {@code application/json} response whose body is that JSON (a JSON string becomes the body text itself).
 */
public final class HttpResponseMapper {
    private HttpResponseMapper() {}

    public static HttpResponseData map(String response) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(response);
        } catch (JsonProcessingException e) {
            return HttpResponseData.internalError();
        }
        if (node == null || !node.isObject() || !node.has("statusCode")) {
            String body = node != null && node.isTextual() ? node.asText() : response;
            return new HttpResponseData(
                    200, Map.of("content-type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8));
        }
        JsonNode status = node.get("statusCode");
        if (!status.canConvertToInt() || status.asInt() < 100 || status.asInt() > 599) {
            return HttpResponseData.internalError();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        node.path("headers")
                .properties()
                .forEach(e -> add(headers, e.getKey(), e.getValue().asText()));
        node.path("multiValueHeaders")
                .properties()
                .forEach(e -> e.getValue().forEach(v -> add(headers, e.getKey(), v.asText())));
        node.path("cookies").forEach(c -> add(headers, "set-cookie", c.asText()));
        byte[] body = new byte[0];
        JsonNode text = node.get("body");
        if (text != null && !text.isNull()) {
            boolean base64 = node.path("isBase64Encoded").asBoolean(false);
            try {
                body = base64
                        ? Base64.getDecoder().decode(text.asText())
                        : text.asText().getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return HttpResponseData.internalError();
            }
        }
        return new HttpResponseData(status.asInt(), headers, body);
    }

    private static void add(Map<String, List<String>> headers, String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(value);
    }
}
