package dev.pulse.tools.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The v1 contract as the README documents it: exactly these fields, of these types. Returns what breaks it. */
final class V1Contract {
    private V1Contract() {}

    static List<String> searchViolations(int status, String body) {
        List<String> problems = new ArrayList<>();
        JsonNode json;
        try {
            json = Json.read(body, JsonNode.class);
        } catch (RuntimeException e) {
            return List.of("not JSON: " + body);
        }
        if (status != 200) {
            fields(json, Set.of("status", "error_code", "error_message", "request_id", "server_time"), "", problems);
            return problems;
        }
        fields(json, Set.of("status", "term", "count", "data", "request_id", "server_time"), "", problems);
        expect(json.path("status").asText().equals("ok"), "status is not ok", problems);
        expect(json.path("term").isTextual(), "term is not text", problems);
        expect(json.path("count").isIntegralNumber(), "count is not an integer", problems);
        expect(json.path("request_id").isTextual(), "request_id is not text", problems);
        expect(json.path("server_time").isTextual(), "server_time is not text", problems);
        expect(json.path("data").isArray(), "data is not an array", problems);
        for (JsonNode page : json.path("data")) {
            fields(
                    page,
                    Set.of("page_id", "page_name", "user_name", "category_name", "fan_count", "is_verified"),
                    "data[].",
                    problems);
            expect(page.path("page_id").isTextual(), "page_id is not text", problems);
            expect(page.path("page_name").isTextual(), "page_name is not text", problems);
            expect(page.path("fan_count").isIntegralNumber(), "fan_count is not an integer", problems);
            expect(page.path("is_verified").isBoolean(), "is_verified is not a boolean", problems);
        }
        return problems;
    }

    private static void fields(JsonNode node, Set<String> expected, String prefix, List<String> problems) {
        Set<String> actual = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            actual.add(it.next());
        }
        if (!actual.equals(new TreeSet<>(expected))) {
            problems.add(prefix + "fields " + actual + " are not " + new TreeSet<>(expected));
        }
    }

    private static void expect(boolean condition, String problem, List<String> problems) {
        if (!condition) {
            problems.add(problem);
        }
    }
}
