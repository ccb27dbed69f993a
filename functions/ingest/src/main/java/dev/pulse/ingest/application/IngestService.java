package dev.pulse.ingest.application;

import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.json.Json;
import dev.pulse.ingest.domain.ParseResult;
import dev.pulse.ingest.domain.PoisonReason;
import dev.pulse.ingest.domain.Post;
import dev.pulse.ingest.domain.PostParser;
import dev.pulse.ingest.domain.kpl.AggregatedRecords;
import dev.pulse.ingest.domain.kpl.CorruptAggregateException;
import dev.pulse.ingest.domain.kpl.UserRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest use case for one batch: de-aggregate, parse, quarantine poison, upsert the newest version of each page
 * unless the index already holds what mentions would read of it, index the posts of tracked pages, and name the Kinesis
 * records that failed transiently.
 */
public final class IngestService {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final PostParser parser;
    private final TrackedPages tracked;
    private final DocumentSink sink;
    private final Quarantine quarantine;
    private final IngestMetrics metrics;
    private final IndexNames names;
    private final Clock clock;
    private final WrittenPages written;

    public IngestService(
            PostParser parser,
            TrackedPages tracked,
            DocumentSink sink,
            Quarantine quarantine,
            IngestMetrics metrics,
            IndexNames names,
            Clock clock,
            WrittenPages written) {
        this.parser = parser;
        this.tracked = tracked;
        this.sink = sink;
        this.quarantine = quarantine;
        this.metrics = metrics;
        this.names = names;
        this.clock = clock;
        this.written = written;
    }

    public BatchResult ingest(List<InboundRecord> records, Instant deadline) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Failures failures = new Failures();
        List<QuarantineEntry> poison = new ArrayList<>();
        Map<String, Candidate<PageDocument>> pages = new HashMap<>();
        Map<String, Candidate<Post>> posts = new HashMap<>();
        int postsIn = 0;
        for (InboundRecord record : records) {
            List<UserRecord> users;
            try {
                users = AggregatedRecords.decode(record.data(), record.partitionKey());
            } catch (RuntimeException e) {
                // a CorruptAggregateException, or anything else the protobuf reader throws on hostile bytes
                String detail = e instanceof CorruptAggregateException ? e.getMessage() : "cannot de-aggregate: " + e;
                SourceRecord whole = new SourceRecord(record, -1, record.partitionKey(), record.data());
                poison.add(QuarantineEntry.of(whole, PoisonReason.CORRUPT_AGGREGATE, detail, now));
                continue;
            }
            for (int i = 0; i < users.size(); i++) {
                SourceRecord source = new SourceRecord(
                        record, i, users.get(i).partitionKey(), users.get(i).data());
                postsIn++;
                accept(source, pages, posts, poison, now);
            }
        }
        Writes writes = plan(pages, posts, failures, poison, now);
        Counts counts = apply(writes, sink.write(writes.ops(), deadline), poison, failures, now);
        counts.skipped = writes.skipped();
        int quarantined = sendPoison(poison, failures);
        BatchResult result = new BatchResult(
                records.size(),
                postsIn,
                counts.pages,
                counts.posts,
                counts.superseded,
                quarantined,
                failures.sequenceNumbers(),
                counts.skipped);
        metrics.batch(result, (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    /** Parses one user record into the batch's candidates, or adds it to the poison with its reason. */
    private void accept(
            SourceRecord source,
            Map<String, Candidate<PageDocument>> pages,
            Map<String, Candidate<Post>> posts,
            List<QuarantineEntry> poison,
            Instant now) {
        switch (parser.parse(source.data())) {
            case ParseResult.Rejected rejected ->
                poison.add(QuarantineEntry.of(source, rejected.reason(), rejected.detail(), now));
            case ParseResult.Parsed parsed -> {
                Post post = parsed.post();
                try {
                    // what plan() derives from a post, derived now, so a value that breaks it is this record's poison
                    version(post.updatedTime());
                    version(post.page().updatedTime());
                    names.posts(post.createdTime());
                } catch (RuntimeException e) {
                    poison.add(QuarantineEntry.of(source, PoisonReason.INVALID_VALUE, "cannot index: " + e, now));
                    return;
                }
                Candidate.keepNewest(
                        pages,
                        post.pageId(),
                        new Candidate<>(post.page(), post.page().updatedTime(), source));
                Candidate.keepNewest(posts, post.postId(), new Candidate<>(post, post.updatedTime(), source));
            }
        }
    }

    private Writes plan(
            Map<String, Candidate<PageDocument>> pages,
            Map<String, Candidate<Post>> posts,
            Failures failures,
            List<QuarantineEntry> poison,
            Instant now) {
        Writes writes = new Writes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), 0);
        Set<SourceRecord> spoiled = Collections.newSetFromMap(new IdentityHashMap<>());
        int skipped = planPages(pages, writes, spoiled, poison, now);
        Set<String> pageIds = new HashSet<>();
        posts.values().forEach(post -> pageIds.add(post.value().pageId()));
        Set<String> trackedIds;
        try {
            trackedIds = pageIds.isEmpty() ? Set.of() : tracked.trackedAmong(pageIds);
        } catch (TransientFailureException e) {
            LOG.warn("tracked pages unavailable, retrying the records that carry posts: {}", e.getMessage());
            posts.values().forEach(post -> failures.add(post.source()));
            return writes.without(spoiled).skipping(skipped);
        }
        for (var entry : posts.entrySet()) {
            Post post = entry.getValue().value();
            if (trackedIds.contains(post.pageId())) {
                SourceRecord source = entry.getValue().source();
                byte[] document = serialize(post.document(), source, spoiled, poison, now);
                if (document != null) {
                    writes.add(
                            new IndexOp(
                                    names.posts(post.createdTime()),
                                    post.postId(),
                                    version(post.updatedTime()),
                                    document),
                            source,
                            null);
                }
            }
        }
        return writes.without(spoiled).skipping(skipped);
    }

    /** Adds the batch's page writes, leaving out the pages the index already holds unchanged; returns how many. */
    private int planPages(
            Map<String, Candidate<PageDocument>> pages,
            Writes writes,
            Set<SourceRecord> spoiled,
            List<QuarantineEntry> poison,
            Instant now) {
        Map<String, Long> unchanged = new HashMap<>();
        for (var entry : pages.entrySet()) {
            OptionalLong held = written.unchanged(entry.getValue().value(), now);
            if (held.isPresent()) {
                unchanged.put(entry.getKey(), held.getAsLong());
            }
        }
        Map<String, Long> indexed = indexedVersions(unchanged);
        int skipped = 0;
        for (var entry : pages.entrySet()) {
            Long held = unchanged.get(entry.getKey());
            if (held != null && held.equals(indexed.get(entry.getKey()))) {
                // the index holds exactly what this instance wrote: no other writer came in between
                skipped++;
                continue;
            }
            Candidate<PageDocument> page = entry.getValue();
            byte[] document = serialize(page.value(), page.source(), spoiled, poison, now);
            if (document != null) {
                writes.add(
                        new IndexOp(names.pages(), entry.getKey(), version(page.updatedTime()), document),
                        page.source(),
                        page.value());
            }
        }
        return skipped;
    }

    private Counts apply(
            Writes writes, List<WriteOutcome> outcomes, List<QuarantineEntry> poison, Failures failures, Instant now) {
        Counts counts = new Counts();
        for (int i = 0; i < outcomes.size(); i++) {
            WriteOutcome outcome = outcomes.get(i);
            SourceRecord source = writes.sources().get(i);
            PageDocument page = writes.pages().get(i);
            if (page != null) {
                remember(page, writes.ops().get(i).version(), outcome, now);
            }
            switch (outcome.status()) {
                case WRITTEN -> {
                    if (page != null) {
                        counts.pages++;
                    } else {
                        counts.posts++;
                    }
                }
                case SUPERSEDED -> counts.superseded++;
                case REJECTED ->
                    poison.add(QuarantineEntry.of(source, PoisonReason.REJECTED_BY_INDEX, outcome.detail(), now));
                case TRANSIENT -> failures.add(source);
            }
        }
        return counts;
    }

    /**
     * The indexed versions of the pages this instance's record calls unchanged. The record alone cannot see another
     * instance's write (a shard's batches move between instances), so a skip also needs the index to hold the very
     * version this instance wrote. When the index cannot tell, every page is written, as before.
     */
    private Map<String, Long> indexedVersions(Map<String, Long> unchanged) {
        if (unchanged.isEmpty()) {
            return Map.of();
        }
        try {
            return sink.versions(names.pages(), unchanged.keySet());
        } catch (TransientFailureException e) {
            LOG.warn("page versions unavailable, writing {} unchanged pages: {}", unchanged.size(), e.getMessage());
            return Map.of();
        }
    }

    /** Only an acknowledged write is remembered; any other outcome leaves the indexed page unknown to this instance. */
    private void remember(PageDocument page, long version, WriteOutcome outcome, Instant now) {
        if (outcome.status() == WriteOutcome.Status.WRITTEN) {
            written.written(page, version, now);
        } else {
            written.forget(page.pageId());
        }
    }

    /**
     * Sends the poison that Kinesis will not deliver again. Records at or after a shard's first failure are replayed
     * by Lambda, so their poison is quarantined on that replay, once, instead of now and again then.
     */
    private int sendPoison(List<QuarantineEntry> poison, Failures failures) {
        List<QuarantineEntry> due =
                poison.stream().filter(failures::notReplayed).toList();
        if (due.isEmpty()) {
            return 0;
        }
        List<QuarantineEntry> undelivered;
        try {
            undelivered = quarantine.send(due);
        } catch (RuntimeException e) {
            LOG.warn("quarantine unavailable, retrying the records that carry poison: {}", e.toString());
            undelivered = due;
        }
        undelivered.forEach(entry -> failures.add(entry.shardId(), entry.sequenceNumber()));
        return due.size() - undelivered.size();
    }

    private static long version(Instant updatedTime) {
        return updatedTime.toEpochMilli();
    }

    /**
     * The document's JSON, or null when it cannot be written: then its record is poison, and {@code spoiled} keeps
     * the record's other document (page or post) out of the batch too, so a record is never both indexed and
     * quarantined.
     */
    private static byte[] serialize(
            Object document,
            SourceRecord source,
            Set<SourceRecord> spoiled,
            List<QuarantineEntry> poison,
            Instant now) {
        if (spoiled.contains(source)) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsBytes(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            spoiled.add(source);
            poison.add(QuarantineEntry.of(source, PoisonReason.INVALID_VALUE, "cannot serialize: " + e, now));
            return null;
        }
    }

    /** The ops to send, each with its record and, for a page, the document; and the count of page writes skipped. */
    private record Writes(List<IndexOp> ops, List<SourceRecord> sources, List<PageDocument> pages, int skipped) {
        void add(IndexOp op, SourceRecord source, PageDocument page) {
            ops.add(op);
            sources.add(source);
            pages.add(page);
        }

        Writes skipping(int pagesSkipped) {
            return new Writes(ops, sources, pages, pagesSkipped);
        }

        Writes without(Set<SourceRecord> spoiled) {
            if (spoiled.isEmpty()) {
                return this;
            }
            Writes kept = new Writes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), skipped);
            for (int i = 0; i < ops.size(); i++) {
                if (!spoiled.contains(sources.get(i))) {
                    kept.add(ops.get(i), sources.get(i), pages.get(i));
                }
            }
            return kept;
        }
    }

    private static final class Counts {
        int pages;
        int posts;
        int superseded;
        int skipped;
    }
}
