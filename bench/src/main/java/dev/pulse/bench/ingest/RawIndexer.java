package dev.pulse.bench.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.json.Json;
import dev.pulse.ingest.domain.ParseResult;
import dev.pulse.ingest.domain.Post;
import dev.pulse.ingest.domain.PostParser;
import dev.pulse.tools.firehose.SimRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The two reference points around the handler: the naive way (one index request per document, every post's page
 * too, no de-duplication) and the ceiling (pre-built {@code _bulk} bodies of the handler's documents, sent raw).
 */
final class RawIndexer {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);
    private static final int THREADS = 2;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String endpoint;
    private int ceilingPages;

    RawIndexer(String endpoint) {
        this.endpoint = endpoint;
    }

    /** Indexes each post's page and (when tracked) the post with one request each; returns the elapsed nanos. */
    long naive(List<SimRecord> records, Set<String> tracked, String pages, String posts) throws Exception {
        List<Post> parsed = parse(records);
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                work.add(pool.submit(() -> {
                    for (int i = offset; i < parsed.size(); i += THREADS) {
                        Post post = parsed.get(i);
                        send("PUT", "/" + pages + "/_doc/" + post.pageId(), json(post.page()), "application/json");
                        if (tracked.contains(post.pageId())) {
                            send(
                                    "PUT",
                                    "/" + posts + "-" + DAY.format(post.createdTime()) + "/_doc/" + post.postId(),
                                    json(post.document()),
                                    "application/json");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        return System.nanoTime() - started;
    }

    /**
     * Builds the bulk bodies the handler's documents make (pages de-duplicated per {@code postsPerBatch} posts,
     * tracked posts), then times only sending them, two requests at a time; returns the elapsed nanos.
     */
    long ceiling(List<SimRecord> records, Set<String> tracked, String pages, String posts, int postsPerBatch)
            throws Exception {
        List<Post> parsed = parse(records);
        List<byte[]> bodies = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int from = 0; from < parsed.size(); from += postsPerBatch) {
            Map<String, PageDocument> batchPages = new LinkedHashMap<>();
            for (Post post : parsed.subList(from, Math.min(from + postsPerBatch, parsed.size()))) {
                batchPages.put(post.pageId(), post.page());
                if (tracked.contains(post.pageId())) {
                    append(body, posts + "-" + DAY.format(post.createdTime()), post.postId(), json(post.document()));
                }
                if (body.size() > 4_500_000) {
                    bodies.add(body.toByteArray());
                    body.reset();
                }
            }
            batchPages.forEach((id, page) -> append(body, pages, id, json(page)));
            ceilingPages += batchPages.size();
        }
        bodies.add(body.toByteArray());
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> work = new ArrayList<>();
            for (byte[] bulk : bodies) {
                work.add(pool.submit(() -> send("POST", "/_bulk", bulk, "application/x-ndjson")));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        return System.nanoTime() - started;
    }

    /** How many page documents the last {@link #ceiling} sent: one per page per batch. */
    int ceilingPages() {
        return ceilingPages;
    }

    private static List<Post> parse(List<SimRecord> records) {
        PostParser parser = new PostParser(1 << 20);
        return records.stream()
                .map(r -> ((ParseResult.Parsed) parser.parse(r.payload())).post())
                .toList();
    }

    private static void append(ByteArrayOutputStream body, String index, String id, byte[] source) {
        body.writeBytes(("{\"index\":{\"_index\":\"" + index + "\",\"_id\":\"" + id + "\"}}\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(source);
        body.write('\n');
    }

    private static byte[] json(Object document) {
        try {
            return Json.mapper().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String send(String method, String path, byte[] body, String contentType) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(endpoint + path))
                            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                            .header("Content-Type", contentType)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300
                    || response.body().startsWith("{\"took\"")
                            && response.body().contains("\"errors\":true")) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                        + response.body()
                                .substring(0, Math.min(300, response.body().length())));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
