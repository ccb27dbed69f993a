package dev.pulse.bench.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.search.IndexDefinitions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The reporting benchmark's OpenSearch data: a pages index of the tracked pages (with fans) and {@code days} daily
 * posts indices with the topology's posts mapping, bulk-loaded once and kept: a rerun with the same sizes reuses them.
 */
final class ReportingCorpus {
    static final String PAGES_INDEX = "bench-report-pages";
    static final String POSTS_PREFIX = "bench-report-posts";
    private static final int BATCH = 5_000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String endpoint;
    final int pages;
    final long posts;
    final LocalDate firstDay;
    final int days;

    ReportingCorpus(String endpoint, int pages, long posts, LocalDate firstDay, int days) {
        this.endpoint = endpoint;
        this.pages = pages;
        this.posts = posts;
        this.firstDay = firstDay;
        this.days = days;
    }

    static String page(int p) {
        return Long.toString(8_000_000_000L + p);
    }

    String postsIndex(LocalDate day) {
        return POSTS_PREFIX + "-" + day.toString().replace('-', '.');
    }

    /** True when the indices already hold this corpus (same counts); else rebuilds them. */
    boolean ensure() throws Exception {
        if (count(PAGES_INDEX) == pages && count(POSTS_PREFIX + "-*") == posts) {
            return true;
        }
        send("DELETE", "/" + PAGES_INDEX, null);
        send("DELETE", "/" + POSTS_PREFIX + "-*", null);
        send(
                "PUT",
                "/" + PAGES_INDEX,
                "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},\"mappings\":{\"properties\":"
                        + "{\"pageId\":{\"type\":\"keyword\"},\"fans\":{\"type\":\"long\"}}}}");
        JsonNode template = Json.read(IndexDefinitions.load("opensearch/posts-template.json"), JsonNode.class);
        for (int d = 0; d < days; d++) {
            ObjectNode body = Json.mapper().createObjectNode();
            body.set("mappings", template.path("template").path("mappings"));
            body.putObject("settings")
                    .put("number_of_shards", 1)
                    .put("number_of_replicas", 0)
                    .put("refresh_interval", "-1");
            send("PUT", "/" + postsIndex(firstDay.plusDays(d)), body.toString());
        }
        StringBuilder pagesBulk = new StringBuilder();
        for (int p = 0; p < pages; p++) {
            pagesBulk
                    .append("{\"index\":{\"_index\":\"")
                    .append(PAGES_INDEX)
                    .append("\",\"_id\":\"")
                    .append(page(p));
            pagesBulk
                    .append("\"}}\n{\"pageId\":\"")
                    .append(page(p))
                    .append("\",\"fans\":")
                    .append(1_000 + p * 3L);
            pagesBulk.append("}\n");
        }
        bulk(pagesBulk.toString());
        try (ExecutorService senders = Executors.newFixedThreadPool(2)) {
            List<Future<?>> sent = new ArrayList<>();
            for (long from = 0; from < posts; from += BATCH) {
                long start = from;
                sent.add(senders.submit(() -> {
                    bulk(postsBatch(start, Math.min(posts, start + BATCH)));
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
        for (int d = 0; d < days; d++) {
            send(
                    "PUT",
                    "/" + postsIndex(firstDay.plusDays(d)) + "/_settings",
                    "{\"index\":{\"refresh_interval\":\"1s\"}}");
        }
        send("POST", "/" + PAGES_INDEX + "," + POSTS_PREFIX + "-*/_refresh", null);
        send("POST", "/" + POSTS_PREFIX + "-*/_forcemerge?max_num_segments=1", null);
        return false;
    }

    /** Posts {@code [from, to)}: deterministic by number, spread evenly over the days and the tracked pages. */
    private String postsBatch(long from, long to) {
        StringBuilder body = new StringBuilder();
        Instant start = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (long i = from; i < to; i++) {
            Random r = new Random(i * 31 + 7);
            int page = r.nextInt(pages);
            Instant created = start.plusSeconds((i % days) * 86_400L + r.nextInt(86_400));
            String day = created.atZone(ZoneOffset.UTC).toLocalDate().toString().replace('-', '.');
            String id = page(page) + "_" + i;
            body.append("{\"index\":{\"_index\":\"")
                    .append(POSTS_PREFIX)
                    .append('-')
                    .append(day);
            body.append("\",\"_id\":\"").append(id).append("\"}}\n");
            body.append("{\"postId\":\"").append(id).append("\",\"pageId\":\"").append(page(page));
            body.append("\",\"createdTime\":\"")
                    .append(created)
                    .append("\",\"reactions\":")
                    .append(r.nextInt(500));
            body.append(",\"comments\":")
                    .append(r.nextInt(60))
                    .append(",\"shares\":")
                    .append(r.nextInt(25));
            body.append(",\"mentions\":[\"").append(page(r.nextInt(pages))).append("\"]}\n");
        }
        return body.toString();
    }

    private void bulk(String body) throws Exception {
        JsonNode response = send("POST", "/_bulk", body);
        if (response.path("errors").asBoolean()) {
            throw new IllegalStateException(
                    "bulk failed: " + response.toString().substring(0, 500));
        }
    }

    long count(String index) throws Exception {
        JsonNode response = send("GET", "/" + index + "/_count", null);
        return response.path("count").asLong(-1);
    }

    JsonNode send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .header(
                        "content-type",
                        body != null && path.endsWith("_bulk") ? "application/x-ndjson" : "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.body().isBlank()
                ? Json.mapper().createObjectNode()
                : Json.read(response.body(), JsonNode.class);
    }
}
