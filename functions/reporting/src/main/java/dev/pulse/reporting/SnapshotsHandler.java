package dev.pulse.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import dev.pulse.reporting.adapter.sqs.ShardMessage;
import dev.pulse.reporting.application.FanOut;
import dev.pulse.reporting.application.RunResult;
import dev.pulse.reporting.application.ShardQueue;
import dev.pulse.reporting.application.SnapshotJob;
import dev.pulse.reporting.domain.Granularity;
import dev.pulse.reporting.domain.Shard;
import dev.pulse.reporting.domain.Window;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The snapshot functions' shared handler, for two events. A scheduled (or on-demand) event picks the window and fans
 * it out as shards on the job's queue, or, with no queue, runs it here until Lambda's time nearly runs out. An SQS
 * event from that queue runs its shards; a shard that fails or runs out of time is reported in {@code
 * batchItemFailures}, so SQS delivers it again (resuming from the checkpoint) until its redrive policy moves it to
 * the job's failure queue.
 */
abstract class SnapshotsHandler implements RequestStreamHandler {
    /** Kept back from Lambda's timeout to finish the chunks in flight and answer. */
    static final Duration SAFETY = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotsHandler.class);

    private final SnapshotJob job;
    private final Optional<ShardQueue> shards;
    private final int shardPages;
    private final Granularity granularity;
    private final Clock clock;

    SnapshotsHandler(
            SnapshotJob job, Optional<ShardQueue> shards, int shardPages, Granularity granularity, Clock clock) {
        this.job = job;
        this.shards = shards;
        this.shardPages = shardPages;
        this.granularity = granularity;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.mapper().readTree(input);
        PowertoolsLogging.withLogging(context, () -> {
            Instant deadline = clock.instant()
                    .plusMillis(context.getRemainingTimeInMillis())
                    .minus(SAFETY);
            write(output, isQueueEvent(event) ? shards(event, deadline) : scheduled(JobEvent.of(event), deadline));
            return null;
        });
    }

    private static boolean isQueueEvent(JsonNode event) {
        return event != null
                && event.path("Records").isArray()
                && "aws:sqs"
                        .equals(event.path("Records")
                                .path(0)
                                .path("eventSource")
                                .asText());
    }

    private Map<String, Object> scheduled(JobEvent event, Instant deadline) {
        Window window = event.period()
                .map(granularity::at)
                .orElseGet(() -> granularity.previousTo(event.time().orElse(clock.instant())));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("periodKey", window.key());
        if (shards.isPresent()) {
            FanOut fanOut = job.fanOut(window, event.fresh(), shards.get(), shardPages);
            answer.put("fanOut", fanOut);
            return answer;
        }
        RunResult result = job.run(window, event.fresh(), deadline);
        if (RunResult.OUT_OF_TIME.equals(result.status())) {
            throw new IllegalStateException(window.key() + " ran out of time; the retry resumes it: " + result);
        }
        answer.put("result", result);
        return answer;
    }

    /** SQS's partial batch response: the message ids of the shards to deliver again. */
    private Map<String, Object> shards(JsonNode event, Instant deadline) {
        List<Map<String, String>> failures = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            String id = record.path("messageId").asText();
            try {
                Shard shard = ShardMessage.read(record.path("body").asText());
                RunResult result = job.runShard(shard, deadline);
                if (RunResult.OUT_OF_TIME.equals(result.status())) {
                    LOG.warn("shard {} ran out of time; its redelivery resumes it: {}", id, result);
                    failures.add(Map.of("itemIdentifier", id));
                }
            } catch (RuntimeException e) {
                LOG.error("shard {} failed; SQS delivers it again", id, e);
                failures.add(Map.of("itemIdentifier", id));
            }
        }
        return Map.of("batchItemFailures", failures);
    }

    static void write(OutputStream output, Object answer) {
        try {
            output.write(Json.write(answer).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
