package dev.pulse.ingest.application;

import dev.pulse.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** In-memory fakes of the ingest ports, with OpenSearch's external_gte semantics. */
final class InMemoryAdapters {
    private InMemoryAdapters() {}

    /** An index that keeps the highest version per id and can be told to fail. */
    static final class Sink implements DocumentSink {
        final Map<String, Long> versions = new HashMap<>();
        final Map<String, Map<String, Object>> documents = new HashMap<>();
        Function<IndexOp, WriteOutcome> failure = op -> null;
        int writes;
        int versionReads;
        boolean versionsDown;

        @Override
        public List<WriteOutcome> write(List<IndexOp> ops, Instant deadline) {
            List<WriteOutcome> outcomes = new ArrayList<>();
            for (IndexOp op : ops) {
                WriteOutcome forced = failure.apply(op);
                if (forced != null) {
                    outcomes.add(forced);
                    continue;
                }
                String key = op.index() + "/" + op.id();
                Long held = versions.get(key);
                if (held != null && held > op.version()) {
                    outcomes.add(WriteOutcome.SUPERSEDED_OK);
                    continue;
                }
                versions.put(key, op.version());
                documents.put(
                        key, Json.read(new String(op.source(), java.nio.charset.StandardCharsets.UTF_8), Map.class));
                writes++;
                outcomes.add(WriteOutcome.WRITTEN_OK);
            }
            return outcomes;
        }

        @Override
        public Map<String, Long> versions(String index, Collection<String> ids) {
            versionReads++;
            if (versionsDown) {
                throw new TransientFailureException("_mget answered 503", null);
            }
            Map<String, Long> found = new HashMap<>();
            for (String id : ids) {
                Long version = versions.get(index + "/" + id);
                if (version != null) {
                    found.put(id, version);
                }
            }
            return found;
        }
    }

    /** A queue that records entries, and can refuse everything. */
    static final class Dlq implements Quarantine {
        final List<QuarantineEntry> entries = new ArrayList<>();
        boolean down;

        @Override
        public List<QuarantineEntry> send(List<QuarantineEntry> batch) {
            if (down) {
                return batch;
            }
            entries.addAll(batch);
            return List.of();
        }
    }

    /** A fixed set of tracked pages, which can be made unavailable. */
    static final class Tracked implements TrackedPages {
        final Set<String> ids = new HashSet<>();
        boolean down;

        @Override
        public Set<String> trackedAmong(Set<String> pageIds) {
            if (down) {
                throw new TransientFailureException("dynamodb down", null);
            }
            Set<String> result = new HashSet<>(pageIds);
            result.retainAll(ids);
            return result;
        }
    }
}
