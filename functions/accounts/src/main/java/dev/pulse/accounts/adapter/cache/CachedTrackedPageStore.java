package dev.pulse.accounts.adapter.cache;

import dev.pulse.accounts.application.ReadCache;
import dev.pulse.accounts.application.TrackedPageStore;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.PageId;
import dev.pulse.accounts.domain.TrackedPage;
import dev.pulse.core.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * Cache-aside over the tracked-pages list; the lookups of the write path ({@code find}, {@code count}) always read
 * the table, since the plan's limit and the 201/200 answer must not rest on a cached view.
 */
public final class CachedTrackedPageStore implements TrackedPageStore {
    private final TrackedPageStore store;
    private final ReadCache cache;

    public CachedTrackedPageStore(TrackedPageStore store, ReadCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public boolean add(AccountId account, TrackedPage page) {
        boolean added = store.add(account, page);
        cache.evict(CacheKeys.account(account));
        return added;
    }

    @Override
    public boolean remove(AccountId account, PageId page) {
        boolean removed = store.remove(account, page);
        cache.evict(CacheKeys.account(account));
        return removed;
    }

    @Override
    public Optional<TrackedPage> find(AccountId account, PageId page) {
        return store.find(account, page);
    }

    @Override
    public int count(AccountId account) {
        return store.count(account);
    }

    @Override
    public List<TrackedPage> list(AccountId account, Optional<PageId> after, int limit) {
        String field = "pages:" + after.map(PageId::value).orElse("") + ":" + limit;
        String json = cache.read(
                        CacheKeys.account(account),
                        field,
                        CacheKeys.TTL,
                        () -> Optional.of(Json.write(store.list(account, after, limit))))
                .orElseThrow();
        return List.of(Json.read(json, TrackedPage[].class));
    }
}
