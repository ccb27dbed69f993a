package dev.pulse.legacy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HygieneTest {
    @Test
    void givenHopByHopAndConnectionListedHeaders_thenNoneCrosses_andTheTokenNeverGoesToLegacy() {
        Map<String, String> in = Map.of(
                "connection", "keep-alive, x-secret-hop",
                "keep-alive", "timeout=5",
                "x-secret-hop", "1",
                "transfer-encoding", "chunked",
                "te", "trailers",
                "upgrade", "h2c",
                "proxy-authorization", "Basic abc",
                "authorization", "Bearer pulse-token",
                "x-v1-user", "ada",
                "accept", "application/json");

        assertThat(Hygiene.towardsLegacy(in)).containsOnlyKeys("x-v1-user", "accept");
        assertThat(Hygiene.endToEnd(in)).containsOnlyKeys("x-v1-user", "accept", "authorization");
    }
}
