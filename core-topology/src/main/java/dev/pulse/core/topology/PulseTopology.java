package dev.pulse.core.topology;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Pulse's topology. Add a function, route, schedule or resource here, and both CDK and the local runtime get it. */
public final class PulseTopology {
    public static final String POSTS_STREAM = "posts";
    public static final String TRACKED_PAGES_TABLE = "tracked-pages";
    public static final String QUARANTINE_QUEUE = "ingest-quarantine";
    public static final String INGEST_FAILURE_QUEUE = "ingest-failures";
    public static final String PAGES_ALIAS = "pages";
    public static final String POSTS_TEMPLATE = "posts";
    public static final String MENTIONS_CACHE = "mentions-cache";
    public static final String INGEST_FUNCTION = "ingest";
    public static final String MENTIONS_FUNCTION = "mentions";

    private PulseTopology() {}

    public static Topology define() {
        return new Topology(
                List.of(postsStream()),
                List.of(TableSpec.keyed(TRACKED_PAGES_TABLE, "pageId")),
                List.of(
                        QueueSpec.deadLetter(QUARANTINE_QUEUE, "poison posts: raw payload and the reason"),
                        QueueSpec.deadLetter(
                                INGEST_FAILURE_QUEUE, "ingest batches that exhausted their retries (metadata)")),
                List.of(new AliasSpec(PAGES_ALIAS, "pages-v2", "opensearch/pages-v2.json")),
                List.of(new IndexTemplateSpec(POSTS_TEMPLATE, "posts-*", "opensearch/posts-template.json")),
                List.of(ingest(), mentions()),
                List.of(new RouteSpec("GET", "/mentions", MENTIONS_FUNCTION, false)),
                List.of(),
                List.of(ingestMapping()));
    }

    /**
     * Provisioned shards are the cheapest at a steady firehose. A shard takes 1 MB/s (1,000 records/s, and KPL
     * aggregation packs many posts per record); dev needs one, prod takes 10,000 posts/s with headroom for live
     * broadcasts. 24 hours of retention is the free minimum and leaves a day to redrive a failed batch.
     */
    private static StreamSpec postsStream() {
        return new StreamSpec(
                POSTS_STREAM,
                4,
                Map.of(Stage.DEV, StreamCapacity.provisioned(1), Stage.PROD, StreamCapacity.provisioned(16)),
                Duration.ofHours(24));
    }

    private static FunctionSpec ingest() {
        return new FunctionSpec(
                INGEST_FUNCTION,
                "functions/ingest",
                "dev.pulse.ingest.IngestHandler",
                1024,
                Duration.ofSeconds(120),
                Map.of(),
                List.of(
                        Access.reads(Access.Kind.STREAM, POSTS_STREAM),
                        Access.reads(Access.Kind.TABLE, TRACKED_PAGES_TABLE),
                        Access.writes(Access.Kind.QUEUE, QUARANTINE_QUEUE),
                        Access.readsAndWrites(Access.Kind.SEARCH, PAGES_ALIAS),
                        Access.writes(Access.Kind.SEARCH, POSTS_TEMPLATE)));
    }

    private static FunctionSpec mentions() {
        return new FunctionSpec(
                MENTIONS_FUNCTION,
                "functions/mentions",
                "dev.pulse.mentions.MentionsHandler",
                1024,
                Duration.ofSeconds(5),
                Map.of(),
                List.of(
                        Access.reads(Access.Kind.SEARCH, PAGES_ALIAS),
                        Access.readsAndWrites(Access.Kind.CACHE, MENTIONS_CACHE)));
    }

    /** Lambda's Kinesis event-source mapping for ingest; the local poller honours the same settings. */
    private static StreamMappingSpec ingestMapping() {
        return new StreamMappingSpec(
                POSTS_STREAM,
                INGEST_FUNCTION,
                1000,
                Duration.ofSeconds(1),
                StreamMappingSpec.StartingPosition.TRIM_HORIZON,
                true,
                true,
                10,
                Duration.ofHours(6),
                2,
                INGEST_FAILURE_QUEUE);
    }
}
