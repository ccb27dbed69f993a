package dev.pulse.bench.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.LocalProfile;
import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import dev.pulse.ingest.IngestConfig;
import dev.pulse.ingest.adapter.dynamodb.DynamoTrackedPages;
import dev.pulse.tools.track.AdminTracking;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> phases = new ArrayList<>();

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
        String prefix = id + "-" + name;
        phases.add(prefix);
        Topology topology = PulseTopology.define();
        send("PUT", "/" + pages(name), resource(topology.aliases().getFirst().definition()));
        ObjectNode template =
                Json.read(resource(topology.indexTemplates().getFirst().definition()), ObjectNode.class);
        template.putArray("index_patterns").add(posts(name) + "-*");
        send("PUT", "/_index_template/" + prefix, template.toString());
        Map<String, String> env = new HashMap<>(baseEnv);
        env.put(IngestConfig.PAGES, pages(name));
        env.put(IngestConfig.POSTS, posts(name));
        env.put(IngestConfig.TRACKED_PAGES, table);
        env.put(IngestConfig.QUARANTINE, id + "-quarantine");
        return env;
    }

    String pages(String phase) {
        return id + "-" + phase + "-pages";
    }

    String posts(String phase) {
        return id + "-" + phase + "-posts";
    }

    long count(String pattern) {
        send("POST", "/" + pattern + "/_refresh?allow_no_indices=true", null);
        return Json.read(send("GET", "/" + pattern + "/_count?allow_no_indices=true", null), ObjectNode.class)
                .path("count")
                .asLong();
    }

    String send(String method, String path, String body) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(openSearch + path))
                            .method(
                                    method,
                                    body == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(body))
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && response.statusCode() != 404) {
                throw new IllegalStateException(
                        method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (String prefix : phases) {
            send("DELETE", "/" + prefix + "-*", null);
            send("DELETE", "/_index_template/" + prefix, null);
        }
        kinesis.deleteStream(d -> d.streamName(stream));
        dynamo.deleteTable(d -> d.tableName(table));
        kinesis.close();
        dynamo.close();
    }

    private static String resource(String name) {
        try (InputStream in = BenchStack.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
