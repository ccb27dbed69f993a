package dev.pulse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.SampleEvents;
import dev.pulse.ingest.domain.ParseResult.Parsed;
import dev.pulse.ingest.domain.ParseResult.Rejected;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostParserTest {
    private final PostParser parser = new PostParser(64 * 1024);

    @Test
    void givenSamplePost_whenParsed_thenEveryFieldIsRead() throws Exception {
        byte[] sample = Files.readAllBytes(SampleEvents.path("ingest-post.json"));

        Post post = ((Parsed) parser.parse(sample)).post();

        assertThat(post.postId()).isEqualTo("100000000042_1000000007");
        assertThat(post.pageId()).isEqualTo("100000000042");
        assertThat(post.page().name()).isEqualTo("Café Crème Zürich ☕");
        assertThat(post.page().username()).isEqualTo("cafecremezurich");
        assertThat(post.page().category()).isEqualTo("Restaurant");
        assertThat(post.page().fans()).isEqualTo(48213);
        assertThat(post.page().verified()).isTrue();
        assertThat(post.page().updatedTime()).isEqualTo(Instant.parse("2026-11-26T06:07:04.250Z"));
        assertThat(post.createdTime()).isEqualTo(Instant.parse("2026-11-26T06:05:00Z"));
        assertThat(post.updatedTime()).isEqualTo(Instant.parse("2026-11-26T06:07:04Z"));
        assertThat(post.mentions()).containsExactly("100000000007");
        assertThat(post.shares()).isEqualTo(12);
        assertThat(post.reactions()).isEqualTo(340);
        assertThat(post.comments()).isEqualTo(27);
        assertThat(post.permalinkUrl()).endsWith("/posts/1000000007");
        assertThat(post.message()).contains("🥐");
    }

    @Test
    void givenMinimalPost_whenParsed_thenDefaultsApplyAndPageTimeIsThePostTime() {
        Post post = parsed("{\"id\":\"1_2\",\"from\":{\"id\":\"1\",\"name\":\"Москва\"},"
                + "\"created_time\":\"2026-01-02T03:04:05Z\",\"future_field\":{\"x\":1}}");

        assertThat(post.updatedTime()).isEqualTo(post.createdTime());
        assertThat(post.page().updatedTime()).isEqualTo(post.createdTime());
        assertThat(post.page().fans()).isZero();
        assertThat(post.page().verified()).isFalse();
        assertThat(post.mentions()).isEmpty();
        assertThat(post.shares()).isZero();
    }

    @Test
    void givenPageMetadataAtTopLevel_whenParsed_thenItIsUsed() {
        Post post = parsed("{\"id\":\"1_2\",\"from\":{\"id\":\"1\",\"name\":\"n\"},\"fan_count\":7,\"verified\":true,"
                + "\"category\":\"Brand\",\"created_time\":\"2026-01-02T03:04:05+00:00\"}");

        assertThat(post.page().fans()).isEqualTo(7);
        assertThat(post.page().verified()).isTrue();
        assertThat(post.page().category()).isEqualTo("Brand");
    }

    @Test
    void givenTruncatedJson_whenParsed_thenMalformed() {
        assertThat(reason("{\"id\":\"1_2\",\"from\":{")).isEqualTo(PoisonReason.MALFORMED_JSON);
        assertThat(reason("[1,2]")).isEqualTo(PoisonReason.MALFORMED_JSON);
        assertThat(reason("")).isEqualTo(PoisonReason.MALFORMED_JSON);
    }

    @Test
    void givenDuplicateKeys_whenParsed_thenMalformedWhicheverValueWouldWin() {
        String json = valid().toString();

        assertThat(reason("{\"id\":\"1_9\"," + json.substring(1))).isEqualTo(PoisonReason.MALFORMED_JSON);
        assertThat(reason(json.replace("\"name\":", "\"name\":\"a\",\"name\":")))
                .isEqualTo(PoisonReason.MALFORMED_JSON);
    }

    @Test
    void givenNoId_whenParsed_thenMissingId() {
        assertThat(reason(valid().without("id"))).isEqualTo(PoisonReason.MISSING_ID);
        assertThat(reason(valid().put("id", " "))).isEqualTo(PoisonReason.MISSING_ID);
    }

    @Test
    void givenWrongTypes_whenParsed_thenWrongType() {
        assertThat(reason(valid().put("id", 12))).isEqualTo(PoisonReason.WRONG_TYPE);
        ObjectNode fans = valid();
        ((ObjectNode) fans.get("from")).put("fan_count", "lots");
        assertThat(reason(fans)).isEqualTo(PoisonReason.WRONG_TYPE);
        assertThat(reason(valid().put("message_tags", "x"))).isEqualTo(PoisonReason.WRONG_TYPE);
        assertThat(reason(valid().put("shares", 3))).isEqualTo(PoisonReason.WRONG_TYPE);
        assertThat(reason(valid().put("from", "page"))).isEqualTo(PoisonReason.WRONG_TYPE);
    }

    @Test
    void givenInvalidValues_whenParsed_thenInvalidValue() {
        assertThat(reason(valid().put("id", "nounderscore"))).isEqualTo(PoisonReason.INVALID_VALUE);
        assertThat(reason(valid().put("id", "9_2"))).isEqualTo(PoisonReason.INVALID_VALUE);
        assertThat(reason(valid().put("created_time", "yesterday"))).isEqualTo(PoisonReason.INVALID_VALUE);
        ObjectNode negative = valid();
        ((ObjectNode) negative.get("from")).put("fan_count", -1);
        assertThat(reason(negative)).isEqualTo(PoisonReason.INVALID_VALUE);
    }

    @Test
    void givenMissingPageName_whenParsed_thenMissingField() {
        ObjectNode post = valid();
        ((ObjectNode) post.get("from")).remove("name");
        assertThat(reason(post)).isEqualTo(PoisonReason.MISSING_FIELD);
        assertThat(reason(valid().without("created_time"))).isEqualTo(PoisonReason.MISSING_FIELD);
    }

    @Test
    void givenInvalidUtf8_whenParsed_thenInvalidUtf8() {
        byte[] bytes = valid().toString().getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xC3;

        assertThat(((Rejected) parser.parse(bytes)).reason()).isEqualTo(PoisonReason.INVALID_UTF8);
    }

    @Test
    void givenPayloadOverTheLimit_whenParsed_thenOversized() {
        byte[] big = valid().put("message", "x".repeat(70_000)).toString().getBytes(StandardCharsets.UTF_8);

        assertThat(((Rejected) parser.parse(big)).reason()).isEqualTo(PoisonReason.OVERSIZED);
    }

    @Test
    void givenTimesAtTheWindowsEdges_whenParsed_thenInsideIsAcceptedAndOutsideIsInvalidValue() {
        Instant now = Instant.parse("2026-11-26T06:00:00Z");
        PostParser windowed = new PostParser(64 * 1024, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));

        assertThat(windowed.parse(bytes(valid().put("created_time", "2004-01-01T00:00:00Z"))))
                .isInstanceOf(Parsed.class);
        assertThat(windowed.parse(bytes(valid().put("created_time", "2026-11-27T06:00:00Z"))))
                .isInstanceOf(Parsed.class);
        for (String outside : new String[] {
            "2003-12-31T23:59:59.999Z",
            "2026-11-27T06:00:00.001Z",
            "9999-12-31T23:59:59Z",
            "+300000000-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z"
        }) {
            assertThat(windowed.parse(bytes(valid().put("created_time", outside))))
                    .as(outside)
                    .isInstanceOfSatisfying(Rejected.class, rejected -> {
                        assertThat(rejected.reason()).isEqualTo(PoisonReason.INVALID_VALUE);
                        assertThat(rejected.detail())
                                .startsWith("created_time ")
                                .contains("outside the accepted window");
                    });
        }
    }

    @Test
    void givenUpdatedTimesOutsideTheWindow_whenParsed_thenInvalidValue() {
        PostParser windowed = new PostParser(
                64 * 1024, java.time.Clock.fixed(Instant.parse("2026-11-26T06:00:00Z"), java.time.ZoneOffset.UTC));
        ObjectNode page = valid();
        ((ObjectNode) page.get("from")).put("updated_time", "9999-01-01T00:00:00+0000");

        assertThat(((Rejected) windowed.parse(bytes(valid().put("updated_time", "+300000000-01-01T00:00:00Z"))))
                        .reason())
                .isEqualTo(PoisonReason.INVALID_VALUE);
        assertThat(((Rejected) windowed.parse(bytes(page))).reason()).isEqualTo(PoisonReason.INVALID_VALUE);
    }

    private static byte[] bytes(Object json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Post parsed(String json) {
        ParseResult result = parser.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(Parsed.class);
        return ((Parsed) result).post();
    }

    private PoisonReason reason(Object json) {
        ParseResult result = parser.parse(json.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(Rejected.class);
        return ((Rejected) result).reason();
    }

    private static ObjectNode valid() {
        ObjectNode post = Json.mapper().createObjectNode();
        post.put("id", "1_2");
        post.putObject("from").put("id", "1").put("name", "Página");
        post.put("created_time", "2026-11-26T06:05:00+0000");
        post.put("message", "olá");
        return post;
    }
}
