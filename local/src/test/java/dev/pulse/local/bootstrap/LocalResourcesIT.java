package dev.pulse.local.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The bootstrap creates every resource of the topology on the real local servers, and a second run changes nothing. */
class LocalResourcesIT {
    private static SQSRestServer elasticMq;
    private static PulseConfig config;
    private final String prefix = Unique.name("it") + "-";

    private static KinesisClient kinesis;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;
    private static OpenSearchClient search;

    @BeforeAll
    static void start() {
        int port = LocalPlatform.closedPort();
        elasticMq =
                SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start();
        elasticMq.waitUntilStarted();
        config = LocalPlatform.configWith(PulseConfig.SQS_ENDPOINT, "http://127.0.0.1:" + port);
        AwsClients aws = new AwsClients(config);
        kinesis = aws.kinesis();
        dynamo = aws.dynamoDb();
        sqs = aws.sqs();
        search = OpenSearchClients.create(config.openSearch());
    }

    @AfterAll
    static void stop() {
        elasticMq.stopAndWait();
    }

    @AfterEach
    void dropResources() throws Exception {
        Topology topology = PulseTopology.define();
        for (var s : topology.streams()) {
            kinesis.deleteStream(d -> d.streamName(prefix + s.name()));
        }
        for (var t : topology.tables()) {
            dynamo.deleteTable(d -> d.tableName(prefix + t.name()));
        }
        for (var a : topology.aliases()) {
            search.indices().delete(d -> d.index(prefix + a.index()).ignoreUnavailable(true));
        }
        for (var t : topology.indexTemplates()) {
            search.indices().deleteIndexTemplate(d -> d.name(prefix + t.name()));
        }
    }

    private LocalResources resources() {
        return new LocalResources(
                new StreamResources(kinesis, prefix),
                new TableResources(dynamo, prefix),
                new QueueResources(sqs, prefix),
                new SearchResources(search, prefix));
    }

    @Test
    void givenEmptyServers_whenEnsuredTwice_thenEverythingExistsAndSecondRunCreatesNothing() throws Exception {
        Topology topology = PulseTopology.define();
        List<String> first = resources().ensure(topology, line -> {});
        List<String> second = new ArrayList<>(resources().ensure(topology, line -> {}));

        assertThat(first).anyMatch(line -> line.startsWith("created  alias"));
        assertThat(second).noneMatch(line -> line.startsWith("created"));
        String pages = prefix + PulseTopology.PAGES_ALIAS + " -> " + prefix
                + topology.aliases().getFirst().index();
        String posts = prefix + PulseTopology.POSTS_TEMPLATE + " (" + prefix
                + topology.indexTemplates().getFirst().pattern() + ")";
        assertThat(first).contains("created  alias  " + pages, "put      template " + posts);
        assertThat(second).contains("exists   alias  " + pages, "put      template " + posts);

        String stream = prefix + PulseTopology.POSTS_STREAM;
        assertThat(kinesis.describeStreamSummary(d -> d.streamName(stream))
                        .streamDescriptionSummary()
                        .openShardCount())
                .isEqualTo(topology.streams().getFirst().localShards());
        assertThat(dynamo.describeTable(d -> d.tableName(prefix + PulseTopology.TRACKED_PAGES_TABLE))
                        .table()
                        .keySchema())
                .extracting(k -> k.attributeName())
                .containsExactly("pageId");
        assertThat(sqs.listQueues(l -> l.queueNamePrefix(prefix)).queueUrls())
                .hasSize(topology.queues().size());

        var aliases = search.indices().getAlias(a -> a.name(prefix + PulseTopology.PAGES_ALIAS));
        assertThat(aliases.result())
                .containsOnlyKeys(prefix + topology.aliases().getFirst().index());
        assertThat(search.indices()
                        .existsIndexTemplate(t -> t.name(prefix + PulseTopology.POSTS_TEMPLATE))
                        .value())
                .isTrue();
    }

    @Test
    void givenAliasOnAnOlderVersion_whenEnsured_thenLeftAloneAndTheMigrationIsNamed() throws Exception {
        String older = prefix + "pages-v0";
        search.indices().create(c -> c.index(older));
        search.indices().putAlias(a -> a.index(older).name(prefix + PulseTopology.PAGES_ALIAS));

        List<String> report = resources().ensure(PulseTopology.define(), line -> {});

        assertThat(report).anyMatch(line -> line.contains("-> " + older) && line.contains("./pulse migrate-pages"));
        assertThat(search.indices()
                        .getAlias(a -> a.name(prefix + PulseTopology.PAGES_ALIAS))
                        .result())
                .containsOnlyKeys(older);
        String topologyIndex =
                prefix + PulseTopology.define().aliases().getFirst().index();
        assertThat(search.indices().exists(e -> e.index(topologyIndex)).value())
                .as("the guard keeps the topology's version from being created beside the migrated alias")
                .isFalse();
        search.indices().delete(d -> d.index(older));
    }

    @Test
    void givenTemplate_whenDailyIndexCreated_thenTemplateSettingsApply() throws Exception {
        resources().ensure(PulseTopology.define(), line -> {});
        String daily = prefix + "posts-2026.11.26";
        search.index(i -> i.index(daily).id("1_2").document(Map.of("postId", "1_2", "pageId", "1")));

        var mapping = search.indices().getMapping(m -> m.index(daily)).result().get(daily);
        assertThat(mapping.mappings().properties()).containsKeys("postId", "pageId", "message", "createdTime");
        search.indices().delete(d -> d.index(daily));
    }
}
