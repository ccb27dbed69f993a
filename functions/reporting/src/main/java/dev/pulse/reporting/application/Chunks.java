package dev.pulse.reporting.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Groups accounts so one chunk's distinct pages fill aggregation requests of {@code batchSize} pages: many small
 * accounts share a request, and a large account's pages span several. Deterministic for the same input.
 */
final class Chunks {
    private Chunks() {}

    /** One chunk: its accounts (id order) and the distinct pages they track (id order). */
    record Chunk(List<String> accounts, List<String> pages) {}

    static List<Chunk> of(List<String> accounts, Map<String, List<String>> pagesByAccount, int batchSize) {
        List<Chunk> chunks = new ArrayList<>();
        List<String> members = new ArrayList<>();
        TreeSet<String> pages = new TreeSet<>();
        for (String account : accounts) {
            List<String> own = pagesByAccount.get(account);
            TreeSet<String> merged = new TreeSet<>(pages);
            merged.addAll(own);
            if (!members.isEmpty() && merged.size() > batchSize) {
                chunks.add(new Chunk(List.copyOf(members), List.copyOf(pages)));
                members.clear();
                pages.clear();
                merged = new TreeSet<>(own);
            }
            members.add(account);
            pages = merged;
        }
        if (!members.isEmpty()) {
            chunks.add(new Chunk(List.copyOf(members), List.copyOf(pages)));
        }
        return chunks;
    }

    /** {@code items} in consecutive batches of at most {@code size}. */
    static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            batches.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return batches;
    }
}
