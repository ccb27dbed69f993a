package dev.pulse.legacy.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import dev.pulse.legacy.application.Backend;
import dev.pulse.legacy.application.NewService;
import dev.pulse.legacy.domain.BackendResponse;
import dev.pulse.legacy.domain.Hygiene;
import dev.pulse.legacy.domain.LegacyRoute;
import dev.pulse.legacy.domain.LegacyRoutes;
import dev.pulse.legacy.domain.ProxyRequest;
import dev.pulse.legacy.domain.QueryString;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The v1 contract over Pulse's HTTP API: {@code /api/v1/pages/search} over {@code GET /mentions}, {@code
 * /api/v1/account} over {@code GET /accounts/me}, {@code /api/v1/reports/hourly} over {@code GET
 * /accounts/me/dashboards/hour}. Each answer has v1's fields in v1's order, its error shape and its stamps. Only the
 * account routes send the caller's {@code Authorization} (the Pulse token); search sends no credential at all.
 */
public final class PulseApiAdapters implements NewService {
    static final int V1_DEFAULT_COUNT = 10;

    private final Backend pulse;
    private final Duration timeout;
    private final Clock clock;

    public PulseApiAdapters(Backend pulse, Duration timeout, Clock clock) {
        this.pulse = pulse;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public BackendResponse answer(LegacyRoute route, ProxyRequest request) {
        Map<String, String> query = QueryString.parse(request.rawQuery());
        try {
            return switch (route.name()) {
                case LegacyRoutes.PAGES_SEARCH -> search(query);
                case LegacyRoutes.ACCOUNT -> account(request);
                case LegacyRoutes.HOURLY_REPORTS -> hourly(request, query);
                default -> throw new Backend.BackendFailure("no adapter for route " + route.name(), null, false);
            };
        } catch (Backend.BackendFailure e) {
            throw e;
        } catch (RuntimeException e) {
            // An answer the adapter cannot read into v1's fields (a missing field, a bad instant) is the new service
            // breaking its own contract: fall back rather than send v1 clients something v1 never sent.
            throw new Backend.BackendFailure("new service answered what v1 cannot express: " + e, e, false);
        }
    }

    private BackendResponse search(Map<String, String> query) {
        StringBuilder path = new StringBuilder("/mentions?");
        if (query.containsKey("term")) {
            path.append("q=").append(QueryString.encode(query.get("term"))).append('&');
        }
        path.append("limit=")
                .append(QueryString.encode(query.getOrDefault("count", Integer.toString(V1_DEFAULT_COUNT))));
        BackendResponse answer = call(path.toString(), Map.of());
        if (answer.status() == 400) {
            return error(400, "BAD_REQUEST", message(answer));
        }
        JsonNode body = ok(answer);
        ObjectNode v1 = v1Ok();
        v1.put("term", body.path("query").asText());
        v1.put(
                "count",
                Integer.parseInt(query.getOrDefault("count", Integer.toString(V1_DEFAULT_COUNT))
                        .strip()));
        ArrayNode pages = v1.putArray("data");
        for (JsonNode page : body.path("results")) {
            ObjectNode row = pages.addObject();
            row.set("page_id", page.path("pageId"));
            row.set("page_name", page.path("name"));
            row.set("user_name", page.path("username"));
            row.set("category_name", page.path("category"));
            row.put("fan_count", page.path("fans").asLong());
            row.put("is_verified", page.path("verified").asBoolean());
        }
        return stamped(200, v1);
    }

    private BackendResponse account(ProxyRequest request) {
        if (blank(request.header(Hygiene.V1_USER))) {
            return error(400, "BAD_REQUEST", "X-V1-User: v1 needs its session header");
        }
        BackendResponse answer = call("/accounts/me", token(request));
        if (answer.status() == 404) {
            return error(404, "NO_ACCOUNT", "the user belongs to no account");
        }
        JsonNode a = ok(answer);
        ObjectNode v1 = v1Ok();
        ObjectNode account = v1.putObject("account");
        account.set("account_id", a.path("accountId"));
        account.set("account_name", a.path("name"));
        account.set("plan_name", a.path("plan"));
        account.put("tracked_pages_limit", a.path("limits").path("trackedPages").asInt());
        account.put("created_at", Instant.parse(a.path("createdAt").asText()).toString());
        return stamped(200, v1);
    }

    private BackendResponse hourly(ProxyRequest request, Map<String, String> query) {
        Instant from;
        Instant to;
        try {
            from = Instant.parse(required(query, "from"));
            to = Instant.parse(required(query, "to"));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return error(400, "BAD_REQUEST", "from and to must be ISO-8601 instants");
        }
        if (from.isAfter(to) || Duration.between(from, to).compareTo(Duration.ofDays(400)) > 0) {
            return error(400, "BAD_REQUEST", "from must be before to, within 400 days");
        }
        if (blank(request.header(Hygiene.V1_USER))) {
            return error(400, "BAD_REQUEST", "X-V1-User: v1 needs its session header");
        }
        BackendResponse answer = call(
                "/accounts/me/dashboards/hour?from=" + QueryString.encode(from.toString()) + "&to="
                        + QueryString.encode(to.toString()),
                token(request));
        if (answer.status() == 404) {
            return error(404, "NO_ACCOUNT", "the user belongs to no account");
        }
        JsonNode body = ok(answer);
        ObjectNode v1 = v1Ok();
        v1.put("granularity", "hourly");
        ArrayNode rows = v1.putArray("rows");
        for (JsonNode snapshot : body.path("snapshots")) {
            ObjectNode row = rows.addObject();
            JsonNode figures = snapshot.path("figures");
            row.put(
                    "period_start",
                    Instant.parse(snapshot.path("start").asText()).toString());
            row.put("post_count", figures.path("postCount").asLong());
            row.put("engagement", figures.path("engagement").asLong());
            row.put("fans", figures.path("fans").asLong());
        }
        return stamped(200, v1);
    }

    private BackendResponse call(String pathAndQuery, Map<String, String> headers) {
        Map<String, String> sent = new LinkedHashMap<>(headers);
        sent.put("accept", "application/json");
        return pulse.send("GET", pathAndQuery, sent, new byte[0], timeout);
    }

    /** The caller's Pulse token, the one credential the new service takes; without it there is nothing to send. */
    private static Map<String, String> token(ProxyRequest request) {
        String authorization = request.header(Hygiene.AUTHORIZATION);
        if (blank(authorization)) {
            throw new Backend.BackendFailure("no Pulse token to call the new service with", null, false);
        }
        return Map.of(Hygiene.AUTHORIZATION, authorization);
    }

    /** A 200's JSON; anything else (5xx, 401, 403, 429, a body that is not JSON) is the new service failing. */
    private static JsonNode ok(BackendResponse answer) {
        if (answer.status() != 200) {
            throw new Backend.BackendFailure("new service answered " + answer.status(), null, false);
        }
        try {
            return Json.read(answer.body(), JsonNode.class);
        } catch (RuntimeException e) {
            throw new Backend.BackendFailure("new service answered no JSON", e, false);
        }
    }

    private static String message(BackendResponse answer) {
        try {
            return Json.read(answer.body(), JsonNode.class).path("message").asText("bad request");
        } catch (RuntimeException e) {
            return "bad request";
        }
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ObjectNode v1Ok() {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("status", "ok");
        return body;
    }

    private BackendResponse error(int status, String code, String message) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("status", "error");
        body.put("error_code", code);
        body.put("error_message", message);
        return stamped(status, body);
    }

    /** v1 stamped every answer with a request id and its clock; the adapter does too, so the contract holds. */
    private BackendResponse stamped(int status, ObjectNode body) {
        body.put("request_id", UUID.randomUUID().toString());
        body.put("server_time", clock.instant().toString());
        return new BackendResponse(status, Map.of("content-type", "application/json; charset=utf-8"), Json.write(body));
    }
}
