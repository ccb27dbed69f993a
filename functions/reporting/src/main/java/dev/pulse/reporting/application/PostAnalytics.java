package dev.pulse.reporting.application;

import dev.pulse.reporting.domain.PageActivity;
import dev.pulse.reporting.domain.Window;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Aggregations over the posts indices; each call is exactly one search request, so the caller can pace and count them. */
public interface PostAnalytics {
    /**
     * One page of per-page activity over {@code pages} in {@code window}; {@code after} continues a previous page.
     * Pages without posts are absent.
     */
    ActivityPage activity(List<String> pages, Window window, Optional<String> after);

    /** How many posts created in {@code window} mention each of {@code pages}; pages never mentioned are absent. */
    Map<String, Long> mentions(List<String> pages, Window window);

    /** One page of results and where the next one starts, if any. */
    record ActivityPage(Map<String, PageActivity> pages, Optional<String> after) {
        public ActivityPage {
            pages = Map.copyOf(pages);
        }
    }
}
