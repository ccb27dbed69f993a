package dev.pulse.reporting.adapter.dynamodb;

import dev.pulse.reporting.domain.AccountSnapshot;
import dev.pulse.reporting.domain.PageFigures;
import dev.pulse.reporting.domain.TopPost;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A snapshot as a reports item: the account's totals and top posts as plain attributes, and {@code byPage} with each
 * page's figures under short keys ({@code n} posts, {@code r} reactions, {@code c} comments, {@code s} shares,
 * {@code m} mentions, {@code f} fans, {@code df} fans change, {@code top} "postId:engagement,…", {@code h} hourly
 * counts "3,0,…"), so 1,000 pages stay far under DynamoDB's 400 KB. An item that would still pass
 * {@link #BUDGET_BYTES} drops the per-page top posts and says {@code trimmed}.
 */
final class SnapshotItem {
    static final String ACCOUNT = "accountId";
    static final String PERIOD_KEY = "periodKey";
    static final String BY_PAGE = "byPage";
    static final String FANS = "f";
    static final int BUDGET_BYTES = 350_000;

    private SnapshotItem() {}

    static Map<String, AttributeValue> of(AccountSnapshot snapshot) {
        Map<String, AttributeValue> item = totals(snapshot);
        Map<String, AttributeValue> pages = new LinkedHashMap<>();
        snapshot.pages().forEach(p -> pages.put(p.pageId(), page(p, true)));
        item.put(BY_PAGE, AttributeValue.fromM(pages));
        if (size(item) > BUDGET_BYTES) {
            Map<String, AttributeValue> slim = new LinkedHashMap<>();
            snapshot.pages().forEach(p -> slim.put(p.pageId(), page(p, false)));
            item.put(BY_PAGE, AttributeValue.fromM(slim));
            item.put("trimmed", AttributeValue.fromBool(true));
        }
        return item;
    }

    private static Map<String, AttributeValue> totals(AccountSnapshot s) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(ACCOUNT, AttributeValue.fromS(s.accountId()));
        item.put(PERIOD_KEY, AttributeValue.fromS(s.window().key()));
        item.put("period", AttributeValue.fromS(s.window().granularity().wire()));
        item.put("start", AttributeValue.fromS(s.window().start().toString()));
        item.put("end", AttributeValue.fromS(s.window().end().toString()));
        item.put("pageCount", n(s.pages().size()));
        item.put("unknownPages", n(s.unknownPages()));
        item.put("skippedPosts", n(s.skippedPosts()));
        item.put("postCount", n(s.posts()));
        item.put("engagement", n(s.reactions() + s.comments() + s.shares()));
        item.put("reactions", n(s.reactions()));
        item.put("comments", n(s.comments()));
        item.put("shares", n(s.shares()));
        item.put("mentionCount", n(s.mentions()));
        item.put("fans", n(s.fans()));
        List<PageFigures> compared =
                s.pages().stream().filter(p -> p.fansChange().isPresent()).toList();
        if (!compared.isEmpty()) {
            item.put(
                    "fansChange",
                    n(compared.stream()
                            .mapToLong(p -> p.fansChange().getAsLong())
                            .sum()));
        }
        List<AttributeValue> top = new ArrayList<>();
        for (TopPost post : s.top()) {
            Map<String, AttributeValue> entry = new LinkedHashMap<>();
            entry.put("postId", AttributeValue.fromS(post.postId()));
            entry.put("pageId", AttributeValue.fromS(post.pageId()));
            entry.put("engagement", n(post.engagement()));
            top.add(AttributeValue.fromM(entry));
        }
        item.put("topPosts", AttributeValue.fromL(top));
        if (s.window().hours() > 0) {
            item.put(
                    "hourly",
                    AttributeValue.fromL(
                            Arrays.stream(s.hourly()).mapToObj(SnapshotItem::n).toList()));
        }
        return item;
    }

    private static AttributeValue page(PageFigures p, boolean withTop) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("n", n(p.activity().posts()));
        m.put("r", n(p.activity().reactions()));
        m.put("c", n(p.activity().comments()));
        m.put("s", n(p.activity().shares()));
        m.put("m", n(p.mentions()));
        m.put(FANS, n(p.fans()));
        p.fansChange().ifPresent(df -> m.put("df", n(df)));
        if (withTop && !p.activity().top().isEmpty()) {
            m.put(
                    "top",
                    AttributeValue.fromS(p.activity().top().stream()
                            .map(t -> t.postId() + ":" + t.engagement())
                            .collect(Collectors.joining(","))));
        }
        if (p.activity().hourly().length > 0) {
            m.put(
                    "h",
                    AttributeValue.fromS(Arrays.stream(p.activity().hourly())
                            .mapToObj(Long::toString)
                            .collect(Collectors.joining(","))));
        }
        return AttributeValue.fromM(m);
    }

    /** The per-page fans a stored item recorded. */
    static Map<String, Long> fans(Map<String, AttributeValue> item) {
        Map<String, Long> fans = new HashMap<>();
        AttributeValue pages = item.get(BY_PAGE);
        if (pages != null && pages.hasM()) {
            pages.m().forEach((page, figures) -> {
                AttributeValue f = figures.hasM() ? figures.m().get(FANS) : null;
                if (f != null && f.n() != null) {
                    fans.put(page, Long.parseLong(f.n()));
                }
            });
        }
        return fans;
    }

    /** DynamoDB's item size, closely enough: names plus values, numbers at their digits. */
    static int size(Map<String, AttributeValue> item) {
        int bytes = 0;
        for (var entry : item.entrySet()) {
            bytes += entry.getKey().length() + size(entry.getValue());
        }
        return bytes;
    }

    private static int size(AttributeValue value) {
        if (value.s() != null) {
            return value.s().length();
        }
        if (value.n() != null) {
            return value.n().length() / 2 + 2;
        }
        if (value.hasM()) {
            return 3 + size(value.m()) + value.m().size();
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToInt(v -> size(v) + 1).sum();
        }
        return 1;
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
