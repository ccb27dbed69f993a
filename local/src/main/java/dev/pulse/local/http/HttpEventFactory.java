package dev.pulse.local.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds the HTTP API payload format 2.0 event for a request, field by field as API Gateway does. */
public final class HttpEventFactory {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final String accountId;
    private final String apiId;

    public HttpEventFactory(String accountId, String apiId) {
        this.accountId = accountId;
        this.apiId = apiId;
    }

    public ObjectNode event(
            HttpRequestData request,
            RouteTable.Match match,
            String requestId,
            Instant received,
            Optional<ObjectNode> authorizer) {
        ObjectNode event = Json.mapper().createObjectNode();
        String routeKey = match.route().routeKey();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        List<String> cookies = cookies(request);
        if (!cookies.isEmpty()) {
            ArrayNode array = event.putArray("cookies");
            cookies.forEach(array::add);
        }
        ObjectNode headers = event.putObject("headers");
        request.headers().forEach((name, values) -> {
            if (!name.equals("cookie")) {
                headers.put(name, String.join(",", values));
            }
        });
        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode params = event.putObject("queryStringParameters");
            query.forEach(params::put);
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode params = event.putObject("pathParameters");
            match.pathParameters().forEach(params::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", accountId);
        context.put("apiId", apiId);
        authorizer.ifPresent(a -> context.set("authorizer", a));
        String host = Optional.ofNullable(request.header("host")).orElse("127.0.0.1");
        context.put("domainName", host);
        context.put("domainPrefix", host.split("[.:]")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", Optional.ofNullable(request.header("user-agent")).orElse(""));
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", TIME.format(received));
        context.put("timeEpoch", received.toEpochMilli());
        if (request.body() != null && request.body().length > 0) {
            boolean text = isText(request.header("content-type"), request.header("content-encoding"));
            event.put(
                    "body",
                    text
                            ? new String(request.body(), StandardCharsets.UTF_8)
                            : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** Repeated keys are joined with commas, as payload format 2.0 does; keys and values are percent-decoded. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = RouteTable.decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : RouteTable.decode(pair.substring(eq + 1));
            parameters.merge(key, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static List<String> cookies(HttpRequestData request) {
        List<String> values = request.headers().getOrDefault("cookie", List.of());
        return values.stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(";")))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .toList();
    }

    /**
     * API Gateway passes text bodies as they are ({@code text/*}, JSON, XML, JavaScript, GraphQL) and base64-encodes
     * everything else, a missing {@code Content-Type} and {@code application/x-www-form-urlencoded} included.
     */
    static boolean isText(String contentType, String contentEncoding) {
        if (contentEncoding != null && !contentEncoding.isBlank() && !contentEncoding.equalsIgnoreCase("identity")) {
            return false;
        }
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .strip()
                .toLowerCase(Locale.ROOT);
        // No media type at all (blank, or only parameters such as ";;;") is binary, as a missing one is; never a
        // failure.
        if (type.isEmpty()) {
            return false;
        }
        return type.startsWith("text/")
                || type.equals("application/json")
                || type.endsWith("+json")
                || type.equals("application/xml")
                || type.endsWith("+xml")
                || type.equals("application/javascript")
                || type.equals("application/graphql");
    }
}
