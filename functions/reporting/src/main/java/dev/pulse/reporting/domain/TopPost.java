package dev.pulse.reporting.domain;

import java.util.Comparator;

/** One post among a page's most engaging: its id and reactions + comments + shares. */
public record TopPost(String postId, String pageId, long engagement) {
    /** Most engagement first, then post id: the same posts in the same order on every run. */
    public static final Comparator<TopPost> ORDER =
            Comparator.comparingLong(TopPost::engagement).reversed().thenComparing(TopPost::postId);

    public static final int LIMIT = 5;
}
