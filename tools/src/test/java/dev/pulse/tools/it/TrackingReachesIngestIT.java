package dev.pulse.tools.it;

import static dev.pulse.tools.it.HttpApiPlatform.READ_WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.SearchAdmin;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.ingest.IngestConfig;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.kinesis.KinesisEventFactory;
import dev.pulse.local.kinesis.StreamRecord;
import dev.pulse.local.lambda.InvocationResult;
import dev.pulse.local.lambda.LocalFunction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The accounts API is the source of what ingest indexes: a page tracked through {@code PUT
 * /accounts/me/tracked-pages/{id}} has its posts indexed as soon as ingest reads the change log the accounts function
 * wrote, and a page untracked by its last account stops being indexed as soon, with ingest's per-page answers at their
 * production TTL (10 minutes): only the change log can make it happen. The log is read every half second here (5 s in
 * production); the waits are bounded by the 60 s.
 */
class TrackingReachesIngestIT {
    private static final String PAGE = "800000000001";

    private final String posts = Unique.name("it-track-posts");
    private final SearchAdmin search =
            new SearchAdmin(LocalPlatform.environment().get(OpenSearchSettings.ENDPOINT));
    private final AtomicInteger sequence = new AtomicInteger();
    private HttpApiPlatform platform;
    private LocalFunction ingest;
    private KinesisEventFactory events;

    @BeforeEach
    void start() throws Exception {
        platform = new HttpApiPlatform(
                List.of(new PageDocument(PAGE, "Tracked Café", "trackedcafe", "Cafe", 5000, false, Instant.EPOCH)),
                Map.of(IngestConfig.TRACKED_POLL_MS, "500", IngestConfig.POSTS, posts));
        ingest = platform.functions().require(PulseTopology.INGEST_FUNCTION);
        events = KinesisEventFactory.forMapping(
                LocalSettings.fromEnvironment(System.getenv()), "it-stream", PulseTopology.INGEST_FUNCTION);
    }

    @AfterEach
    void stop() throws Exception {
        search.send("DELETE", "/" + posts + "-*", null);
        platform.close();
    }

    @Test
    void givenTrackingThroughTheApi_thenIngestIndexesThePage_untilItsLastAccountUntracks() throws Exception {
        String ada = platform.token(Unique.name("ada"), READ_WRITE);
        String bob = platform.token(Unique.name("bob"), READ_WRITE);
        assertThat(call("POST", "/accounts", ada, "{\"name\":\"Ada\"}")).isEqualTo(201);
        assertThat(call("POST", "/accounts", bob, "{\"name\":\"Bob\"}")).isEqualTo(201);

        // Not tracked yet: the post is not indexed, and ingest caches that answer.
        String before = ingestPost();
        assertThat(indexed(before)).isFalse();

        assertThat(call("PUT", "/accounts/me/tracked-pages/" + PAGE, ada, null)).isEqualTo(201);
        assertThat(call("PUT", "/accounts/me/tracked-pages/" + PAGE, bob, null)).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> indexed(ingestPost()));
        assertThat(indexed(before))
                .as("a post from before the page was tracked")
                .isFalse();

        // One of two accounts untracks: the page stays tracked.
        assertThat(call("DELETE", "/accounts/me/tracked-pages/" + PAGE, ada, null))
                .isEqualTo(204);
        Thread.sleep(1_500); // past a poll of the change log, so the page's answer was looked up again
        assertThat(indexed(ingestPost())).as("tracked by bob still").isTrue();

        // The last account untracks: posts stop being indexed within the TTL.
        assertThat(call("DELETE", "/accounts/me/tracked-pages/" + PAGE, bob, null))
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !indexed(ingestPost()));
    }

    /** Sends one new post of the page through the ingest function; returns its id. */
    private String ingestPost() {
        int n = sequence.incrementAndGet();
        String postId = PAGE + "_" + (1000 + n);
        String post = "{\"id\":\"" + postId + "\",\"from\":{\"id\":\"" + PAGE + "\",\"name\":\"Tracked Café\","
                + "\"fan_count\":5000},\"message\":\"post " + n + "\",\"created_time\":\"2026-11-26T05:00:00+0000\","
                + "\"updated_time\":\"2026-11-26T05:00:0" + (n % 10)
                + "+0000\",\"permalink_url\":\"https://example.com/"
                + n + "\"}";
        StreamRecord record = new StreamRecord(
                "shardId-000000000000",
                String.format("%056d", n),
                PAGE,
                post.getBytes(StandardCharsets.UTF_8),
                Instant.now());
        InvocationResult result = ingest.invoke(events.event(List.of(record)).toString());
        assertThat(result.error()).isEmpty();
        assertThat(Json.read(result.response(), JsonNode.class)
                        .path("batchItemFailures")
                        .size())
                .isZero();
        return postId;
    }

    private boolean indexed(String postId) {
        search.refresh(posts + "-*");
        return search.send("GET", "/" + posts + "-*/_count?allow_no_indices=true&q=_id:" + postId, null)
                        .path("count")
                        .asLong()
                > 0;
    }

    private int call(String method, String path, String token, String body) {
        return platform.send(method, path, token, body).statusCode();
    }
}
