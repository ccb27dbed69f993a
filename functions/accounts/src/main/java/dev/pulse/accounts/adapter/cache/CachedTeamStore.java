package dev.pulse.accounts.adapter.cache;

import dev.pulse.accounts.application.ReadCache;
import dev.pulse.accounts.application.TeamStore;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.Member;
import dev.pulse.accounts.domain.Membership;
import dev.pulse.accounts.domain.UserId;
import dev.pulse.core.json.Json;
import java.util.List;
import java.util.Optional;

/** Cache-aside over members and memberships; a membership is looked up on every request, so it is cached too. */
public final class CachedTeamStore implements TeamStore {
    static final String MEMBERSHIP = "membership";
    static final String MEMBERS = "team";

    private final TeamStore store;
    private final ReadCache cache;

    public CachedTeamStore(TeamStore store, ReadCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public Optional<Membership> membershipOf(UserId user) {
        // Only a membership is cached (an empty answer is not): a user in no account is about to create one.
        return cache.read(
                        CacheKeys.user(user),
                        MEMBERSHIP,
                        CacheKeys.TTL,
                        () -> store.membershipOf(user).map(Json::write))
                .map(json -> Json.read(json, Membership.class));
    }

    @Override
    public boolean join(Membership membership) {
        boolean joined = store.join(membership);
        cache.evict(CacheKeys.user(membership.userId()));
        return joined;
    }

    @Override
    public void leave(UserId user, AccountId account) {
        store.leave(user, account);
        cache.evict(CacheKeys.user(user));
    }

    @Override
    public List<Member> members(AccountId account) {
        String json = cache.read(
                        CacheKeys.account(account),
                        MEMBERS,
                        CacheKeys.TTL,
                        () -> Optional.of(Json.write(store.members(account))))
                .orElseThrow();
        return List.of(Json.read(json, Member[].class));
    }

    @Override
    public Optional<Versioned> member(AccountId account, UserId user) {
        // Read to decide a conditional write: always the table's current item.
        return store.member(account, user);
    }

    @Override
    public boolean putMember(AccountId account, Member member) {
        boolean created = store.putMember(account, member);
        cache.evict(CacheKeys.account(account));
        return created;
    }

    @Override
    public boolean putMember(AccountId account, Member member, long expectedVersion) {
        boolean written = store.putMember(account, member, expectedVersion);
        cache.evict(CacheKeys.account(account));
        return written;
    }

    @Override
    public boolean removeMember(AccountId account, UserId user, long expectedVersion) {
        boolean removed = store.removeMember(account, user, expectedVersion);
        cache.evict(CacheKeys.account(account));
        return removed;
    }
}
