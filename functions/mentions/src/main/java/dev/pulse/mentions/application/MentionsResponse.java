package dev.pulse.mentions.application;

import dev.pulse.mentions.domain.PageSummary;
import java.util.List;

/** The 200 body: {@code {"query", "results": [...], "source": "cache"|"index"}}. */
public record MentionsResponse(String query, List<PageSummary> results, String source) {
    public MentionsResponse {
        results = List.copyOf(results);
    }
}
