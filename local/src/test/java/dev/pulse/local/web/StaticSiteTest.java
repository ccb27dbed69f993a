package dev.pulse.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.topology.WebSecurityHeaders;
import dev.pulse.local.http.HttpResponseData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The web app's files: types, caching by hashed name, ETags, security headers, and nothing outside the folder. */
class StaticSiteTest {
    @TempDir
    Path dir;

    private StaticSite site;

    @BeforeEach
    void build() throws IOException {
        Path root = Files.createDirectories(dir.resolve("dist"));
        Files.writeString(root.resolve("index.html"), "<!doctype html><title>Pulse</title>");
        Files.writeString(root.resolve("config.json"), "{}");
        Files.createDirectories(root.resolve("assets/pages"));
        Files.writeString(root.resolve("assets/main.0123456789.js"), "export {};");
        Files.writeString(root.resolve("assets/app.abcdef0123.css"), "body{}");
        Files.writeString(root.resolve("assets/pages/tracked.aaaaaaaaaa.js"), "export {};");
        Files.writeString(root.resolve("assets/unhashed.js"), "export {};");
        Files.writeString(dir.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("assets/link.txt"), dir.resolve("secret.txt"));
        site = StaticSite.at(root).orElseThrow();
    }

    @Test
    void givenRoot_whenGet_thenIndexHtmlRevalidatedWithSecurityHeaders() {
        HttpResponseData index = site.serve("GET", "/", null).orElseThrow();

        assertThat(index.status()).isEqualTo(200);
        assertThat(new String(index.body(), StandardCharsets.UTF_8)).contains("<title>Pulse</title>");
        assertThat(index.headers().get("content-type")).containsExactly("text/html; charset=utf-8");
        assertThat(index.headers().get("cache-control")).containsExactly("no-cache");
        assertThat(index.headers().get("content-security-policy").getFirst())
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(index.headers().get("x-content-type-options")).containsExactly("nosniff");
        assertThat(index.headers().get("x-frame-options")).containsExactly("DENY");
    }

    @Test
    void givenAnyFile_whenGet_thenItCarriesExactlyTheDeclaredPlainHttpSecurityHeaders() {
        for (String path : List.of("/", "/assets/main.0123456789.js", "/config.json")) {
            HttpResponseData file = site.serve("GET", path, null).orElseThrow();
            Map<String, String> security = new LinkedHashMap<>();
            file.headers().forEach((name, values) -> {
                if (!List.of("content-type", "cache-control", "etag").contains(name)) {
                    security.put(name, String.join(",", values));
                }
            });
            assertThat(security).as(path).isEqualTo(WebSecurityHeaders.plainHttp());
        }
    }

    @Test
    void givenHashedAssets_whenGet_thenImmutableWithTheirTypes() {
        HttpResponseData js =
                site.serve("GET", "/assets/main.0123456789.js", null).orElseThrow();
        HttpResponseData css =
                site.serve("HEAD", "/assets/app.abcdef0123.css", null).orElseThrow();
        HttpResponseData nested =
                site.serve("GET", "/assets/pages/tracked.aaaaaaaaaa.js", null).orElseThrow();

        assertThat(js.headers().get("content-type")).containsExactly("text/javascript; charset=utf-8");
        assertThat(js.headers().get("cache-control")).containsExactly("public, max-age=31536000, immutable");
        assertThat(css.headers().get("content-type")).containsExactly("text/css; charset=utf-8");
        assertThat(nested.headers().get("cache-control")).containsExactly(StaticSite.IMMUTABLE);
        assertThat(site.serve("GET", "/assets/unhashed.js", null)
                        .orElseThrow()
                        .headers()
                        .get("cache-control"))
                .containsExactly("no-cache");
        assertThat(site.serve("GET", "/config.json", null)
                        .orElseThrow()
                        .headers()
                        .get("content-type"))
                .containsExactly("application/json");
    }

    @Test
    void givenItsEtag_whenGetAgain_then304WithoutBody() {
        String etag =
                site.serve("GET", "/", null).orElseThrow().headers().get("etag").getFirst();

        HttpResponseData again = site.serve("GET", "/index.html", etag).orElseThrow();

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(site.serve("GET", "/", "\"other\"").orElseThrow().status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/../secret.txt",
                "/assets/../../secret.txt",
                "/%2e%2e/secret.txt",
                "/assets/%2F..%2F..%2Fsecret.txt",
                "/assets//main.0123456789.js",
                "/.%2e/secret.txt",
                "/assets/link.txt",
                "/assets",
                "/missing.js",
                "/assets\\..\\..\\secret.txt",
                "/index.html%00.js"
            })
    void givenPathOutsideOrMissing_whenGet_thenNothingServed(String path) {
        assertThat(site.serve("GET", path, null)).isEmpty();
    }

    @Test
    void givenWriteMethod_whenAnyPath_thenNotServed() {
        assertThat(site.serve("POST", "/", null)).isEmpty();
        assertThat(site.serve("DELETE", "/index.html", null)).isEmpty();
    }

    @Test
    void givenFolderWithoutIndex_whenOpened_thenNoSite() {
        assertThat(StaticSite.at(dir.resolve("nothing-here"))).isEqualTo(Optional.empty());
    }
}
