package dev.pulse.accounts.domain;

import java.time.Instant;
import java.util.Objects;

/** A page an account tracks, since {@code addedAt}. */
public record TrackedPage(PageId pageId, Instant addedAt) {
    public TrackedPage {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
