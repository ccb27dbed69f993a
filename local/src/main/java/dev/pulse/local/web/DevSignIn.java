package dev.pulse.local.web;

import dev.pulse.local.http.HttpResponseData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Local runtime only, for development: {@code POST /_local/demo-token} hands the web app's "Dev sign-in" button the
 * demo token that {@code ./pulse run} wrote ({@code .pulse/demo.token}). It mints nothing, exists in no CDK stack,
 * and the runtime binds 127.0.0.1 only; a request from another origin (a page elsewhere posting to loopback) is
 * refused, and no CORS header lets another origin read the answer.
 */
public final class DevSignIn {
    public static final String PATH = "/_local/demo-token";

    private final Path tokenFile;

    public DevSignIn(Path tokenFile) {
        this.tokenFile = tokenFile;
    }

    public Optional<HttpResponseData> serve(String method, String rawPath, String origin, String host) {
        if (!rawPath.equals(PATH)) {
            return Optional.empty();
        }
        if (!method.equals("POST")) {
            return Optional.of(json(405, "{\"error\":\"method_not_allowed\",\"message\":\"POST only\"}"));
        }
        if (origin != null && (host == null || !origin.equals("http://" + host))) {
            return Optional.of(json(403, "{\"error\":\"cross_origin\",\"message\":\"only the app's own origin\"}"));
        }
        try {
            String token = Files.readString(tokenFile).strip();
            if (!token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
                throw new IOException("not a JWT");
            }
            return Optional.of(json(200, "{\"token\":\"" + token + "\"}"));
        } catch (IOException e) {
            return Optional.of(json(
                    404,
                    "{\"error\":\"no_demo_token\",\"message\":\"No demo token yet: ./pulse run writes one to "
                            + "the local runtime's demo.token.\"}"));
        }
    }

    private static HttpResponseData json(int status, String body) {
        return new HttpResponseData(
                status,
                Map.of("content-type", List.of("application/json"), "cache-control", List.of("no-store")),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
