package dev.pulse.reporting.domain;

import java.util.List;

/**
 * What the posts indices say about one page in one period: its complete posts and their engagement, its most engaging
 * posts, the hourly histogram of its posts (daily periods) and how many of its posts lacked a field (skipped).
 */
public record PageActivity(
        long posts, long reactions, long comments, long shares, List<TopPost> top, long[] hourly, long skipped) {
    public static final PageActivity NONE = new PageActivity(0, 0, 0, 0, List.of(), new long[0], 0);

    @Override
    public long[] hourly() {
        return hourly.clone();
    }

    /** By value, histogram included (a record compares arrays by reference). */
    @Override
    public boolean equals(Object other) {
        return other instanceof PageActivity o
                && posts == o.posts
                && reactions == o.reactions
                && comments == o.comments
                && shares == o.shares
                && skipped == o.skipped
                && top.equals(o.top)
                && java.util.Arrays.equals(hourly, o.hourly);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(posts, reactions, comments, shares, skipped, top) * 31
                + java.util.Arrays.hashCode(hourly);
    }

    @Override
    public String toString() {
        return "PageActivity[posts=" + posts + ", engagement=" + engagement() + ", skipped=" + skipped + "]";
    }

    public PageActivity {
        top = top.stream().sorted(TopPost.ORDER).limit(TopPost.LIMIT).toList();
        hourly = hourly.clone();
    }

    public long engagement() {
        return reactions + comments + shares;
    }
}
