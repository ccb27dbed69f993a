package dev.pulse.ingest.application;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Physical names: the pages alias, and the daily posts index a post belongs to (by its creation day, UTC). */
public record IndexNames(String pages, String postsPrefix) {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

    public String posts(Instant createdTime) {
        return postsPrefix + "-" + DAY.format(createdTime);
    }
}
