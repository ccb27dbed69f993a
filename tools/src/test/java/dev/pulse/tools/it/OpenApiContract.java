package dev.pulse.tools.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import dev.pulse.core.json.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code docs/openapi.yaml}: parsed as OpenAPI 3.1 by swagger-parser, and its schemas compiled by networknt's
 * validator in the OpenAPI 3.1 dialect (JSON Schema 2020-12), to judge a real HTTP response against the operation and
 * status it claims: the status is documented, required headers are there, headers and body match their schemas.
 */
final class OpenApiContract {
    /** Extension on a path item served by the local runtime beside the topology's routes (the JWKS). */
    static final String LOCAL_ONLY = "x-pulse-local-only";

    private static final String DOCUMENT_IRI = "https://pulse.local/docs/openapi.json";

    private final JsonNode document;
    private final SwaggerParseResult parsed;
    private final SchemaRegistry registry;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private OpenApiContract(String yaml) {
        try {
            document = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
        registry = SchemaRegistry.withDialect(
                Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, Json.write(document)))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build()));
    }

    /** The spec of the repository this test runs in, found from the working directory upwards. */
    static OpenApiContract load() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/openapi.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no docs/openapi.yaml above " + Path.of("").toAbsolutePath());
        }
        try {
            return new OpenApiContract(Files.readString(dir.resolve("docs/openapi.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code openapi} version the parser read, and what it found wrong with the document. */
    String version() {
        return parsed.getOpenAPI() == null ? "" : parsed.getOpenAPI().getOpenapi();
    }

    List<String> parseMessages() {
        return parsed.getMessages() == null ? List.of() : parsed.getMessages();
    }

    /** One operation as the spec declares it: its security requirement's scopes ({@code authorized} if any). */
    record Op(String method, String path, boolean authorized, List<String> scopes, boolean localOnly) {
        String key() {
            return method + " " + path;
        }
    }

    List<Op> operations() {
        OpenAPI api = parsed.getOpenAPI();
        List<Op> ops = new ArrayList<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    List<SecurityRequirement> security =
                            operation.getSecurity() != null ? operation.getSecurity() : globalSecurity(api);
                    List<String> scopes = security.stream()
                            .flatMap(r -> r.values().stream())
                            .flatMap(List::stream)
                            .toList();
                    ops.add(new Op(method.name(), path, !security.isEmpty(), scopes, localOnly(item)));
                }));
        return ops;
    }

    private static List<SecurityRequirement> globalSecurity(OpenAPI api) {
        return api.getSecurity() == null ? List.of() : api.getSecurity();
    }

    private static boolean localOnly(PathItem item) {
        return item.getExtensions() != null
                && Boolean.TRUE.equals(item.getExtensions().get(LOCAL_ONLY));
    }

    /** The statuses the spec documents for an operation. */
    List<Integer> statuses(String method, String path) {
        List<Integer> statuses = new ArrayList<>();
        operation(method, path).path("responses").fieldNames().forEachRemaining(s -> statuses.add(Integer.valueOf(s)));
        return statuses;
    }

    /** Why {@code response} (to {@code method path}) breaks the spec; empty when it conforms. */
    List<String> violations(String method, String path, HttpResponse<String> response) {
        List<String> problems = new ArrayList<>();
        String where = method + " " + path + " " + response.statusCode();
        if (operation(method, path).isMissingNode()) {
            return List.of(method + " " + path + " is not in the spec");
        }
        String pointer = operationPointer(method, path) + "/responses/" + response.statusCode();
        if (document.at(pointer).isMissingNode()) {
            return List.of(where + " is not a documented status; documented: " + statuses(method, path));
        }
        pointer = followRefs(pointer);
        JsonNode declared = document.at(pointer);
        for (var header : declared.path("headers").properties()) {
            String headerPointer = followRefs(pointer + "/headers/" + escape(header.getKey()));
            Optional<String> value = response.headers().firstValue(header.getKey());
            if (value.isEmpty()) {
                if (document.at(headerPointer).path("required").asBoolean(false)) {
                    problems.add(where + ": required header " + header.getKey() + " is missing");
                }
                continue;
            }
            schema(headerPointer + "/schema")
                    .validate(TextNode.valueOf(value.get()))
                    .forEach(e -> problems.add(where + ": header " + header.getKey() + " " + e));
        }
        JsonNode content = declared.path("content");
        if (content.isEmpty()) {
            if (!response.body().isEmpty()) {
                problems.add(where + ": no body is documented but one came: " + response.body());
            }
            return problems;
        }
        String mediaType = content.fieldNames().next();
        String contentType = response.headers().firstValue("content-type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith(mediaType)) {
            problems.add(where + ": content-type '" + contentType + "' is not " + mediaType);
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            problems.add(where + ": body is not JSON: " + response.body());
            return problems;
        }
        if (body == null || body.isMissingNode()) {
            problems.add(where + ": a " + mediaType + " body is documented but none came");
            return problems;
        }
        schema(pointer + "/content/" + escape(mediaType) + "/schema")
                .validate(body)
                .forEach(e -> problems.add(where + ": body " + e + " in " + response.body()));
        return problems;
    }

    /** Why a request body breaks the operation's request schema; empty when it conforms. */
    List<String> requestViolations(String method, String path, String body) {
        String pointer = operationPointer(method, path) + "/requestBody";
        if (document.at(pointer).isMissingNode()) {
            return List.of(method + " " + path + " documents no request body");
        }
        pointer = followRefs(pointer);
        JsonNode instance;
        try {
            instance = Json.mapper().readTree(body);
        } catch (IOException e) {
            return List.of("not JSON: " + body);
        }
        return schema(pointer + "/content/application~1json/schema").validate(instance).stream()
                .map(Object::toString)
                .toList();
    }

    private JsonNode operation(String method, String path) {
        return document.at(operationPointer(method, path));
    }

    private static String operationPointer(String method, String path) {
        return "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT);
    }

    /** Follows a chain of local {@code $ref}s (responses, headers, request bodies) to the pointer of the object. */
    private String followRefs(String pointer) {
        String current = pointer;
        for (int hops = 0; document.at(current).has("$ref"); hops++) {
            String ref = document.at(current).get("$ref").asText();
            if (!ref.startsWith("#/") || hops > 10) {
                throw new IllegalStateException("only local $refs are followed: " + ref + " at " + current);
            }
            current = ref.substring(1);
        }
        if (document.at(current).isMissingNode()) {
            throw new IllegalStateException("dangling $ref to " + current + " from " + pointer);
        }
        return current;
    }

    private Schema schema(String pointer) {
        if (document.at(pointer).isMissingNode()) {
            throw new IllegalStateException("no schema at " + pointer);
        }
        return compiled.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p)));
    }

    /** RFC 6901: {@code ~} and {@code /} inside one reference token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
