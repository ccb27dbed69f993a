package dev.pulse.bench.ingest;

import dev.pulse.bench.PhaseIndices;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.LocalProfile;
import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.ingest.IngestConfig;
import dev.pulse.ingest.adapter.dynamodb.DynamoTrackedPages;
import dev.pulse.tools.track.AdminTracking;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The benchmark's own resources on the local servers, named {@code bench-ingest-<id>}: a stream, a tracked-pages table,
 * and per phase a pages index and posts template (so every phase really indexes), all deleted at the end.
 */
final class BenchStack implements AutoCloseable {
    final String id =
            "bench-ingest-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    final String stream = id;
    final String table = id + "-tracked";
    final Map<String, String> baseEnv = new HashMap<>(LocalProfile.environment(System.getenv()));
    final String openSearch = baseEnv.get(OpenSearchSettings.ENDPOINT);
    final KinesisClient kinesis;
    final DynamoDbClient dynamo;
    private final Map<String, PhaseIndices> phases = new LinkedHashMap<>();

    BenchStack(int shards, Set<String> tracked) {
        AwsClients aws = new AwsClients(PulseConfig.fromEnv(baseEnv));
        kinesis = aws.kinesis();
        dynamo = aws.dynamoDb();
        kinesis.createStream(c -> c.streamName(stream).shardCount(shards));
        dynamo.createTable(c -> c.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName(DynamoTrackedPages.KEY)
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName(DynamoTrackedPages.KEY)
                        .keyType(KeyType.HASH)
                        .build()));
        kinesis.waiter().waitUntilStreamExists(d -> d.streamName(stream));
        dynamo.waiter().waitUntilTableExists(d -> d.tableName(table));
        new AdminTracking(dynamo, table).track(tracked);
    }

    /** Creates a phase's pages index and posts template; returns the function environment pointing at them. */
    Map<String, String> phase(String name) {
        PhaseIndices indices = new PhaseIndices(openSearch, id + "-" + name);
        phases.put(name, indices);
        Map<String, String> env = new HashMap<>(baseEnv);
        env.put(IngestConfig.PAGES, indices.pages());
        env.put(IngestConfig.POSTS, indices.posts());
        env.put(IngestConfig.TRACKED_PAGES, table);
        env.put(IngestConfig.QUARANTINE, id + "-quarantine");
        return env;
    }

    String pages(String phase) {
        return phases.get(phase).pages();
    }

    String posts(String phase) {
        return phases.get(phase).posts();
    }

    long postCount(String phase) {
        return phases.get(phase).postCount();
    }

    long pageCount(String phase) {
        return phases.get(phase).pageCount();
    }

    @Override
    public void close() {
        phases.values().forEach(PhaseIndices::close);
        kinesis.deleteStream(d -> d.streamName(stream));
        dynamo.deleteTable(d -> d.tableName(table));
        kinesis.close();
        dynamo.close();
    }
}
