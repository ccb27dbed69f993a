package dev.pulse.accounts.application;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What the reconciliation reads and repairs: account-pages (the source of truth), tracked-pages' per-page account
 * sets (what ingest reads) and each account's {@code trackedCount}. Ids are plain strings here: a set may hold ids no
 * account has (an orphan, or the operators' reserved id), and the reconciliation must see them as they are.
 */
public interface TrackedSetTables {
    /** Every account-pages row, scanned in parallel segments: page id → the ids of the accounts tracking it. */
    Map<String, Set<String>> accountsByPage();

    /**
     * Calls {@code visitor} with every tracked-pages item's page id and account set (empty when the attribute is
     * gone), from several segment threads at once.
     */
    void scanTrackedSets(BiConsumer<String, Set<String>> visitor);

    /** Whether account-pages holds the row now (a strongly consistent read). */
    boolean isTracked(String accountId, String pageId);

    /** Idempotent {@code ADD} of the account to the page's set. */
    void add(String pageId, String accountId);

    /** Idempotent {@code DELETE} of the account from the page's set. */
    void remove(String pageId, String accountId);

    /** Every account's id and its counter as scanned (eventually consistent), from several segment threads. */
    void scanTrackedCounts(BiConsumer<String, Counter> visitor);

    /** The account's counter now (a strongly consistent read), or empty when the account is gone. */
    Optional<Counter> trackedCount(String accountId);

    /** How many account-pages rows the account has now (a strongly consistent query). */
    long countTracked(String accountId);

    /** Sets the counter to {@code actual} only if it is still exactly {@code seen}; false when it moved. */
    boolean repairTrackedCount(String accountId, Counter seen, long actual);

    /** {@code trackedCount} and when it last changed ({@code null} when it never has). */
    record Counter(long value, Instant changedAt) {}
}
