package dev.pulse.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.SearchAdmin;
import dev.pulse.core.testing.TopologyTables;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.TableSpec;
import dev.pulse.core.topology.search.IndexDefinitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One reporting job's resources on the local servers under unique names (tables on dynalite, a pages index and a posts
 * prefix on OpenSearch, its failure queue on an embedded ElasticMQ), and the environment that names them, as the
 * runtime would set it. Tables come from the shared {@link TopologyTables}. Everything is dropped on close.
 */
final class LocalReporting implements AutoCloseable {
    final SearchAdmin search = new SearchAdmin(LocalPlatform.environment().get(OpenSearchSettings.ENDPOINT));
    final String pagesIndex = Unique.name("it-pages");
    final String postsPrefix = Unique.name("it-posts");
    final DynamoDbClient dynamo;
    final SqsClient sqs;
    final String queueUrl;
    /** The job's shard queue, redriving to {@link #queueUrl} after the topology's receive count. */
    final String shardQueueUrl;

    final Map<String, String> tables;
    private final TopologyTables topologyTables;
    private final SQSRestServer server;
    private final int sqsPort = LocalPlatform.closedPort();
    private final List<String> indices = new ArrayList<>();

    LocalReporting() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(sqsPort)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", sqsPort, ""))
                .start();
        server.waitUntilStarted();
        PulseConfig config = config(Map.of());
        dynamo = new AwsClients(config).dynamoDb();
        sqs = new AwsClients(config).sqs();
        queueUrl = sqs.createQueue(c -> c.queueName(Unique.name("it-failures"))).queueUrl();
        String failuresArn = sqs.getQueueAttributes(
                        g -> g.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        shardQueueUrl = sqs.createQueue(c -> c.queueName(Unique.name("it-shards"))
                        .attributes(Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                "30",
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\"" + failuresArn + "\",\"maxReceiveCount\":\""
                                        + PulseTopology.SHARD_MAX_RECEIVES + "\"}")))
                .queueUrl();
        topologyTables = new TopologyTables(dynamo);
        tables = Map.of(
                PulseTopology.ACCOUNT_PAGES_TABLE, topologyTables.create(PulseTopology.ACCOUNT_PAGES_TABLE),
                PulseTopology.REPORTS_TABLE, topologyTables.create(PulseTopology.REPORTS_TABLE),
                PulseTopology.REPORT_RUNS_TABLE, topologyTables.create(PulseTopology.REPORT_RUNS_TABLE),
                PulseTopology.FLAGS_TABLE, topologyTables.create(PulseTopology.FLAGS_TABLE));
        search.send(
                "PUT",
                "/" + pagesIndex,
                "{\"mappings\":{\"properties\":{\"pageId\":{\"type\":\"keyword\"},\"fans\":{\"type\":\"long\"}}}}");
        indices.add(pagesIndex);
    }

    /** The job's environment: the local platform's, plus each of the job's grants naming this fixture's resource. */
    PulseConfig config(Map<String, String> extra) {
        Map<String, String> env = LocalPlatform.environment();
        env.put(PulseConfig.SQS_ENDPOINT, "http://127.0.0.1:" + sqsPort);
        for (String job : List.of(
                PulseTopology.HOURLY_SNAPSHOTS_FUNCTION,
                PulseTopology.DAILY_SNAPSHOTS_FUNCTION,
                PulseTopology.RETENTION_FUNCTION)) {
            for (Access access : PulseTopology.define().requireFunction(job).access()) {
                env.put(access.environmentVariable(), physical(access));
            }
        }
        env.putAll(extra);
        return PulseConfig.fromEnv(env);
    }

    private String physical(Access access) {
        return switch (access.kind()) {
            case TABLE -> tables == null ? "pending" : tables.get(access.resource());
            case QUEUE ->
                PulseTopology.define().requireQueue(access.resource()).isWork()
                        ? (shardQueueUrl == null ? "pending" : shardQueueUrl)
                        : (queueUrl == null ? "pending" : queueUrl);
            case SEARCH -> access.resource().equals(PulseTopology.PAGES_ALIAS) ? pagesIndex : postsPrefix;
            default -> access.resource();
        };
    }

    /** A posts index of the fixture's prefix, with the topology's posts mapping. */
    String postsIndex(String day) {
        String index = postsPrefix + "-" + day;
        if (!indices.contains(index)) {
            JsonNode template = Json.read(IndexDefinitions.load("opensearch/posts-template.json"), JsonNode.class);
            ObjectNode body = Json.mapper().createObjectNode();
            body.set("mappings", template.path("template").path("mappings"));
            body.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0);
            search.send("PUT", "/" + index, body.toString());
            indices.add(index);
        }
        return index;
    }

    /** Indexes documents (index, id, source) in one refreshed bulk request. */
    void bulk(List<String[]> docs) {
        StringBuilder body = new StringBuilder();
        for (String[] doc : docs) {
            body.append("{\"index\":{\"_index\":\"")
                    .append(doc[0])
                    .append("\",\"_id\":\"")
                    .append(doc[1])
                    .append("\"}}\n");
            body.append(doc[2]).append('\n');
        }
        JsonNode response = search.send("POST", "/_bulk?refresh=true", body.toString());
        if (response.path("errors").asBoolean()) {
            throw new IllegalStateException("bulk failed: " + response);
        }
    }

    /** Empties the tables a run writes and drains the failure queue, so tests can share the seeded indices. */
    void reset() {
        for (String name :
                List.of(PulseTopology.REPORTS_TABLE, PulseTopology.REPORT_RUNS_TABLE, PulseTopology.FLAGS_TABLE)) {
            String table = tables.get(name);
            TableSpec spec = TopologyTables.spec(name);
            dynamo.scanPaginator(s -> s.tableName(table)).items().forEach(item -> {
                Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key =
                        new java.util.HashMap<>();
                key.put(spec.partitionKey(), item.get(spec.partitionKey()));
                spec.sortKey().ifPresent(k -> key.put(k, item.get(k)));
                dynamo.deleteItem(d -> d.tableName(table).key(key));
            });
        }
        sqs.purgeQueue(p -> p.queueUrl(queueUrl));
        sqs.purgeQueue(p -> p.queueUrl(shardQueueUrl));
    }

    @Override
    public void close() {
        indices.forEach(index -> search.send("DELETE", "/" + index, null));
        topologyTables.close();
        sqs.close();
        dynamo.close();
        server.stopAndWait();
    }
}
