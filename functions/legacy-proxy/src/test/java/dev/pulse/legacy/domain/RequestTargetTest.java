package dev.pulse.legacy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which caller targets are forwarded as they are, and which are refused before any backend is asked. */
class RequestTargetTest {
    @Test
    void givenV1PathsAndQueries_includingEscapes_thenTheyAreForwardable() {
        assertThat(RequestTarget.problem("/api/v1/pages/search", "term=new%20yo&count=5"))
                .isEmpty();
        assertThat(RequestTarget.problem("/api/v1/pages%2Fsearch", "")).isEmpty();
        assertThat(RequestTarget.problem("/api/v1/%00/%F0%9F%98%80", "a=%3F")).isEmpty();
        assertThat(RequestTarget.problem("/api/v1/...", ""))
                .as("three dots is a name")
                .isEmpty();
    }

    @Test
    void givenAnotherAuthority_thenRefused() {
        assertThat(RequestTarget.problem("//127.0.0.1:9/stolen", "")).isPresent();
        assertThat(RequestTarget.problem("api/v1", "")).isPresent();
        assertThat(RequestTarget.problem("", "")).isPresent();
    }

    @Test
    void givenDotSegments_plainOrEscaped_thenRefused() {
        assertThat(RequestTarget.problem("/api/v1/..", "")).isPresent();
        assertThat(RequestTarget.problem("/api/./v1", "")).isPresent();
        assertThat(RequestTarget.problem("/api/%2e%2E/admin", "")).isPresent();
        assertThat(RequestTarget.problem("/api/.%2E/admin", "")).isPresent();
    }

    @Test
    void givenRawSpacesFragmentsOrBadEscapes_thenRefused() {
        assertThat(RequestTarget.problem("/api/v1/a b", "")).isPresent();
        assertThat(RequestTarget.problem("/api/v1/a#b", "")).isPresent();
        assertThat(RequestTarget.problem("/api/v1/a", "q=%ZZ")).isPresent();
        assertThat(RequestTarget.problem("/api/v1/a", "q=a b")).isPresent();
    }
}
