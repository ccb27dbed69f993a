package dev.pulse.ingest.adapter.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.ingest.application.Backoff;
import dev.pulse.ingest.application.DocumentSink;
import dev.pulse.ingest.application.IndexOp;
import dev.pulse.ingest.application.TransientFailureException;
import dev.pulse.ingest.application.WriteOutcome;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes ops through {@code _bulk} in requests of at most {@code maxBulkBytes}, retrying 429s, 5xx and connection
 * failures (whole requests or single items) with backoff until the deadline.
 */
public final class OpenSearchBulkSink implements DocumentSink {
    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchBulkSink.class);

    private static final int MGET_IDS = 1_000;

    private final OpenSearchGenericClient client;
    private final int maxBulkBytes;
    private final Backoff backoff;
    private final Clock clock;

    public OpenSearchBulkSink(OpenSearchGenericClient client, int maxBulkBytes, Backoff backoff, Clock clock) {
        this.client = client;
        this.maxBulkBytes = maxBulkBytes;
        this.backoff = backoff;
        this.clock = clock;
    }

    @Override
    public List<WriteOutcome> write(List<IndexOp> ops, Instant deadline) {
        WriteOutcome[] outcomes = new WriteOutcome[ops.size()];
        byte[][] actions = new byte[ops.size()][];
        int[] sizes = new int[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            actions[i] = BulkBody.action(ops.get(i));
            sizes[i] = BulkBody.size(actions[i], ops.get(i));
        }
        List<Integer> all = IntStream.range(0, ops.size()).boxed().toList();
        for (List<Integer> chunk : BulkBody.chunks(all, sizes, maxBulkBytes)) {
            writeChunk(chunk, ops, actions, sizes, outcomes, deadline);
        }
        return Arrays.asList(outcomes);
    }

    /**
     * One realtime {@code _mget} without sources per {@value #MGET_IDS} ids: only each document's version comes back,
     * so the read costs a lookup of the id, not a fetch.
     */
    @Override
    public Map<String, Long> versions(String index, Collection<String> ids) {
        Map<String, Long> versions = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += MGET_IDS) {
            List<String> chunk = all.subList(from, Math.min(from + MGET_IDS, all.size()));
            try (Response response = client.execute(Requests.create(
                    "POST",
                    "/" + index + "/_mget",
                    List.of(),
                    Map.of("_source", "false"),
                    Body.from(BulkBody.ids(chunk), "application/json")))) {
                byte[] bytes = response.getBody().map(Body::bodyAsBytes).orElse(new byte[0]);
                if (response.getStatus() >= 300) {
                    throw new TransientFailureException("_mget answered " + response.getStatus(), null);
                }
                for (JsonNode doc : Json.mapper().readTree(bytes).path("docs")) {
                    if (doc.path("found").asBoolean(false)) {
                        versions.put(
                                doc.path("_id").asText(), doc.path("_version").asLong());
                    } else if (doc.has("error")) {
                        throw new TransientFailureException("_mget item failed: " + doc.path("error"), null);
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw e instanceof TransientFailureException t ? t : new TransientFailureException("_mget failed", e);
            }
        }
        return versions;
    }

    private void writeChunk(
            List<Integer> chunk,
            List<IndexOp> ops,
            byte[][] actions,
            int[] sizes,
            WriteOutcome[] outcomes,
            Instant deadline) {
        List<Integer> pending = chunk;
        for (int attempt = 0; ; attempt++) {
            String problem = send(BulkBody.encode(pending, ops, actions, sizes), pending, outcomes);
            List<Integer> retry =
                    pending.stream().filter(i -> outcomes[i] == null).toList();
            if (retry.isEmpty()) {
                return;
            }
            Duration delay = backoff.delay(attempt);
            if (clock.instant().plus(delay).isAfter(deadline) || !Backoff.sleep(delay)) {
                LOG.warn("bulk gave up on {} ops after {} attempts: {}", retry.size(), attempt + 1, problem);
                retry.forEach(i -> outcomes[i] = new WriteOutcome(WriteOutcome.Status.TRANSIENT, problem));
                return;
            }
            pending = retry;
        }
    }

    /** One {@code _bulk} call; fills the outcomes it settles and returns what went wrong with the rest. */
    private String send(byte[] body, List<Integer> positions, WriteOutcome[] outcomes) {
        try (Response response = client.execute(
                Requests.create("POST", "/_bulk", List.of(), Map.of(), Body.from(body, "application/x-ndjson")))) {
            int status = response.getStatus();
            byte[] bytes = response.getBody().map(Body::bodyAsBytes).orElse(new byte[0]);
            if (status == 429 || status >= 500 || status == 401 || status == 403) {
                return "bulk request answered " + status;
            }
            if (status >= 300) {
                String problem = "bulk request answered " + status + ": "
                        + new String(bytes, 0, Math.min(300, bytes.length), java.nio.charset.StandardCharsets.UTF_8);
                positions.forEach(i -> outcomes[i] = new WriteOutcome(WriteOutcome.Status.TRANSIENT, problem));
                return problem;
            }
            return settle(Json.mapper().readTree(bytes), positions, outcomes);
        } catch (IOException | RuntimeException e) {
            return "bulk request failed: " + e;
        }
    }

    private static String settle(JsonNode response, List<Integer> positions, WriteOutcome[] outcomes) {
        if (!response.path("errors").asBoolean(true)) {
            positions.forEach(i -> outcomes[i] = WriteOutcome.WRITTEN_OK);
            return "";
        }
        JsonNode items = response.path("items");
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < positions.size(); k++) {
            JsonNode item = items.path(k).path("index");
            int status = item.path("status").asInt(500);
            JsonNode error = item.path("error");
            String detail =
                    error.path("type").asText("") + ": " + error.path("reason").asText("");
            if (status < 300) {
                outcomes[positions.get(k)] = WriteOutcome.WRITTEN_OK;
            } else if (status == 409) {
                outcomes[positions.get(k)] = WriteOutcome.SUPERSEDED_OK;
            } else if (status == 429 || status >= 500) {
                problems.add(status + " " + detail);
            } else {
                outcomes[positions.get(k)] = new WriteOutcome(WriteOutcome.Status.REJECTED, status + " " + detail);
            }
        }
        return problems.isEmpty() ? "" : problems.size() + " items failed, first: " + problems.getFirst();
    }
}
