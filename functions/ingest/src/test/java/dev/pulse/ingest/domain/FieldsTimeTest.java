package dev.pulse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Graph-time fast path reads exactly what the formatter reads, and refuses what it refuses. */
class FieldsTimeTest {
    private static final DateTimeFormatter FORMATTER = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .toFormatter();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-26T06:07:04+0000",
                "2024-02-29T23:59:59+0000",
                "2004-01-01T00:00:00+0000",
                "2026-11-26T06:07:04+0100",
                "2026-11-26T06:07:04.123+0000",
                "2026-11-26T06:07:04Z",
                "2026-11-26T06:07:04+01:00"
            })
    void givenAValidTime_whenParsed_thenTheSameInstantAsTheFormatter(String text) {
        assertThat(Fields.parseTime(text))
                .isEqualTo(OffsetDateTime.parse(text, FORMATTER).toInstant());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-29T06:07:04+0000",
                "2026-11-31T06:07:04+0000",
                "2026-11-26T24:00:00+0000",
                "2026-11-28T23:59:59+0000",
                "2026-11-29T00:00:00+0000",
                "2026-13-01T06:07:04+0000",
                "2026-00-01T06:07:04+0000",
                "2026-11-00T06:07:04+0000",
                "2026-11-26T06:60:04+0000",
                "2026-11-26T06:07:60+0000",
                "2026-1a-26T06:07:04+0000",
                "2026-11-26 06:07:04+0000",
                "٢٠٢٦-11-26T06:07:04+0000",
                "+2026-11-26T06:07:04+0000"
            })
    void givenAnEdgeOrInvalidTime_whenParsed_thenTheSameAnswerAsTheFormatter(String text) {
        Object expected;
        try {
            expected = OffsetDateTime.parse(text, FORMATTER).toInstant();
        } catch (DateTimeException e) {
            expected = DateTimeException.class;
        }
        Object actual;
        try {
            actual = Fields.parseTime(text);
        } catch (DateTimeException e) {
            actual = DateTimeException.class;
        }

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void givenTheGraphShape_whenParsed_thenUtc() {
        assertThat(Fields.parseTime("2026-11-26T06:07:04+0000")).isEqualTo(Instant.parse("2026-11-26T06:07:04Z"));
    }
}
