package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.Account;
import dev.pulse.accounts.domain.AccountId;
import java.time.Instant;
import java.util.Optional;

/**
 * The accounts table. Every write is conditional, so a replay or a lost race never overwrites a newer version. The
 * item also holds two counters, each changed by one conditional {@code ADD}, that guard invariants spanning other
 * items: {@code trackedCount} (the plan's limit) and {@code ownerCount} (the last owner stays). Each is changed on the
 * side that errs safe when a crash falls between it and the other write: a slot is reserved before a page is added and
 * released after it is removed (a crash over-counts, which only refuses a track), and an owner is released before a
 * demotion and added after a promotion (a crash under-counts, which only refuses a demotion). The reconciliation
 * recounts them.
 */
public interface AccountStore {
    /** Writes version 1 if the account does not exist yet; a replay of the same create is a no-op. */
    void create(Account account);

    Optional<Account> find(AccountId id);

    /** Writes {@code next} only if the stored version is {@code next.version() - 1}; false when it was not. */
    boolean replace(Account next);

    /** Takes one tracked-page slot while {@code trackedCount < limit}; false at the limit (or with no account). */
    boolean reserveTrackedPage(AccountId id, int limit, Instant now);

    /** Gives one slot back, never below zero. */
    void releaseTrackedPage(AccountId id, Instant now);

    /** Takes one owner away while another remains; false when this would remove the last one. */
    boolean releaseOwner(AccountId id);

    /** Counts one more owner. */
    void addOwner(AccountId id);
}
