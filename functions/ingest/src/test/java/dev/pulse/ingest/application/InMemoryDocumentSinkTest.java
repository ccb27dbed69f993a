package dev.pulse.ingest.application;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;

/** The fake plays the strict mapping the contract asks for by refusing any source with a field other than "v". */
class InMemoryDocumentSinkTest extends DocumentSinkContract {
    private final InMemoryAdapters.Sink sink = new InMemoryAdapters.Sink();

    InMemoryDocumentSinkTest() {
        sink.failure = op -> new String(op.source(), StandardCharsets.UTF_8).matches("\\{\"v\":-?\\d+}")
                ? null
                : new WriteOutcome(WriteOutcome.Status.REJECTED, "strict mapping: only v is allowed");
    }

    @Override
    protected DocumentSink sink() {
        return sink;
    }

    @Override
    protected DocumentSink unreachableSink() {
        InMemoryAdapters.Sink down = new InMemoryAdapters.Sink();
        down.failure = op -> new WriteOutcome(WriteOutcome.Status.TRANSIENT, "connection refused");
        down.versionsDown = true;
        return down;
    }

    @Override
    protected OptionalLong stored(String id) {
        Map<String, Object> document = sink.documents.get(index + "/" + id);
        return document == null ? OptionalLong.empty() : OptionalLong.of(((Number) document.get("v")).longValue());
    }

    @Override
    protected long count() {
        return sink.documents.keySet().stream()
                .filter(key -> key.startsWith(index + "/"))
                .count();
    }
}
