package dev.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.local.auth.DevTokens;
import dev.pulse.local.auth.TokenRequest;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How {@code ./pulse token}'s flags become a token request. */
class TokenCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static DevTokens tokens;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        tokens = new DevTokens(generator.generateKeyPair().getPrivate(), "https://pulse.local/dev", "pulse-web");
    }

    private static TokenRequest request(Map<String, String> flags) {
        Map<String, String> options = new java.util.HashMap<>(Map.of("--ttl", "1h", "--scopes", "pulse/read"));
        options.putAll(flags);
        return TokenCommand.request(tokens, options, NOW);
    }

    @Test
    void givenSubAndAccountOnly_thenLocalAudienceAsAudAndDefaultScopes() {
        TokenRequest request = request(Map.of("--sub", "user-1", "--account", "acct-1"));

        assertThat(request.subject()).isEqualTo("user-1");
        assertThat(request.account()).contains("acct-1");
        assertThat(request.audience()).contains("pulse-web");
        assertThat(request.clientId()).isEmpty();
        assertThat(request.scopes()).containsExactly("pulse/read");
        assertThat(request.ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(request.notBefore()).isEmpty();
    }

    @Test
    void givenClientId_thenNoAudLikeACognitoAccessToken() {
        TokenRequest request = request(Map.of("--sub", "u", "--client-id", "web-client"));

        assertThat(request.audience()).isEmpty();
        assertThat(request.clientId()).contains("web-client");
        assertThat(request.account()).isEmpty();
    }

    @Test
    void givenAudAndClientId_thenBoth() {
        TokenRequest request = request(Map.of("--sub", "u", "--aud", "other", "--client-id", "pulse-web"));

        assertThat(request.audience()).contains("other");
        assertThat(request.clientId()).contains("pulse-web");
    }

    @Test
    void givenScopesTtlAndNbf_thenParsed() {
        TokenRequest request =
                request(Map.of("--sub", "u", "--scopes", "pulse/read  pulse/admin", "--ttl", "15m", "--nbf", "5m"));

        assertThat(request.scopes()).containsExactly("pulse/read", "pulse/admin");
        assertThat(request.ttl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(request.notBefore()).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(request(Map.of("--sub", "u", "--scopes", "")).scopes()).isEqualTo(List.of());
    }

    @Test
    void givenNbfAsInstantOrNegativeOffset_thenParsed() {
        assertThat(TokenCommand.notBefore("2027-01-01T00:00:00Z", NOW))
                .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(TokenCommand.notBefore("-1h", NOW)).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThatThrownBy(() -> TokenCommand.notBefore("tomorrow", NOW)).hasMessageContaining("90s");
    }

    @Test
    void givenRequest_whenIssued_thenClaimsFollowIt() {
        TokenRequest request = request(Map.of("--sub", "u", "--client-id", "web-client", "--nbf", "-1m"));

        String token = tokens.issue(request, NOW);

        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(payload)
                .contains("\"client_id\":\"web-client\"")
                .contains("\"nbf\":" + (NOW.getEpochSecond() - 60))
                .contains("\"scope\":\"pulse/read\"")
                .doesNotContain("\"aud\"")
                .doesNotContain("\"account\"");
    }
}
