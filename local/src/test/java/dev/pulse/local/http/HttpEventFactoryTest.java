package dev.pulse.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the emulator decides whether a body reaches the function as text or as base64. */
class HttpEventFactoryTest {
    @Test
    void givenNoMediaType_thenTheBodyIsBase64AsOnApiGateway_andNothingFails() {
        // Found by AccountsFuzzIT: "content-type: ;;;" made the emulator answer 500.
        assertThat(HttpEventFactory.isText(";;;", null)).isFalse();
        assertThat(HttpEventFactory.isText("; charset=utf-8", null)).isFalse();
        assertThat(HttpEventFactory.isText(null, null)).isFalse();
        assertThat(HttpEventFactory.isText("  ", null)).isFalse();
    }

    @Test
    void givenTextTypes_thenText_andFormBodiesBase64() {
        assertThat(HttpEventFactory.isText("text/plain", null)).isTrue();
        assertThat(HttpEventFactory.isText("application/problem+json", null)).isTrue();
        assertThat(HttpEventFactory.isText("application/xml", null)).isTrue();
        assertThat(HttpEventFactory.isText("application/javascript", null)).isTrue();
        assertThat(HttpEventFactory.isText("application/x-www-form-urlencoded", null))
                .isFalse();
        assertThat(HttpEventFactory.isText("multipart/form-data; boundary=x", null))
                .isFalse();
    }

    @Test
    void givenAMediaTypeWithParameters_thenOnlyTheMediaTypeDecides() {
        assertThat(HttpEventFactory.isText("application/json; charset=utf-8", null))
                .isTrue();
        assertThat(HttpEventFactory.isText("application/octet-stream;", null)).isFalse();
        assertThat(HttpEventFactory.isText("application/json", "gzip")).isFalse();
    }
}
