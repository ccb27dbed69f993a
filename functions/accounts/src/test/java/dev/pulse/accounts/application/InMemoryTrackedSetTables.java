package dev.pulse.accounts.application;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The reconciliation's tables in memory: account-pages rows, tracked-pages sets and counters, with a hook that runs
 * before each consistent re-check, where a test puts the live write that races the repair.
 */
public final class InMemoryTrackedSetTables implements TrackedSetTables {
    final Set<String> rows = new HashSet<>();
    final Map<String, Set<String>> sets = new TreeMap<>();
    final Map<String, Counter> counters = new TreeMap<>();
    Runnable beforeCheck = () -> {};

    synchronized void row(String account, String page) {
        rows.add(account + "/" + page);
    }

    synchronized void unrow(String account, String page) {
        rows.remove(account + "/" + page);
    }

    synchronized Set<String> set(String page) {
        return Set.copyOf(sets.getOrDefault(page, Set.of()));
    }

    @Override
    public synchronized Map<String, Set<String>> accountsByPage() {
        Map<String, Set<String>> byPage = new HashMap<>();
        for (String row : rows) {
            String[] parts = row.split("/");
            byPage.computeIfAbsent(parts[1], p -> new HashSet<>()).add(parts[0]);
        }
        return byPage;
    }

    @Override
    public void scanTrackedSets(BiConsumer<String, Set<String>> visitor) {
        Map<String, Set<String>> snapshot;
        synchronized (this) {
            snapshot = new TreeMap<>(sets);
            snapshot.replaceAll((page, accounts) -> Set.copyOf(accounts));
        }
        snapshot.forEach(visitor);
    }

    @Override
    public boolean isTracked(String accountId, String pageId) {
        beforeCheck.run();
        synchronized (this) {
            return rows.contains(accountId + "/" + pageId);
        }
    }

    @Override
    public synchronized void add(String pageId, String accountId) {
        sets.computeIfAbsent(pageId, p -> new HashSet<>()).add(accountId);
    }

    @Override
    public synchronized void remove(String pageId, String accountId) {
        sets.getOrDefault(pageId, new HashSet<>()).remove(accountId);
    }

    @Override
    public void scanTrackedCounts(BiConsumer<String, Counter> visitor) {
        Map<String, Counter> snapshot;
        synchronized (this) {
            snapshot = new TreeMap<>(counters);
        }
        snapshot.forEach(visitor);
    }

    @Override
    public synchronized Optional<Counter> trackedCount(String accountId) {
        return Optional.ofNullable(counters.get(accountId));
    }

    @Override
    public synchronized long countTracked(String accountId) {
        return rows.stream().filter(r -> r.startsWith(accountId + "/")).count();
    }

    @Override
    public synchronized boolean repairTrackedCount(String accountId, Counter seen, long actual) {
        if (!seen.equals(counters.get(accountId))) {
            return false;
        }
        counters.put(accountId, new Counter(actual, seen.changedAt()));
        return true;
    }

    synchronized void counter(String accountId, long value, Instant changedAt) {
        counters.put(accountId, new Counter(value, changedAt));
    }
}
