package dev.pulse.accounts.adapter.cache;

import dev.pulse.accounts.application.AccountStore;
import dev.pulse.accounts.application.ReadCache;
import dev.pulse.accounts.domain.Account;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.core.json.Json;
import java.time.Instant;
import java.util.Optional;

/** Cache-aside over the accounts table: reads fill the cache, writes evict the account's reads once committed. */
public final class CachedAccountStore implements AccountStore {
    static final String FIELD = "me";

    private final AccountStore store;
    private final ReadCache cache;

    public CachedAccountStore(AccountStore store, ReadCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public void create(Account account) {
        store.create(account);
        cache.evict(CacheKeys.account(account.accountId()));
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return cache.read(
                        CacheKeys.account(id),
                        FIELD,
                        CacheKeys.TTL,
                        () -> store.find(id).map(Json::write))
                .map(json -> Json.read(json, Account.class));
    }

    @Override
    public boolean replace(Account next) {
        boolean replaced = store.replace(next);
        cache.evict(CacheKeys.account(next.accountId()));
        return replaced;
    }

    // The counters are not part of any cached read: they pass through, and evict nothing.
    @Override
    public boolean reserveTrackedPage(AccountId id, int limit, Instant now) {
        return store.reserveTrackedPage(id, limit, now);
    }

    @Override
    public void releaseTrackedPage(AccountId id, Instant now) {
        store.releaseTrackedPage(id, now);
    }

    @Override
    public boolean releaseOwner(AccountId id) {
        return store.releaseOwner(id);
    }

    @Override
    public void addOwner(AccountId id) {
        store.addOwner(id);
    }
}
