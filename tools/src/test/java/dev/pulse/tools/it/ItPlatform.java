package dev.pulse.tools.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.json.Json;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.SearchAdmin;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import dev.pulse.ingest.IngestConfig;
import dev.pulse.tools.firehose.FirehoseCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Unique resources for one integration test on the shared local servers: a stream, a tracked-pages table, a pages
 * index and posts template (from the topology's definitions), and an embedded ElasticMQ with the quarantine queue.
 */
final class ItPlatform implements AutoCloseable {
    final String id = Unique.name("it");
    final String stream = id + "-posts";
    final String table = id + "-tracked";
    final String queue = id + "-quarantine";
    final String pages = id + "-pages";
    final String postsPrefix = id + "-posts";
    final SearchAdmin search = new SearchAdmin(LocalPlatform.environment().get(OpenSearchSettings.ENDPOINT));
    final KinesisClient kinesis;
    final DynamoDbClient dynamo;
    final SqsClient sqs;
    private final SQSRestServer sqsServer;
    private final Map<String, String> env = new HashMap<>(LocalPlatform.environment());

    ItPlatform(int shards) {
        int port = LocalPlatform.closedPort();
        sqsServer = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(port)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .start();
        sqsServer.waitUntilStarted();
        env.put(PulseConfig.SQS_ENDPOINT, "http://127.0.0.1:" + port);
        env.put(IngestConfig.PAGES, pages);
        env.put(IngestConfig.POSTS, postsPrefix);
        env.put(IngestConfig.TRACKED_PAGES, table);
        env.put(IngestConfig.QUARANTINE, queue);
        env.put(FirehoseCommand.STREAM_VARIABLE, stream);
        AwsClients aws = new AwsClients(PulseConfig.fromEnv(env));
        kinesis = aws.kinesis();
        dynamo = aws.dynamoDb();
        sqs = aws.sqs();
        kinesis.createStream(c -> c.streamName(stream).shardCount(shards));
        dynamo.createTable(c -> c.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("pageId")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName("pageId")
                        .keyType(KeyType.HASH)
                        .build()));
        sqs.createQueue(c -> c.queueName(queue));
        Topology topology = PulseTopology.define();
        search.send("PUT", "/" + pages, resource(topology.aliases().getFirst().definition()));
        ObjectNode template = (ObjectNode)
                Json.read(resource(topology.indexTemplates().getFirst().definition()), ObjectNode.class);
        template.putArray("index_patterns").add(postsPrefix + "-*");
        search.send("PUT", "/_index_template/" + id, template.toString());
        kinesis.waiter().waitUntilStreamExists(d -> d.streamName(stream));
        dynamo.waiter().waitUntilTableExists(d -> d.tableName(table));
    }

    /** The function's environment; callers may override entries (the OpenSearch endpoint, limits). */
    Map<String, String> environment() {
        return new HashMap<>(env);
    }

    @Override
    public void close() {
        try {
            search.send("DELETE", "/" + pages, null);
            search.send("DELETE", "/" + postsPrefix + "-*", null);
            search.send("DELETE", "/_index_template/" + id, null);
            kinesis.deleteStream(d -> d.streamName(stream));
            dynamo.deleteTable(d -> d.tableName(table));
        } finally {
            kinesis.close();
            dynamo.close();
            sqs.close();
            sqsServer.stopAndWait();
        }
    }

    private static String resource(String name) {
        try (InputStream in = ItPlatform.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
