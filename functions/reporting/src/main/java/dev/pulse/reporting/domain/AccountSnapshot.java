package dev.pulse.reporting.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One account's snapshot of one period: per-page figures (page-id order) and the account's totals. It holds no
 * wall-clock time, so a rerun over the same posts builds an equal snapshot.
 */
public record AccountSnapshot(
        String accountId, Window window, List<PageFigures> pages, int unknownPages, long skippedPosts) {
    public AccountSnapshot {
        Objects.requireNonNull(accountId, "accountId");
        pages = pages.stream().sorted(Comparator.comparing(PageFigures::pageId)).toList();
    }

    public long posts() {
        return pages.stream().mapToLong(p -> p.activity().posts()).sum();
    }

    public long reactions() {
        return pages.stream().mapToLong(p -> p.activity().reactions()).sum();
    }

    public long comments() {
        return pages.stream().mapToLong(p -> p.activity().comments()).sum();
    }

    public long shares() {
        return pages.stream().mapToLong(p -> p.activity().shares()).sum();
    }

    public long mentions() {
        return pages.stream().mapToLong(PageFigures::mentions).sum();
    }

    public long fans() {
        return pages.stream().mapToLong(PageFigures::fans).sum();
    }

    /** The account's five most engaging posts over all its pages. */
    public List<TopPost> top() {
        return pages.stream()
                .flatMap(p -> p.activity().top().stream())
                .sorted(TopPost.ORDER)
                .limit(TopPost.LIMIT)
                .toList();
    }

    /** The account's hourly histogram (daily periods; empty for hours). */
    public long[] hourly() {
        long[] sum = new long[window.hours()];
        for (PageFigures page : pages) {
            long[] hours = page.activity().hourly();
            for (int h = 0; h < Math.min(sum.length, hours.length); h++) {
                sum[h] += hours[h];
            }
        }
        return sum;
    }
}
