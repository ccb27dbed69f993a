package dev.pulse.core.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one declaration of the web app's security headers: HTTPS adds only HSTS and the extra connect sources. */
class WebSecurityHeadersTest {
    @Test
    void givenPlainHttp_thenSelfOnlyPolicyAndNoHsts() {
        assertThat(WebSecurityHeaders.plainHttp())
                .doesNotContainKey(WebSecurityHeaders.STRICT_TRANSPORT_SECURITY)
                .containsEntry(WebSecurityHeaders.FRAME_OPTIONS, "DENY")
                .containsEntry(WebSecurityHeaders.CONTENT_TYPE_OPTIONS, "nosniff");
        assertThat(WebSecurityHeaders.plainHttp().get(WebSecurityHeaders.CONTENT_SECURITY_POLICY))
                .contains("connect-src 'self';", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
    }

    @Test
    void givenHttpsWithTheHostedUi_thenHstsForAYearAndTheUiInConnectSrcOnly() {
        var https = WebSecurityHeaders.https(List.of("https://login.example"));

        assertThat(https)
                .containsEntry(WebSecurityHeaders.STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains");
        assertThat(https.get(WebSecurityHeaders.CONTENT_SECURITY_POLICY))
                .isEqualTo(WebSecurityHeaders.plainHttp()
                        .get(WebSecurityHeaders.CONTENT_SECURITY_POLICY)
                        .replace("connect-src 'self';", "connect-src 'self' https://login.example;"));
        https.remove(WebSecurityHeaders.STRICT_TRANSPORT_SECURITY);
        https.remove(WebSecurityHeaders.CONTENT_SECURITY_POLICY);
        var plain = WebSecurityHeaders.plainHttp();
        plain.remove(WebSecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(https).isEqualTo(plain);
    }

    @Test
    void customHeaders_areThoseCloudFrontHasNoSecurityFieldFor() {
        assertThat(WebSecurityHeaders.customHeaders())
                .containsOnlyKeys(WebSecurityHeaders.OPENER_POLICY, WebSecurityHeaders.PERMISSIONS_POLICY);
    }
}
