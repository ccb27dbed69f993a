package dev.pulse.ingest.domain.kpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregatedRecordsTest {
    /**
     * An aggregate produced by the reference KPL tooling (awslabs kinesis-aggregation test data): partition key "p1",
     * three records.
     */
    private static final String REFERENCE =
            "84mawgoCcDEaGAgAGhQwMTIzNDU2Nzg5MDEyMzQ1NjdfQRoYCAAaFDAxMjM0NTY3ODkwMTIzNDU2N19CGhgIABoUMDEyMzQ1Njc4OTAx"
                    + "MjM0NTY3X0NHjL02iyRk3D+kO2UC2X6u";

    private static final String REFERENCE_SINGLE =
            "84mawgoFa2V5LTAaJQgAGiFUZXN0aW5nIEtQTCBBZ2dyZWdhdGVkIFJlY29yZCAxLTBlW2Hfd6iL1WkMbznr8jc2";

    @Test
    void givenReferenceAggregate_whenDecoded_thenYieldsItsRecords() {
        List<UserRecord> records = AggregatedRecords.decode(Base64.getDecoder().decode(REFERENCE), "outer");

        assertThat(records).extracting(UserRecord::partitionKey).containsOnly("p1");
        assertThat(records)
                .extracting(r -> new String(r.data(), StandardCharsets.UTF_8))
                .containsExactly("012345678901234567_A", "012345678901234567_B", "012345678901234567_C");
    }

    @Test
    void givenReferenceRecords_whenEncoded_thenBytesMatchTheReferenceExactly() {
        List<UserRecord> records = List.of(
                record("p1", "012345678901234567_A"),
                record("p1", "012345678901234567_B"),
                record("p1", "012345678901234567_C"));

        assertThat(AggregatedRecords.encode(records))
                .isEqualTo(Base64.getDecoder().decode(REFERENCE));
        assertThat(AggregatedRecords.encode(List.of(record("key-0", "Testing KPL Aggregated Record 1-0"))))
                .isEqualTo(Base64.getDecoder().decode(REFERENCE_SINGLE));
    }

    @Test
    void givenManyKeysAndPayloads_whenRoundTripped_thenIdentical() {
        List<UserRecord> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add(new UserRecord(
                    "page-" + (i % 17), ("{\"n\":" + i + ",\"t\":\"東京 🎵\"}").getBytes(StandardCharsets.UTF_8)));
        }

        List<UserRecord> decoded = AggregatedRecords.decode(AggregatedRecords.encode(records), "ignored");

        assertThat(decoded).hasSize(300);
        for (int i = 0; i < 300; i++) {
            assertThat(decoded.get(i).partitionKey()).isEqualTo(records.get(i).partitionKey());
            assertThat(decoded.get(i).data()).isEqualTo(records.get(i).data());
        }
    }

    @Test
    void givenPlainRecord_whenDecoded_thenItIsTheOnlyUserRecord() {
        byte[] plain = "{\"id\":\"1_2\"}".getBytes(StandardCharsets.UTF_8);

        List<UserRecord> decoded = AggregatedRecords.decode(plain, "page-1");

        assertThat(decoded).singleElement().satisfies(r -> {
            assertThat(r.partitionKey()).isEqualTo("page-1");
            assertThat(r.data()).isEqualTo(plain);
        });
    }

    @Test
    void givenFlippedByte_whenDecoded_thenDigestMismatchIsReported() {
        byte[] bytes = Base64.getDecoder().decode(REFERENCE);
        bytes[10] ^= 0x01;

        assertThatThrownBy(() -> AggregatedRecords.decode(bytes, "k"))
                .isInstanceOf(CorruptAggregateException.class)
                .hasMessageContaining("digest");
    }

    @Test
    void givenValidDigestOverGarbage_whenDecoded_thenCorrupt() {
        byte[] bytes = framed(new byte[] {0x1a, 0x7f, 0x01});

        assertThatThrownBy(() -> AggregatedRecords.decode(bytes, "k")).isInstanceOf(CorruptAggregateException.class);
    }

    @Test
    void givenValidAggregateWithoutRecords_whenDecoded_thenCorruptRatherThanNothing() {
        // a key table entry ("k") and no record: found by IngestPropertyTest, it used to decode to no records at all
        byte[] bytes = framed(new byte[] {0x0a, 0x01, 0x6b});

        assertThatThrownBy(() -> AggregatedRecords.decode(bytes, "k"))
                .isInstanceOf(CorruptAggregateException.class)
                .hasMessageContaining("no user records");
    }

    private static byte[] framed(byte[] body) {
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("MD5").digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] bytes = new byte[4 + body.length + 16];
        System.arraycopy(AggregatedRecords.MAGIC, 0, bytes, 0, 4);
        System.arraycopy(body, 0, bytes, 4, body.length);
        System.arraycopy(digest, 0, bytes, 4 + body.length, 16);
        return bytes;
    }

    private static UserRecord record(String key, String data) {
        return new UserRecord(key, data.getBytes(StandardCharsets.UTF_8));
    }
}
