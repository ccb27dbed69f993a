package dev.pulse.reporting.adapter.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import dev.pulse.reporting.application.PostAnalytics;
import dev.pulse.reporting.domain.PageActivity;
import dev.pulse.reporting.domain.TopPost;
import dev.pulse.reporting.domain.Window;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;

/**
 * The posts indices' aggregations: a composite aggregation over the pages of a batch (paged with {@code after_key}),
 * whose buckets hold the complete posts' sums, top hits and hourly histogram; and a terms aggregation over the
 * {@code mentions} field restricted to the batch's pages. A post lacking postId, reactions, comments or shares is
 * counted as skipped, not summed.
 */
public final class OpenSearchPostAnalytics implements PostAnalytics {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);
    private static final List<String> COUNTS = List.of("reactions", "comments", "shares");
    private static final String ENGAGEMENT = "doc['reactions'].value + doc['comments'].value + doc['shares'].value";

    /** Buckets per composite page: each holds five top hits and up to 24 hours, so about 2 KB of response. */
    public static final int BUCKETS_PER_PAGE = 250;

    private final SearchCalls calls;
    private final String postsPrefix;
    private final int bucketsPerPage;

    public OpenSearchPostAnalytics(OpenSearchGenericClient client, String postsPrefix, int bucketsPerPage) {
        this.calls = new SearchCalls(client);
        this.postsPrefix = postsPrefix;
        this.bucketsPerPage = bucketsPerPage;
    }

    /** The one daily index a window's posts live in (both hours and days fall within one UTC day). */
    String index(Window window) {
        return postsPrefix + "-" + DAY.format(window.start());
    }

    @Override
    public ActivityPage activity(List<String> pages, Window window, Optional<String> after) {
        ObjectNode body = query("pageId", pages, window);
        ObjectNode composite = body.putObject("aggs").putObject("byPage").putObject("composite");
        int size = Math.min(pages.size(), bucketsPerPage);
        composite.put("size", size);
        composite
                .putArray("sources")
                .addObject()
                .putObject("page")
                .putObject("terms")
                .put("field", "pageId");
        after.ifPresent(a -> composite.putObject("after").put("page", a));
        ObjectNode complete = ((ObjectNode) body.path("aggs").path("byPage"))
                .putObject("aggs")
                .putObject("complete");
        ArrayNode required = complete.putObject("filter").putObject("bool").putArray("filter");
        required.addObject().putObject("exists").put("field", "postId");
        COUNTS.forEach(f -> required.addObject().putObject("exists").put("field", f));
        ObjectNode sub = complete.putObject("aggs");
        COUNTS.forEach(f -> sub.putObject(f).putObject("sum").put("field", f));
        ObjectNode top = sub.putObject("top").putObject("top_hits");
        top.put("size", TopPost.LIMIT).put("_source", false);
        ArrayNode sort = top.putArray("sort");
        ObjectNode script = sort.addObject().putObject("_script");
        script.put("type", "number").put("order", "desc");
        script.putObject("script").put("source", ENGAGEMENT);
        sort.addObject().put("postId", "asc");
        if (window.hours() > 0) {
            sub.putObject("hours")
                    .putObject("date_histogram")
                    .put("field", "createdTime")
                    .put("fixed_interval", "1h");
        }
        JsonNode agg = calls.send("POST", "/" + index(window) + "/_search", SearchCalls.LENIENT, body)
                .path("aggregations")
                .path("byPage");
        Map<String, PageActivity> found = new HashMap<>();
        for (JsonNode bucket : agg.path("buckets")) {
            String page = bucket.path("key").path("page").asText();
            found.put(page, activity(page, bucket, window));
        }
        // A full page may have a next one; a page that covers the whole batch cannot.
        boolean more = agg.path("buckets").size() == size && size < pages.size();
        Optional<String> next = more && agg.has("after_key")
                ? Optional.of(agg.path("after_key").path("page").asText())
                : Optional.empty();
        return new ActivityPage(found, next);
    }

    private static PageActivity activity(String page, JsonNode bucket, Window window) {
        JsonNode complete = bucket.path("complete");
        long posts = complete.path("doc_count").asLong();
        List<TopPost> top = new ArrayList<>();
        for (JsonNode hit : complete.path("top").path("hits").path("hits")) {
            top.add(new TopPost(hit.path("sort").path(1).asText(), page, (long)
                    hit.path("sort").path(0).asDouble()));
        }
        long[] hourly = new long[window.hours()];
        for (JsonNode hour : complete.path("hours").path("buckets")) {
            long offset = (hour.path("key").asLong() - window.start().toEpochMilli()) / 3_600_000L;
            if (offset >= 0 && offset < hourly.length) {
                hourly[(int) offset] += hour.path("doc_count").asLong();
            }
        }
        return new PageActivity(
                posts,
                sum(complete, "reactions"),
                sum(complete, "comments"),
                sum(complete, "shares"),
                top,
                hourly,
                bucket.path("doc_count").asLong() - posts);
    }

    @Override
    public Map<String, Long> mentions(List<String> pages, Window window) {
        ObjectNode body = query("mentions", pages, window);
        ObjectNode terms = body.putObject("aggs").putObject("mentioned").putObject("terms");
        terms.put("field", "mentions").put("size", pages.size());
        ArrayNode include = terms.putArray("include");
        pages.forEach(include::add);
        JsonNode buckets = calls.send("POST", "/" + index(window) + "/_search", SearchCalls.LENIENT, body)
                .path("aggregations")
                .path("mentioned")
                .path("buckets");
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode bucket : buckets) {
            counts.put(bucket.path("key").asText(), bucket.path("doc_count").asLong());
        }
        return counts;
    }

    /** Posts of the window whose {@code field} holds one of {@code pages}; no hits, only aggregations. */
    private static ObjectNode query(String field, List<String> pages, Window window) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("size", 0).put("track_total_hits", false);
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        ArrayNode values = filter.addObject().putObject("terms").putArray(field);
        pages.forEach(values::add);
        filter.addObject()
                .putObject("range")
                .putObject("createdTime")
                .put("gte", window.start().toString())
                .put("lt", window.end().toString());
        return body;
    }

    private static long sum(JsonNode complete, String field) {
        return Math.round(complete.path(field).path("value").asDouble());
    }
}
