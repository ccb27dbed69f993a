package dev.pulse.tools.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of hostile HTTP requests to the accounts routes and {@code GET /mentions}: path segments, query
 * strings, headers and bodies, drawn mostly valid enough to reach the function, with the rest garbage.
 */
final class FuzzRequests {
    /** Who the token speaks for, or how it is broken; resolved to a real token when sent. */
    enum Auth {
        OWNER,
        EDITOR,
        VIEWER,
        NO_ACCOUNT,
        NONE,
        BEARER_ONLY,
        GARBAGE,
        EXPIRED,
        WRONG_KEY,
        TAMPERED,
        ALG_NONE,
        NOT_YET_VALID,
        WRONG_AUDIENCE,
        READ_ONLY,
        WRITE_ONLY;

        /** Whether the authorizer must refuse it (401) on any authorized route it matches. */
        boolean invalid() {
            return ordinal() >= NONE.ordinal() && this != READ_ONLY && this != WRITE_ONLY;
        }
    }

    /** One generated request: the route it aims at (for the counts), the raw path and query, headers and body. */
    record Request(
            String route,
            String method,
            String path,
            String query,
            Auth auth,
            Map<String, String> headers,
            byte[] body,
            String bodyKind) {
        String target() {
            return query == null ? path : path + "?" + query;
        }

        @Override
        public String toString() {
            String shown = target().length() > 200 ? target().substring(0, 200) + "…" : target();
            return method + " " + shown + " auth=" + auth + " headers=" + headers.keySet() + " body=" + bodyKind;
        }
    }

    private static final List<String> ROUTES = List.of(
            "GET /mentions",
            "POST /accounts",
            "GET /accounts/me",
            "PATCH /accounts/me",
            "GET /accounts/me/members",
            "PUT /accounts/me/members/{userId}",
            "DELETE /accounts/me/members/{userId}",
            "GET /accounts/me/tracked-pages",
            "PUT /accounts/me/tracked-pages/{pageId}",
            "DELETE /accounts/me/tracked-pages/{pageId}",
            "GET /accounts/me/dashboards/{period}");

    private final TenancyWorld world;
    private final String aEditor;
    private final String aCursor;

    FuzzRequests(TenancyWorld world, String aEditor, String aCursor) {
        this.world = world;
        this.aEditor = aEditor;
        this.aCursor = aCursor;
    }

    /** The route keys the fuzz covers: every route of the HTTP API. */
    static List<String> routes() {
        return ROUTES;
    }

    Arbitrary<Request> requests() {
        return Arbitraries.of(ROUTES)
                .flatMap(route -> Combinators.combine(path(route), query(route), auth(), headers(), body(route))
                        .as((path, query, auth, headers, body) -> new Request(
                                route,
                                route.substring(0, route.indexOf(' ')),
                                path,
                                query,
                                auth,
                                headers,
                                body.bytes,
                                body.kind)));
    }

    // ---- paths -----------------------------------------------------------------------------------------------------

    private Arbitrary<String> path(String route) {
        String template = route.substring(route.indexOf(' ') + 1);
        Arbitrary<String> filled = switch (template.substring(template.lastIndexOf('/') + 1)) {
            case "{userId}" -> userId().map(u -> template.replace("{userId}", u));
            case "{pageId}" -> pageId().map(p -> template.replace("{pageId}", p));
            case "{period}" -> period().map(p -> template.replace("{period}", p));
            default -> Arbitraries.just(template);
        };
        return Arbitraries.frequencyOf(
                weighted(9, filled),
                weighted(
                        1,
                        filled.flatMap(p -> Arbitraries.of(
                                p + "/",
                                p.replaceFirst("/accounts/", "/accounts//"),
                                p + "/extra",
                                p.toUpperCase(java.util.Locale.ROOT),
                                p.replace("/me", "/me/../me"),
                                p.replace("/accounts", "/./accounts"),
                                p + "%2F..",
                                p.replace("/me", "/" + world.bId())))));
    }

    private static <T> Tuple.Tuple2<Integer, Arbitrary<? extends T>> weighted(
            int weight, Arbitrary<? extends T> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }

    private Arbitrary<String> userId() {
        return Arbitraries.frequencyOf(
                weighted(4, Arbitraries.of(world.aViewer(), aEditor, world.bOwner(), world.bEditor(), world.aOwner())),
                weighted(
                        2,
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .numeric()
                                .ofMinLength(1)
                                .ofMaxLength(20)),
                weighted(4, hostileSegment()));
    }

    private Arbitrary<String> pageId() {
        return Arbitraries.frequencyOf(
                weighted(4, Arbitraries.of(TenancyWorld.PAGE_A, TenancyWorld.PAGE_B, TenancyWorld.PAGE_FREE)),
                weighted(2, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40)),
                weighted(1, Arbitraries.of("0", "00101", "-1", "1e3", "+101", "101.0", "0x65", "%20101", "101%00")),
                weighted(1, Arbitraries.of("%D9%A1%D9%A0%D9%A1", "%EF%BC%91%EF%BC%90%EF%BC%91")), // Arabic, full-width
                weighted(3, hostileSegment()));
    }

    private Arbitrary<String> period() {
        return Arbitraries.frequencyOf(
                weighted(5, Arbitraries.of("hour", "day")),
                weighted(2, Arbitraries.of("HOUR", "Day", "week", "hours", "hour%00", "h%C3%B6ur", "1")),
                weighted(3, hostileSegment()));
    }

    /** Segments a hostile client sends: digits, symbols, unicode, very long, %-escapes, dot segments. */
    static Arbitrary<String> hostileSegment() {
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings()
                        .withChars("!$&'()*+,;=:@-._~")
                        .ofMinLength(1)
                        .ofMaxLength(12),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12).map(FuzzRequests::encode),
                Arbitraries.strings().alpha().ofMinLength(129).ofMaxLength(6000),
                Arbitraries.of(
                        "..",
                        ".",
                        "%2E%2E",
                        "%2F",
                        "a%2Fb",
                        "%00",
                        "%25",
                        "%25%32%46",
                        "%C0%AE",
                        "%FF%FE",
                        "%E2%80%AE",
                        "%F0%9F%98%80",
                        "%0D%0A",
                        "%09",
                        "%20",
                        "%7B%7D",
                        "null",
                        "undefined",
                        "me",
                        "%2e"));
    }

    // ---- queries ---------------------------------------------------------------------------------------------------

    private Arbitrary<String> query(String route) {
        Arbitrary<String> specific = switch (route) {
            case "GET /accounts/me/tracked-pages" ->
                Combinators.combine(param("limit", limit()), param("cursor", cursor()))
                        .as(FuzzRequests::join);
            case "GET /accounts/me/dashboards/{period}" ->
                Combinators.combine(param("from", instant()), param("to", instant()))
                        .as(FuzzRequests::join);
            case "GET /mentions" ->
                Combinators.combine(param("q", mentionText()), param("limit", limit()))
                        .as(FuzzRequests::join);
            default -> Arbitraries.just("");
        };
        Arbitrary<String> noise = Arbitraries.of(
                "",
                "",
                "",
                "accountId=" + world.bId(),
                "limit=1&limit=2",
                "x=%FF",
                "=",
                "&&&",
                "a=" + "b".repeat(3000),
                "cursor");
        return Combinators.combine(specific, noise).as((a, b) -> {
            String q = join(a, b);
            return q.isEmpty() ? null : q;
        });
    }

    private static Arbitrary<String> param(String name, Arbitrary<String> value) {
        return Arbitraries.frequencyOf(weighted(2, Arbitraries.just("")), weighted(5, value.map(v -> name + "=" + v)));
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "&" + b;
    }

    private static Arbitrary<String> limit() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 120).map(String::valueOf),
                Arbitraries.of("", "abc", "1.5", "1e2", "99999999999", "-0", "%2B5", "0x10", "%EF%BC%95", "10%00"),
                hostileSegment());
    }

    private Arbitrary<String> cursor() {
        String tampered = aCursor.substring(0, aCursor.length() - 2) + (aCursor.endsWith("AA") ? "BB" : "AA");
        return Arbitraries.oneOf(
                Arbitraries.of(aCursor, aCursor, world.bCursor(), tampered, "MTAx.AAAA", "MTAx", ".", "a.b.c", "=.="),
                Arbitraries.strings()
                        .withCharRange('A', 'Z')
                        .withChars("-_.")
                        .ofMinLength(1)
                        .ofMaxLength(80),
                Arbitraries.strings().alpha().ofMinLength(2000).ofMaxLength(8000),
                hostileSegment());
    }

    private static Arbitrary<String> instant() {
        return Arbitraries.oneOf(
                Arbitraries.longs()
                        .between(-62_000_000_000L, 32_000_000_000L)
                        .map(s -> java.time.Instant.ofEpochSecond(s).toString().replace("+", "%2B")),
                Arbitraries.of(
                        "2026-12-01T10:00:00Z",
                        "2026-12-01T10:00:00.500Z",
                        "2026-12-01T09:59:59.999999999Z",
                        "2025-01-01T00:00:00Z",
                        "-1000000000-01-01T00:00:00Z",
                        "%2B1000000000-12-31T23:59:59.999999999Z",
                        "-999999999-01-01T00:00:00Z",
                        "%2B999999999-12-31T23:59:59Z",
                        "2026-13-45T00:00:00Z",
                        "yesterday",
                        "1700000000",
                        "2026-12-01",
                        "2026-12-01T10:00:00%2B01:00",
                        ""),
                hostileSegment());
    }

    private static Arbitrary<String> mentionText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                Arbitraries.strings().all().ofMinLength(0).ofMaxLength(30).map(FuzzRequests::encode),
                Arbitraries.of("Alpha", "al", "*", "%22", "%5C", "a%2Ab", "%00", "%F0%9F%98%80pha", "%FF"),
                Arbitraries.strings().alpha().ofMinLength(100).ofMaxLength(5000));
    }

    // ---- headers ---------------------------------------------------------------------------------------------------

    private static Arbitrary<Auth> auth() {
        return Arbitraries.frequencyOf(
                weighted(50, Arbitraries.just(Auth.OWNER)),
                weighted(8, Arbitraries.just(Auth.EDITOR)),
                weighted(8, Arbitraries.just(Auth.VIEWER)),
                weighted(6, Arbitraries.just(Auth.NO_ACCOUNT)),
                weighted(28, Arbitraries.of(Auth.values())));
    }

    private Arbitrary<Map<String, String>> headers() {
        Arbitrary<String> ifMatch = Arbitraries.frequencyOf(
                weighted(4, Arbitraries.just("")),
                weighted(4, Arbitraries.integers().between(0, 6).map(v -> "\"" + v + "\"")),
                weighted(
                        2,
                        Arbitraries.of(
                                "W/\"1\"",
                                "*",
                                "\"abc\"",
                                "\"\"",
                                "\"",
                                "1",
                                "\"-1\"",
                                "\"99999999999999999999999\"",
                                "\"1\", \"2\"",
                                "W/")),
                weighted(1, visibleAscii(0, 300)));
        Arbitrary<String> key = Arbitraries.frequencyOf(
                weighted(2, Arbitraries.just("")),
                weighted(5, visibleAscii(1, 128)),
                weighted(1, Arbitraries.of("fixed-key", "fixed-key", "with space", "\t", "k#k")),
                weighted(1, visibleAscii(129, 400)));
        Arbitrary<String> type = Arbitraries.frequencyOf(
                weighted(12, Arbitraries.just("application/json")),
                weighted(1, Arbitraries.just("")),
                weighted(
                        4,
                        Arbitraries.of(
                                "text/plain",
                                "application/octet-stream",
                                "application/json; charset=utf-16",
                                "garbage",
                                "multipart/form-data; boundary=x",
                                "application/x-www-form-urlencoded",
                                "application/vnd.api+json",
                                ";;;")));
        Arbitrary<String> encoding = Arbitraries.frequencyOf(
                weighted(12, Arbitraries.just("")), weighted(1, Arbitraries.of("gzip", "br", "x")));
        Arbitrary<String> account =
                Arbitraries.frequencyOf(weighted(12, Arbitraries.just("")), weighted(1, Arbitraries.just(world.bId())));
        return Combinators.combine(ifMatch, key, type, encoding, account).as((m, k, t, e, a) -> {
            Map<String, String> headers = new LinkedHashMap<>();
            put(headers, "if-match", m);
            put(headers, "idempotency-key", k);
            put(headers, "content-type", t);
            put(headers, "content-encoding", e);
            put(headers, "x-account-id", a);
            return headers;
        });
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (!value.isEmpty()) {
            headers.put(name, value);
        }
    }

    private static Arbitrary<String> visibleAscii(int min, int max) {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(min).ofMaxLength(max);
    }

    // ---- bodies ----------------------------------------------------------------------------------------------------

    /** A body and the name of its kind (for failure messages). */
    record Body(String kind, byte[] bytes) {}

    private Arbitrary<Body> body(String route) {
        String field = route.contains("members/") ? "role" : "name";
        Arbitrary<String> valid = field.equals("role")
                ? Arbitraries.of("owner", "editor", "viewer")
                : Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars(" -'")
                        .ofMinLength(1)
                        .ofMaxLength(100);
        return Arbitraries.frequencyOf(
                weighted(3, Arbitraries.just(new Body("none", null))),
                weighted(6, valid.map(v -> text("valid", object(field, v)))),
                weighted(
                        4,
                        Arbitraries.oneOf(
                                valid.map(v -> text(
                                        "unknown-field",
                                        "{\"" + field + "\":\"" + v + "\",\"accountId\":\"" + world.bId() + "\"}")),
                                Arbitraries.of(
                                        text("huge", object(field, "n".repeat(17_000))),
                                        text("huge-whitespace", object(field, "ok") + " ".repeat(17_000)),
                                        text("invalid-json", "{\"" + field + "\":"),
                                        text("invalid-json", "{" + field + ":'x'}"),
                                        text("invalid-json", object(field, "x") + "}"),
                                        text("invalid-json", object(field, "x") + "garbage"),
                                        text("invalid-json", "{\"" + field + "\":\"x\",}"),
                                        text("settings", "{\"settings\":{\"timezone\":\"Europe/Paris\"}}"),
                                        text(
                                                "settings",
                                                "{\"settings\":{\"timezone\":\"+02:00\",\"locale\":\"en_US\"}}"),
                                        text("settings", "{\"settings\":{\"locale\":\"" + "x".repeat(5_000) + "\"}}"),
                                        text("settings", "{\"settings\":[1]}"),
                                        text("settings", "{\"settings\":{\"timezone\":{\"a\":1}}}"),
                                        text("settings", "{\"settings\":{\"timezone\":\"Etc/GMT+\\u0000\"}}"),
                                        text("wrong-type", "{\"" + field + "\":5}"),
                                        text("wrong-type", "{\"" + field + "\":null}"),
                                        text("wrong-type", "{\"" + field + "\":[\"x\"]}"),
                                        text("wrong-type", "{\"" + field + "\":{\"x\":1}}"),
                                        text("wrong-type", "{\"" + field + "\":true}"),
                                        text("control-chars", object(field, "a\\u0001b")),
                                        text("control-chars", "{\"" + field + "\":\"a\u0007b\"}"),
                                        text("control-chars", object(field, "line\\nbreak")),
                                        text("deep-nesting", "[".repeat(5000) + "]".repeat(5000)),
                                        text(
                                                "deep-nesting",
                                                "{\"" + field + "\":" + "{\"a\":".repeat(2000) + "1"
                                                        + "}".repeat(2001)),
                                        text("literal", "null"),
                                        text("literal", "[]"),
                                        text("literal", "\"" + field + "\""),
                                        text("literal", "42"),
                                        text("empty", ""),
                                        text("blank", "   "),
                                        text("bom", "\uFEFF" + object(field, "x")),
                                        text("duplicate-keys", "{\"" + field + "\":\"a\",\"" + field + "\":\"b\"}"),
                                        text("edge-name", object(field, "x".repeat(100))),
                                        text("edge-name", object(field, "x".repeat(101))),
                                        text("edge-name", object(field, "   ")),
                                        text("edge-name", object(field, "\uD83D\uDE00".repeat(50))),
                                        text("edge-name", object(field, "\uD83D\uDE00".repeat(51))),
                                        text("edge-name", object(field, "\\uD800")),
                                        text("edge-role", object(field, "OWNER")),
                                        text("edge-role", object(field, "admin")),
                                        text("edge-role", object(field, "owner ")),
                                        invalidUtf8(field),
                                        new Body("invalid-utf8", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0})))),
                weighted(
                        1,
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(b -> new Body("random-bytes", b))));
    }

    private static String object(String field, String rawValue) {
        return "{\"" + field + "\":\"" + rawValue + "\"}";
    }

    private static Body text(String kind, String text) {
        return new Body(kind, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Body invalidUtf8(String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("{\"" + field + "\":\"a").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xC0, (byte) 0xAF});
        out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return new Body("invalid-utf8", out.toByteArray());
    }

    /** Percent-encodes everything but unreserved characters, as UTF-8 (lone surrogates become {@code ?}). */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
