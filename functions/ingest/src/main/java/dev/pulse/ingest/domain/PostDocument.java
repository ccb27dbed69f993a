package dev.pulse.ingest.domain;

import java.time.Instant;
import java.util.List;

/** A post as stored in {@code posts-YYYY.MM.DD}; field names match {@code opensearch/posts-template.json}. */
public record PostDocument(
        String postId,
        String pageId,
        String pageName,
        String message,
        List<String> mentions,
        Instant createdTime,
        Instant updatedTime,
        int shares,
        int reactions,
        int comments,
        String permalinkUrl) {}
