package dev.pulse.core.topology;

import java.time.Duration;
import java.util.List;

/** Pulse's topology. Add a function, route, schedule or resource here, and both CDK and the local runtime get it. */
public final class PulseTopology {
    public static final String POSTS_STREAM = "posts";
    public static final String TRACKED_PAGES_TABLE = "tracked-pages";
    public static final String QUARANTINE_QUEUE = "ingest-quarantine";
    public static final String INGEST_FAILURE_QUEUE = "ingest-failures";
    public static final String PAGES_ALIAS = "pages";
    public static final String POSTS_TEMPLATE = "posts";

    private PulseTopology() {}

    public static Topology define() {
        return new Topology(
                List.of(new StreamSpec(POSTS_STREAM, 4, true, 4, Duration.ofHours(24))),
                List.of(TableSpec.keyed(TRACKED_PAGES_TABLE, "pageId")),
                List.of(
                        QueueSpec.deadLetter(QUARANTINE_QUEUE, "poison posts: raw payload and the reason"),
                        QueueSpec.deadLetter(
                                INGEST_FAILURE_QUEUE, "ingest batches that exhausted their retries (metadata)")),
                List.of(new AliasSpec(PAGES_ALIAS, "pages-v1", "opensearch/pages-v1.json")),
                List.of(new IndexTemplateSpec(POSTS_TEMPLATE, "posts-*", "opensearch/posts-template.json")),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }
}
