package dev.pulse.mentions.domain;

import java.util.List;

/** The ranked pages a directory found, and whether they came from the cache or the index. */
public record Matches(List<PageSummary> pages, Source source) {
    public Matches {
        pages = List.copyOf(pages);
    }

    /** Where an answer came from, as the API reports it. */
    public enum Source {
        CACHE,
        INDEX;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
