package dev.pulse.tools.it;

import static dev.pulse.tools.it.HttpApiPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends requests to an operation of the spec and checks every answer against it (status documented, headers, body),
 * remembering which statuses of which operations were seen so a test can tell what it never provoked.
 */
final class ContractClient {
    private final OpenApiContract spec;
    private final HttpApiPlatform platform;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    ContractClient(OpenApiContract spec, HttpApiPlatform platform) {
        this.spec = spec;
        this.platform = platform;
    }

    Call call(String base, String method, String template) {
        return new Call(base, method, template);
    }

    boolean seen(String method, String path, int status) {
        return seen.contains(method + " " + path + " " + status);
    }

    /** One request to {@code method template}, its path parameters filled in. */
    final class Call {
        private final String base;
        private final String method;
        private final String template;
        private final Map<String, String> pathParameters = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String query;
        private String body;

        private Call(String base, String method, String template) {
            this.base = base;
            this.method = method;
            this.template = template;
        }

        String method() {
            return method;
        }

        String template() {
            return template;
        }

        String requestBody() {
            return body;
        }

        Call path(String name, String value) {
            pathParameters.put(name, value);
            return this;
        }

        Call query(String query) {
            this.query = query;
            return this;
        }

        Call token(String token) {
            return token == null ? this : header("authorization", "Bearer " + token);
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call body(String body) {
            this.body = body;
            return this;
        }

        /** Sends it, checks the answer against the spec, and that its status is {@code status}. */
        HttpResponse<String> expect(int status) {
            HttpResponse<String> response = send();
            assertThat(response.statusCode())
                    .as("%s %s answered %s", method, target(), response.body())
                    .isEqualTo(status);
            return response;
        }

        /** {@link #expect} a function error with this code. */
        JsonNode expectError(int status, String code) {
            JsonNode error = json(expect(status));
            assertThat(error.path("error").asText())
                    .as("%s %s", method, target())
                    .isEqualTo(code);
            return error;
        }

        /** {@link #expect} an answer of the gateway itself, {@code {"message": ...}}. */
        HttpResponse<String> expectGateway(int status, String message) {
            HttpResponse<String> response = expect(status);
            assertThat(json(response).path("message").asText()).isEqualTo(message);
            assertThat(json(response).has("error")).isFalse();
            return response;
        }

        private HttpResponse<String> send() {
            Map<String, String> sent = new LinkedHashMap<>();
            if (body != null) {
                sent.put("content-type", "application/json");
            }
            sent.putAll(headers);
            HttpResponse<String> response = platform.send(base, method, target(), sent, HttpApiPlatform.bytes(body));
            assertThat(spec.violations(method, template, response))
                    .as("%s %s against docs/openapi.yaml", method, target())
                    .isEmpty();
            assertThat(response.body()).doesNotContain("Exception", "\tat ");
            seen.add(method + " " + template + " " + response.statusCode());
            return response;
        }

        private String target() {
            String path = template;
            for (var parameter : pathParameters.entrySet()) {
                path = path.replace(
                        "{" + parameter.getKey() + "}",
                        URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8)
                                .replace("+", "%20"));
            }
            return query == null ? path : path + "?" + query;
        }
    }
}
