package dev.pulse.tools.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.mentions.LoopbackHttpApi;
import dev.pulse.mentions.MentionsConfig;
import dev.pulse.mentions.MentionsHandler;
import dev.pulse.mentions.MentionsWiring;
import dev.pulse.mentions.adapter.opensearch.TestPagesIndex;
import dev.pulse.mentions.application.ContractPages;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Zero-downtime re-index: while clients keep querying over loopback HTTP, {@link PagesMigration} re-indexes the pages
 * from a v1 index into a v2 index with a different mapping and moves the alias in one atomic {@code _aliases} request;
 * then the old index is deleted. No request may fail, and answers must come from the new index afterwards.
 */
class AliasSwapIT {
    private static final List<String> PREFIXES =
            List.of("n", "ne", "new", "new y", "york", "star", "caf", "моск", "東京", "nint", "zebr");

    @Test
    void givenRunningLoad_whenReindexedAndAliasSwapped_thenNoFailedRequestAndNewIndexServes() throws Exception {
        List<PageDocument> pages = new ArrayList<>(ContractPages.documents());
        for (int i = 0; i < 3_000; i++) {
            pages.add(new PageDocument("gen-" + i, "Generated Page " + i, "gen" + i, "Misc", i, false, Instant.EPOCH));
        }
        try (TestPagesIndex old = new TestPagesIndex(pages, "opensearch/pages-v1.json")) {
            PagesIndexAdmin admin = new PagesIndexAdmin(old.client);
            String next = old.alias + "-v3";
            Map<String, String> env = LocalPlatform.environment();
            env.put(MentionsConfig.PAGES_ALIAS, old.alias);
            env.put(MentionsConfig.CACHE_NAME, Unique.name("it-swap"));
            env.put(MentionsConfig.VERSION_TTL_MS, "300");
            MentionsHandler handler =
                    MentionsWiring.from(PulseConfig.fromEnv(env)).handler();

            AtomicBoolean swapped = new AtomicBoolean();
            AtomicInteger afterSwap = new AtomicInteger();
            AtomicInteger total = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            CountDownLatch loadDone = new CountDownLatch(2);
            ExecutorService clients = Executors.newFixedThreadPool(2);
            try (LoopbackHttpApi api = new LoopbackHttpApi(handler);
                    HttpClient http = HttpClient.newHttpClient()) {
                for (int c = 0; c < 2; c++) {
                    int client = c;
                    clients.submit(() -> {
                        // Bounded: until 300 requests after the swap, or 20,000 in all.
                        for (int i = 0; i < 20_000 && afterSwap.get() < 300; i++) {
                            // Half hot prefixes (cache hits), half distinct ones that must reach the index.
                            String q = i % 2 == 0
                                    ? PREFIXES.get((i / 2 + client) % PREFIXES.size())
                                    : "generated page " + (client * 10_000 + i);
                            try {
                                var response = http.send(
                                        HttpRequest.newBuilder(api.uri(q))
                                                .timeout(Duration.ofSeconds(10))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() != 200) {
                                    failures.add(q + " -> " + response.statusCode() + " " + response.body());
                                }
                            } catch (Exception e) {
                                failures.add(q + " -> " + e);
                            }
                            total.incrementAndGet();
                            if (swapped.get()) {
                                afterSwap.incrementAndGet();
                            }
                        }
                        loadDone.countDown();
                    });
                }
                org.awaitility.Awaitility.await().until(() -> total.get() > 100);

                // The v1 mapping has no whole-name field, so "york" ranks by fans alone (New York Times first);
                // v2 ranks the whole-name prefix first (York Minster). The flip shows which index answers.
                assertThat(jsonIds(get(http, api, "york"))).first().isEqualTo("nyt");

                var report = new PagesMigration(admin, java.time.Clock.systemUTC())
                        .migrate(old.alias, next, "opensearch/pages-v2.json");
                swapped.set(true);
                admin.delete(old.index); // nothing may still be reading it

                assertThat(loadDone.await(120, TimeUnit.SECONDS)).isTrue();
                assertThat(report.copied()).isEqualTo(pages.size());
                assertThat(report.from()).isEqualTo(old.index);
                assertThat(admin.indicesOf(old.alias)).containsExactly(next);
                assertThat(failures)
                        .as("failed requests out of %d", total.get())
                        .isEmpty();
                assertThat(afterSwap.get()).isGreaterThanOrEqualTo(300);
                assertThat(jsonIds(get(http, api, "york"))).first().isEqualTo("minster");
                assertThat(jsonIds(get(http, api, "new y"))).startsWith("nyt");
            } finally {
                clients.shutdownNow();
                admin.delete(next);
            }
        }
    }

    private static JsonNode get(HttpClient http, LoopbackHttpApi api, String q) throws Exception {
        var response = http.send(HttpRequest.newBuilder(api.uri(q)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.read(response.body(), JsonNode.class);
    }

    private static List<String> jsonIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("results").forEach(r -> ids.add(r.path("pageId").asText()));
        return ids;
    }
}
