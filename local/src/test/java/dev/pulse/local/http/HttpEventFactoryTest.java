package dev.pulse.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the emulator decides whether a body reaches the function as text or as base64. */
class HttpEventFactoryTest {
    @Test
    void givenAContentTypeWithoutAMediaType_thenTheBodyIsText_andNothingFails() {
        // Found by AccountsFuzzIT: "content-type: ;;;" made the emulator answer 500.
        assertThat(HttpEventFactory.isText(";;;", null)).isTrue();
        assertThat(HttpEventFactory.isText("; charset=utf-8", null)).isTrue();
        assertThat(HttpEventFactory.isText(null, null)).isTrue();
        assertThat(HttpEventFactory.isText("  ", null)).isTrue();
    }

    @Test
    void givenAMediaTypeWithParameters_thenOnlyTheMediaTypeDecides() {
        assertThat(HttpEventFactory.isText("application/json; charset=utf-8", null))
                .isTrue();
        assertThat(HttpEventFactory.isText("application/octet-stream;", null)).isFalse();
        assertThat(HttpEventFactory.isText("application/json", "gzip")).isFalse();
    }
}
