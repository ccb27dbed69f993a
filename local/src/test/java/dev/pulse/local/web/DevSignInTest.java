package dev.pulse.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.local.http.HttpResponseData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local-only dev sign-in: the demo token to the app's own origin, nothing to any other. */
class DevSignInTest {
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkZW1vLW93bmVyIn0.c2lnbmF0dXJl";

    @TempDir
    Path dir;

    @Test
    void givenDemoToken_whenSameOriginPost_thenTokenAndNoStore() throws IOException {
        Files.writeString(dir.resolve("demo.token"), TOKEN + "\n");
        HttpResponseData answer = new DevSignIn(dir.resolve("demo.token"))
                .serve("POST", DevSignIn.PATH, "http://127.0.0.1:3000", "127.0.0.1:3000")
                .orElseThrow();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"token\":\"" + TOKEN + "\"}");
        assertThat(answer.headers().get("cache-control")).containsExactly("no-store");
        assertThat(answer.headers()).doesNotContainKey("access-control-allow-origin");
    }

    @Test
    void givenOtherOrigin_whenPost_thenRefused() throws IOException {
        Files.writeString(dir.resolve("demo.token"), TOKEN);
        DevSignIn signIn = new DevSignIn(dir.resolve("demo.token"));

        assertThat(signIn.serve("POST", DevSignIn.PATH, "https://evil.example", "127.0.0.1:3000")
                        .orElseThrow()
                        .status())
                .isEqualTo(403);
        assertThat(signIn.serve("GET", DevSignIn.PATH, null, "127.0.0.1:3000")
                        .orElseThrow()
                        .status())
                .isEqualTo(405);
    }

    @Test
    void givenNoTokenFileOrGarbage_whenPost_then404NamingPulseRun() throws IOException {
        DevSignIn missing = new DevSignIn(dir.resolve("absent.token"));
        Files.writeString(dir.resolve("bad.token"), "\"}<script>");

        HttpResponseData none =
                missing.serve("POST", DevSignIn.PATH, null, "127.0.0.1:3000").orElseThrow();

        assertThat(none.status()).isEqualTo(404);
        assertThat(new String(none.body(), StandardCharsets.UTF_8)).contains("./pulse run");
        assertThat(new DevSignIn(dir.resolve("bad.token"))
                        .serve("POST", DevSignIn.PATH, null, "127.0.0.1:3000")
                        .orElseThrow()
                        .status())
                .isEqualTo(404);
        assertThat(missing.serve("POST", "/other", null, null)).isEmpty();
    }
}
