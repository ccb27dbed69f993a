package dev.pulse.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The v1 path the handler forwards: the caller's raw, still-encoded path, never API Gateway's decoded parameter. */
class LegacyProxyHandlerTest {
    @Test
    void givenARawPath_thenTheV1PathIsItsEncodedTail_evenAfterAStage() {
        assertThat(LegacyProxyHandler.v1Path("/legacy/api/v1/pages%3Fsearch", "api/v1/pages?search"))
                .isEqualTo("/api/v1/pages%3Fsearch");
        assertThat(LegacyProxyHandler.v1Path("/prod/legacy/api/v1/a%2Fb", "api/v1/a/b"))
                .isEqualTo("/api/v1/a%2Fb");
        assertThat(LegacyProxyHandler.v1Path("/legacy//127.0.0.1:9/x", "/127.0.0.1:9/x"))
                .as("left for the target check to refuse")
                .isEqualTo("//127.0.0.1:9/x");
    }

    @Test
    void givenNoRawPath_thenTheParameterIsReEncoded() {
        assertThat(LegacyProxyHandler.v1Path(null, "api/v1/a b?c")).isEqualTo("/api/v1/a%20b%3Fc");
    }
}
