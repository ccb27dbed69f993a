package dev.pulse.local.web;

import dev.pulse.core.topology.WebSecurityHeaders;
import dev.pulse.local.http.HttpResponseData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The built web app ({@code web/dist}) served beside the API, as CloudFront serves it from S3: content-hashed assets
 * cached for a year, everything else revalidated (ETag), the security headers on every file, and no path that
 * leaves the folder (only plain segments of safe characters are looked up at all).
 */
public final class StaticSite {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127})+");
    private static final Pattern HASHED = Pattern.compile("/assets/.+\\.[0-9a-f]{10}\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("woff2", "font/woff2"));

    private final Path root;

    private StaticSite(Path root) {
        this.root = root;
    }

    /** The site in {@code root}, if that folder holds a built app (an {@code index.html}). */
    public static Optional<StaticSite> at(Path root) {
        if (!Files.isRegularFile(root.resolve("index.html"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StaticSite(root.toRealPath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    /** The file for a GET or HEAD of {@code rawPath}, or empty when the site has no such file (the API's 404). */
    public Optional<HttpResponseData> serve(String method, String rawPath, String ifNoneMatch) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Optional.empty();
        }
        String path = rawPath.equals("/") ? "/index.html" : rawPath;
        if (!SAFE_PATH.matcher(path).matches() || path.contains("/.")) {
            return Optional.empty();
        }
        Optional<Path> file = file(path.substring(1));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] body = Files.readAllBytes(file.get());
            String etag = "\"" + digest(body) + "\"";
            Map<String, List<String>> headers = new LinkedHashMap<>();
            WebSecurityHeaders.plainHttp().forEach((name, value) -> headers.put(name, List.of(value)));
            headers.put("content-type", List.of(type(path)));
            headers.put("cache-control", List.of(HASHED.matcher(path).matches() ? IMMUTABLE : REVALIDATE));
            headers.put("etag", List.of(etag));
            if (etag.equals(ifNoneMatch)) {
                return Optional.of(new HttpResponseData(304, headers, new byte[0]));
            }
            return Optional.of(new HttpResponseData(200, headers, body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A regular file inside the root, after symbolic links are followed; nothing outside it. */
    private Optional<Path> file(String relative) {
        Path candidate = root.resolve(relative).normalize();
        if (!candidate.startsWith(root) || !Files.isRegularFile(candidate)) {
            return Optional.empty();
        }
        try {
            Path real = candidate.toRealPath();
            return real.startsWith(root) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String type(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body))
                    .substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
