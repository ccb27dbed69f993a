package dev.pulse.mentions.domain;

import java.util.Objects;

/** One suggestion: the fields the mention box shows, nothing more. */
public record PageSummary(String pageId, String name, String username, String category, long fans, boolean verified) {
    public PageSummary {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(name, "name");
    }
}
