package dev.pulse.legacy.adapter.http;

import dev.pulse.legacy.application.Backend;
import dev.pulse.legacy.domain.BackendResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A backend over the JDK's HttpClient: one client per backend for the instance's life (HTTP/1.1 keep-alive), a
 * connect timeout, a whole-request timeout per call, and a body limit read as the answer streams in.
 */
public final class JdkHttpBackend implements Backend {
    private final URI base;
    private final HttpClient client;
    private final int maxBodyBytes;

    public JdkHttpBackend(URI base, Duration connectTimeout, int maxBodyBytes) {
        this.base = base;
        this.maxBodyBytes = maxBodyBytes;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public BackendResponse send(
            String method, String pathAndQuery, Map<String, String> headers, byte[] body, Duration timeout) {
        URI target;
        try {
            target = base.resolve(pathAndQuery);
        } catch (IllegalArgumentException e) {
            throw new BackendFailure("not a valid request target: " + e.getMessage(), e, false);
        }
        // The proxy checks targets first (RequestTarget); this is the last guard against asking another host.
        if (!java.util.Objects.equals(target.getRawAuthority(), base.getRawAuthority())
                || !java.util.Objects.equals(target.getScheme(), base.getScheme())) {
            throw new BackendFailure("a request target that leaves " + base, null, false);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            try {
                request.header(name, value);
            } catch (IllegalArgumentException restricted) {
                // a header the JDK frames itself (Hygiene drops them already); never worth failing the call for
            }
        });
        try {
            HttpResponse<InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (InputStream in = response.body()) {
                bytes = in.readNBytes(maxBodyBytes + 1);
            }
            if (bytes.length > maxBodyBytes) {
                throw new BackendFailure("answer larger than " + maxBodyBytes + " bytes", null, false);
            }
            return new BackendResponse(
                    response.statusCode(),
                    headers(response.headers().map()),
                    new String(bytes, StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new BackendFailure(method + " " + base + " timed out after " + timeout.toMillis() + " ms", e, true);
        } catch (IOException e) {
            throw new BackendFailure(method + " " + base + " failed: " + e, e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendFailure("interrupted", e, false);
        }
    }

    private static Map<String, String> headers(Map<String, List<String>> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((name, values) -> {
            if (!name.startsWith(":")) {
                out.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        return out;
    }
}
