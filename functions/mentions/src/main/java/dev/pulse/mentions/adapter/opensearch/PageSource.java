package dev.pulse.mentions.adapter.opensearch;

import dev.pulse.mentions.domain.PageSummary;

/** The part of a page document the mention box needs; the search requests fetch only these source fields. */
public record PageSource(String pageId, String name, String username, String category, Long fans, Boolean verified) {
    public static final java.util.List<String> FIELDS =
            java.util.List.of("pageId", "name", "username", "category", "fans", "verified");

    public PageSummary toSummary() {
        return new PageSummary(
                pageId, name, username, category, fans == null ? 0 : fans, Boolean.TRUE.equals(verified));
    }
}
