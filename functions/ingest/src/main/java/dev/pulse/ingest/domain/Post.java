package dev.pulse.ingest.domain;

import dev.pulse.core.domain.PageDocument;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A validated page post, with the metadata of the page that published it. */
public record Post(
        String postId,
        String message,
        List<String> mentions,
        Instant createdTime,
        Instant updatedTime,
        int shares,
        int reactions,
        int comments,
        String permalinkUrl,
        PageDocument page) {

    public Post {
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(createdTime, "createdTime");
        Objects.requireNonNull(updatedTime, "updatedTime");
        Objects.requireNonNull(page, "page");
        mentions = List.copyOf(mentions);
        if (!postId.startsWith(page.pageId() + "_")) {
            throw new IllegalArgumentException("post id " + postId + " does not belong to page " + page.pageId());
        }
        if (shares < 0 || reactions < 0 || comments < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public String pageId() {
        return page.pageId();
    }

    /** The document written to the daily posts index. */
    public PostDocument document() {
        return new PostDocument(
                postId,
                page.pageId(),
                page.name(),
                message,
                mentions,
                createdTime,
                updatedTime,
                shares,
                reactions,
                comments,
                permalinkUrl);
    }
}
