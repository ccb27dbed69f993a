package dev.pulse.reporting.application;

import java.util.List;
import java.util.Map;

/** The pages index: each known page's fans now, in one search request. */
public interface PageFans {
    /** Fans of each page of {@code pages} that the index holds; an unknown page is absent. */
    Map<String, Long> fans(List<String> pages);
}
