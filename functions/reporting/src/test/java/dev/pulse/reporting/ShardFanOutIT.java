package dev.pulse.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.TestContext;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.reporting.adapter.dynamodb.DynamoRunCheckpoint;
import dev.pulse.reporting.adapter.sqs.ShardMessage;
import dev.pulse.reporting.application.RunResult;
import dev.pulse.reporting.application.SnapshotJob;
import dev.pulse.reporting.domain.Granularity;
import dev.pulse.reporting.domain.Shard;
import dev.pulse.reporting.domain.Window;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The fan-out through ElasticMQ, dynalite and OpenSearch: the scheduled run sends its shards to the job's queue, each
 * is received and handed to the function as Lambda's SQS event, and the snapshots equal those of one in-process run.
 */
class ShardFanOutIT {
    private static final String JOB = PulseTopology.DAILY_SNAPSHOTS_FUNCTION;
    private static final Window DAY = Granularity.DAY.at(Instant.parse("2026-12-01T00:00:00Z"));
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
    private static final int PAGES = 24;
    private static final int ACCOUNTS = 10;
    private static final int SHARD_PAGES = 8;

    private static LocalReporting local;

    @BeforeAll
    static void seedOnce() {
        local = new LocalReporting();
        Random random = new Random(41);
        List<String[]> docs = new ArrayList<>();
        for (int p = 0; p < PAGES; p++) {
            docs.add(new String[] {
                local.pagesIndex, page(p), "{\"pageId\":\"" + page(p) + "\",\"fans\":" + (50 + p) + "}"
            });
        }
        for (int i = 0; i < 400; i++) {
            String page = page(random.nextInt(PAGES));
            Instant created = DAY.start().plusSeconds(random.nextInt(24 * 3_600));
            String post = "{\"postId\":\"" + page + "_" + i + "\",\"pageId\":\"" + page + "\",\"createdTime\":\""
                    + created
                    + "\",\"reactions\":" + random.nextInt(90) + ",\"comments\":" + random.nextInt(9) + ",\"shares\":"
                    + random.nextInt(5) + ",\"mentions\":[\"" + page(random.nextInt(PAGES)) + "\"]}";
            docs.add(new String[] {local.postsIndex("2026.12.01"), page + "_" + i, post});
        }
        local.bulk(docs);
        for (int a = 0; a < ACCOUNTS; a++) {
            String account = String.format("acct-%02d", a);
            for (int k = 0; k < 3 + random.nextInt(3); k++) {
                String page = page(random.nextInt(PAGES));
                local.dynamo.putItem(p -> p.tableName(local.tables.get(PulseTopology.ACCOUNT_PAGES_TABLE))
                        .item(Map.of(
                                "accountId", AttributeValue.fromS(account),
                                "pageId", AttributeValue.fromS(page))));
            }
        }
    }

    @AfterAll
    static void drop() {
        local.close();
    }

    @BeforeEach
    void reset() {
        local.reset();
    }

    private static String page(int p) {
        return Long.toString(7_100_000 + p);
    }

    private static ReportingWiring wiring() {
        return ReportingWiring.create(local.config(Map.of()), JOB);
    }

    private static DailySnapshotsHandler handler(SnapshotJob job) {
        return new DailySnapshotsHandler(job, wiring().shardQueue(), SHARD_PAGES, Clock.systemUTC());
    }

    private static JsonNode invoke(DailySnapshotsHandler handler, String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                out,
                new TestContext(JOB, Duration.ofMinutes(15)));
        return Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    /** Lambda's SQS event for one received message (the fields the function reads, as Lambda names them). */
    private static String sqsEvent(Message message) {
        ObjectNode event = Json.mapper().createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("messageId", message.messageId());
        record.put("receiptHandle", message.receiptHandle());
        record.put("body", message.body());
        record.putObject("attributes")
                .put(
                        "ApproximateReceiveCount",
                        message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        record.put("eventSource", "aws:sqs");
        return Json.write(event);
    }

    private static List<Message> receive(String queueUrl) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = local.sqs
                    .receiveMessage(r -> r.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
    }

    /** Every stored snapshot of the day, by account, as canonical text. */
    private static Map<String, String> snapshots() {
        Map<String, String> items = new TreeMap<>();
        local.dynamo
                .scanPaginator(s -> s.tableName(local.tables.get(PulseTopology.REPORTS_TABLE)))
                .items()
                .forEach(item -> items.put(item.get("accountId").s(), SnapshotJobIT.canonical(item)));
        return items;
    }

    /** Fans the day out and runs every shard from the queue as Lambda would; returns the shards' messages. */
    private static List<Message> fanOutAndDrain(SnapshotJob job) throws Exception {
        JsonNode fanOut = invoke(handler(job), "{\"period\":\"" + DAY.start() + "\"}");
        assertThat(fanOut.path("fanOut").path("shards").asInt()).isGreaterThan(2);
        List<Message> messages = receive(local.shardQueueUrl);
        for (Message message : messages) {
            JsonNode answer = invoke(handler(job), sqsEvent(message));
            assertThat(answer.path("batchItemFailures")).isEmpty();
            local.sqs.deleteMessage(d -> d.queueUrl(local.shardQueueUrl).receiptHandle(message.receiptHandle()));
        }
        return messages;
    }

    @Test
    void givenSeveralShards_whenEachRunsFromTheQueue_thenTheSnapshotsEqualThoseOfOneInProcessRun() throws Exception {
        RunResult single = wiring().snapshotJob().run(DAY, false, FAR);
        Map<String, String> inProcess = snapshots();
        local.reset();

        List<Message> shards = fanOutAndDrain(wiring().snapshotJob());

        assertThat(single.accountsWritten()).isEqualTo(ACCOUNTS);
        assertThat(shards).hasSizeGreaterThan(2);
        assertThat(snapshots()).hasSize(ACCOUNTS).isEqualTo(inProcess);
    }

    @Test
    void givenAShardDeliveredAgain_thenNothingIsWrittenTwice_andItDoesNotCompleteTheRunAgain() throws Exception {
        SnapshotJob job = wiring().snapshotJob();
        List<Message> shards = fanOutAndDrain(job);
        Map<String, String> before = snapshots();
        Shard again = ShardMessage.read(shards.getFirst().body());

        RunResult redelivered = job.runShard(again, FAR);
        JsonNode viaQueue = invoke(handler(job), sqsEvent(shards.get(1)));

        assertThat(redelivered.accountsWritten()).isZero();
        assertThat(redelivered.accountsAlreadyDone()).isEqualTo(again.accounts().size());
        assertThat(viaQueue.path("batchItemFailures")).isEmpty();
        assertThat(new DynamoRunCheckpoint(local.dynamo, local.tables.get(PulseTopology.REPORT_RUNS_TABLE))
                        .shardDone(again))
                .isFalse();
        assertThat(snapshots()).isEqualTo(before);
    }

    @Test
    void givenAShardThatKeepsFailing_thenAfterTheTopologysReceivesItIsInTheJobsFailureQueue() throws Exception {
        local.sqs.sendMessage(m -> m.queueUrl(local.shardQueueUrl).messageBody("{\"periodKey\":\"day#nonsense\"}"));
        DailySnapshotsHandler handler = handler(wiring().snapshotJob());

        int deliveries = 0;
        for (int i = 0; i <= PulseTopology.SHARD_MAX_RECEIVES; i++) {
            for (Message message : receive(local.shardQueueUrl)) {
                deliveries++;
                JsonNode answer = invoke(handler, sqsEvent(message));
                assertThat(answer.path("batchItemFailures").findValuesAsText("itemIdentifier"))
                        .containsExactly(message.messageId());
                // What the local event-source mapping does instead of waiting out the visibility timeout.
                local.sqs.changeMessageVisibility(c -> c.queueUrl(local.shardQueueUrl)
                        .receiptHandle(message.receiptHandle())
                        .visibilityTimeout(0));
            }
        }

        assertThat(deliveries).isEqualTo(PulseTopology.SHARD_MAX_RECEIVES);
        assertThat(receive(local.queueUrl))
                .extracting(Message::body)
                .containsExactly("{\"periodKey\":\"day#nonsense\"}");
    }
}
