package dev.pulse.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/** Typed, validating access to one JSON object of a post; a wrong type or value names the field. */
record Fields(JsonNode node) {
    /** Graph API times look like {@code 2026-11-26T06:07:04+0000}; plain ISO-8601 is accepted too. */
    private static final DateTimeFormatter GRAPH_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .toFormatter();

    String text(String name, boolean required, PoisonReason whenMissing) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidPostException(whenMissing, name + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidPostException(PoisonReason.WRONG_TYPE, name + " must be a string");
        }
        if (required && value.textValue().isBlank()) {
            throw new InvalidPostException(whenMissing, name + " must not be blank");
        }
        return value.textValue();
    }

    Fields object(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidPostException(PoisonReason.MISSING_FIELD, name + " is required");
        }
        if (!value.isObject()) {
            throw new InvalidPostException(PoisonReason.WRONG_TYPE, name + " must be an object");
        }
        return new Fields(value);
    }

    /** A time inside {@code window}; one that does not parse, or lies outside, is {@code INVALID_VALUE}. */
    Instant time(String name, boolean required, TimeWindow window) {
        String value = text(name, required, PoisonReason.MISSING_FIELD);
        if (value == null) {
            return null;
        }
        Instant time;
        try {
            time = parseTime(value);
        } catch (DateTimeException e) {
            throw new InvalidPostException(PoisonReason.INVALID_VALUE, name + " is not a time: '" + value + "'");
        }
        String violation = window.violation(name, time);
        if (violation != null) {
            throw new InvalidPostException(PoisonReason.INVALID_VALUE, violation);
        }
        return time;
    }

    /**
     * The Graph API's own shape ({@code 2026-11-26T06:07:04+0000}, 24 characters, UTC) read digit by digit when
     * every field is in a range no resolver could read otherwise (days up to 28); the formatter, which profiling
     * showed at about 8 % of the handler's CPU, reads everything else, with its own (smart) resolving of days 29-31
     * and 24:00, so both give the same answer for every input.
     */
    static Instant parseTime(String value) {
        if (value.length() == 24
                && value.charAt(4) == '-'
                && value.charAt(7) == '-'
                && value.charAt(10) == 'T'
                && value.charAt(13) == ':'
                && value.charAt(16) == ':'
                && value.endsWith("+0000")) {
            int year = digits(value, 0, 4);
            int month = digits(value, 5, 7);
            int day = digits(value, 8, 10);
            int hour = digits(value, 11, 13);
            int minute = digits(value, 14, 16);
            int second = digits(value, 17, 19);
            if ((year | month | day | hour | minute | second) >= 0
                    && month >= 1
                    && month <= 12
                    && day >= 1
                    && day <= 28
                    && hour <= 23
                    && minute <= 59
                    && second <= 59) {
                return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
            }
        }
        return OffsetDateTime.parse(value, GRAPH_TIME).toInstant();
    }

    /** The number written in {@code value[from, to)} with ASCII digits only, or -1. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    Long longValue(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidPostException(PoisonReason.WRONG_TYPE, name + " must be an integer");
        }
        if (value.longValue() < 0) {
            throw new InvalidPostException(PoisonReason.INVALID_VALUE, name + " must not be negative");
        }
        return value.longValue();
    }

    /** Page metadata may sit in {@code from} (preferred) or at the top level of the post. */
    String textOr(String name, Fields fallback) {
        String value = text(name, false, PoisonReason.MISSING_FIELD);
        return value != null ? value : fallback.text(name, false, PoisonReason.MISSING_FIELD);
    }

    long longOr(String name, Fields fallback) {
        Long value = longValue(name);
        value = value != null ? value : fallback.longValue(name);
        return value == null ? 0 : value;
    }

    boolean boolOr(String name, Fields fallback) {
        Boolean value = bool(name);
        value = value != null ? value : fallback.bool(name);
        return value != null && value;
    }

    /** A count nested in objects, such as {@code reactions.summary.total_count}; absent means zero. */
    int count(String... path) {
        Fields current = this;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = current.node.get(path[i]);
            if (next == null || next.isNull()) {
                return 0;
            }
            if (!next.isObject()) {
                throw new InvalidPostException(PoisonReason.WRONG_TYPE, String.join(".", path) + " must be an object");
            }
            current = new Fields(next);
        }
        Long value = current.longValue(path[path.length - 1]);
        if (value != null && value > Integer.MAX_VALUE) {
            throw new InvalidPostException(PoisonReason.INVALID_VALUE, String.join(".", path) + " is too large");
        }
        return value == null ? 0 : value.intValue();
    }

    private Boolean bool(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidPostException(PoisonReason.WRONG_TYPE, name + " must be true or false");
        }
        return value.booleanValue();
    }
}
