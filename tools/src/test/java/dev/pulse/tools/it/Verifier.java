package dev.pulse.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.json.Json;
import dev.pulse.ingest.IngestConfig;
import dev.pulse.ingest.domain.PoisonReason;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;

/** Checks the exact accounting: pages with their newest data (within ingest's staleness bound), every tracked post once, every poison quarantined. */
final class Verifier {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

    private Verifier() {}

    static void pages(ItPlatform platform, Expectations expected) {
        List<JsonNode> hits = platform.search.all(platform.pages, "pageId");
        assertThat(hits).as("distinct pages").hasSize(expected.pages.size());
        for (JsonNode hit : hits) {
            PageDocument actual = Json.mapper().convertValue(hit.path("_source"), PageDocument.class);
            PageDocument newest = expected.pages.get(actual.pageId());
            assertThat(newest).as("page %s was posted", actual.pageId()).isNotNull();
            // ingest skips writes that change nothing mentions reads (README, "Write skipping"): every field mentions
            // reads is the newest, but fans within the tolerance of it and updatedTime possibly older
            assertThat(actual)
                    .as("page %s", actual.pageId())
                    .usingRecursiveComparison()
                    .ignoringFields("fans", "updatedTime")
                    .isEqualTo(newest);
            assertThat((double) Math.abs(newest.fans() - actual.fans()))
                    .as("page %s fans %d against the newest %d", actual.pageId(), actual.fans(), newest.fans())
                    .isLessThanOrEqualTo(actual.fans() * IngestConfig.DEFAULT_PAGE_FANS_TOLERANCE_BP / 10_000.0);
            assertThat(actual.updatedTime()).as("page %s", actual.pageId()).isBeforeOrEqualTo(newest.updatedTime());
            assertThat(hit.path("_id").asText()).isEqualTo(actual.pageId());
        }
    }

    static void posts(ItPlatform platform, Expectations expected) {
        List<JsonNode> hits = platform.search.all(platform.postsPrefix + "-*", "postId");
        Set<String> seen = new HashSet<>();
        for (JsonNode hit : hits) {
            String postId = hit.path("_id").asText();
            assertThat(seen.add(postId)).as("post %s indexed once", postId).isTrue();
            Instant created = expected.trackedPosts.get(postId);
            assertThat(created).as("post %s is a tracked page's", postId).isNotNull();
            assertThat(hit.path("_index").asText()).isEqualTo(platform.postsPrefix + "-" + DAY.format(created));
        }
        assertThat(seen).isEqualTo(expected.trackedPosts.keySet());
    }

    static void quarantine(ItPlatform platform, Expectations expected) {
        List<JsonNode> entries = receiveAll(platform);
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode entry : entries) {
            byte[] payload =
                    Base64.getDecoder().decode(entry.path("payloadBase64").asText());
            String key =
                    Expectations.fingerprint(payload, entry.path("payloadBytes").asInt());
            counts.merge(key, 1, Integer::sum);
            PoisonReason reason = PoisonReason.valueOf(entry.path("reason").asText());
            assertThat(reason).as("reason of %s", key).isEqualTo(expected.poisonReasons.get(key));
            assertThat(entry.path("shardId").asText()).startsWith("shardId-");
            assertThat(entry.path("sequenceNumber").asText()).isNotBlank();
        }
        assertThat(entries).as("quarantined entries").hasSize(expected.poison);
        assertThat(counts).isEqualTo(expected.poisonCounts);
    }

    private static List<JsonNode> receiveAll(ItPlatform platform) {
        String url = platform.sqs.getQueueUrl(g -> g.queueName(platform.queue)).queueUrl();
        List<JsonNode> entries = new ArrayList<>();
        for (int empty = 0; empty < 3; ) {
            List<Message> messages = platform.sqs
                    .receiveMessage(r -> r.queueUrl(url)
                            .maxNumberOfMessages(10)
                            .visibilityTimeout(600)
                            .waitTimeSeconds(1))
                    .messages();
            if (messages.isEmpty()) {
                empty++;
            } else {
                empty = 0;
                messages.forEach(m -> entries.add(Json.read(m.body(), JsonNode.class)));
            }
        }
        return entries;
    }
}
