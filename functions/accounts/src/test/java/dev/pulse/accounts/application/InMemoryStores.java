package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.Account;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.Member;
import dev.pulse.accounts.domain.Membership;
import dev.pulse.accounts.domain.PageId;
import dev.pulse.accounts.domain.Period;
import dev.pulse.accounts.domain.Snapshot;
import dev.pulse.accounts.domain.TrackedPage;
import dev.pulse.accounts.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory adapters of every accounts port, for unit tests; each behaves as its DynamoDB contract says. */
public final class InMemoryStores {
    private InMemoryStores() {}

    /** The accounts table. */
    public static final class Accounts implements AccountStore {
        private final Map<AccountId, Account> items = new ConcurrentHashMap<>();

        @Override
        public void create(Account account) {
            items.putIfAbsent(account.accountId(), account);
        }

        @Override
        public Optional<Account> find(AccountId id) {
            return Optional.ofNullable(items.get(id));
        }

        @Override
        public synchronized boolean replace(Account next) {
            Account current = items.get(next.accountId());
            if (current == null || current.version() != next.version() - 1) {
                return false;
            }
            items.put(next.accountId(), next);
            return true;
        }

        public void put(Account account) {
            items.put(account.accountId(), account);
        }

        private final Map<AccountId, Integer> tracked = new ConcurrentHashMap<>();
        private final Map<AccountId, Integer> owners = new ConcurrentHashMap<>();

        @Override
        public synchronized boolean reserveTrackedPage(AccountId id, int limit, Instant now) {
            int count = tracked.getOrDefault(id, 0);
            if (!items.containsKey(id) || count >= limit) {
                return false;
            }
            tracked.put(id, count + 1);
            return true;
        }

        @Override
        public synchronized void releaseTrackedPage(AccountId id, Instant now) {
            tracked.computeIfPresent(id, (k, count) -> Math.max(0, count - 1));
        }

        @Override
        public synchronized boolean releaseOwner(AccountId id) {
            int count = owners.getOrDefault(id, 1);
            if (count <= 1) {
                return false;
            }
            owners.put(id, count - 1);
            return true;
        }

        @Override
        public synchronized void addOwner(AccountId id) {
            if (items.containsKey(id)) {
                owners.put(id, ownerCount(id) + 1);
            }
        }

        public int trackedCount(AccountId id) {
            return tracked.getOrDefault(id, 0);
        }

        public int ownerCount(AccountId id) {
            return owners.getOrDefault(id, 1);
        }
    }

    /** The members and memberships tables. */
    public static final class Team implements TeamStore {
        private final Map<UserId, Membership> memberships = new ConcurrentHashMap<>();
        private final Map<AccountId, TreeMap<String, Member>> members = new ConcurrentHashMap<>();
        private final Map<String, Long> versions = new HashMap<>();

        @Override
        public Optional<Membership> membershipOf(UserId user) {
            return Optional.ofNullable(memberships.get(user));
        }

        @Override
        public synchronized boolean join(Membership m) {
            Membership current = memberships.get(m.userId());
            if (current != null && !current.accountId().equals(m.accountId())) {
                return false;
            }
            memberships.put(m.userId(), m);
            return true;
        }

        @Override
        public synchronized void leave(UserId user, AccountId account) {
            Membership current = memberships.get(user);
            if (current != null && current.accountId().equals(account)) {
                memberships.remove(user);
            }
        }

        @Override
        public synchronized List<Member> members(AccountId account) {
            return List.copyOf(members.getOrDefault(account, new TreeMap<>()).values());
        }

        @Override
        public synchronized Optional<Versioned> member(AccountId account, UserId user) {
            return Optional.ofNullable(
                            members.getOrDefault(account, new TreeMap<>()).get(user.value()))
                    .map(m -> new Versioned(m, versions.get(account.value() + "/" + user.value())));
        }

        @Override
        public synchronized boolean putMember(AccountId account, Member member) {
            versions.merge(account.value() + "/" + member.userId().value(), 1L, Long::sum);
            return members.computeIfAbsent(account, a -> new TreeMap<>())
                            .put(member.userId().value(), member)
                    == null;
        }

        @Override
        public synchronized boolean putMember(AccountId account, Member member, long expectedVersion) {
            if (versions.getOrDefault(account.value() + "/" + member.userId().value(), 0L) != expectedVersion) {
                return false;
            }
            putMember(account, member);
            return true;
        }

        @Override
        public synchronized boolean removeMember(AccountId account, UserId user, long expectedVersion) {
            String key = account.value() + "/" + user.value();
            if (expectedVersion == 0 || versions.getOrDefault(key, 0L) != expectedVersion) {
                return false;
            }
            versions.remove(key);
            return members.get(account).remove(user.value()) != null;
        }
    }

    /** The account-pages table. */
    public static final class Pages implements TrackedPageStore {
        private final Map<AccountId, TreeMap<String, TrackedPage>> pages = new HashMap<>();

        @Override
        public synchronized boolean add(AccountId account, TrackedPage page) {
            return pages.computeIfAbsent(account, a -> new TreeMap<>())
                            .putIfAbsent(page.pageId().value(), page)
                    == null;
        }

        @Override
        public synchronized boolean remove(AccountId account, PageId page) {
            TreeMap<String, TrackedPage> tracked = pages.get(account);
            return tracked != null && tracked.remove(page.value()) != null;
        }

        @Override
        public synchronized Optional<TrackedPage> find(AccountId account, PageId page) {
            return Optional.ofNullable(
                    pages.getOrDefault(account, new TreeMap<>()).get(page.value()));
        }

        @Override
        public synchronized int count(AccountId account) {
            return pages.getOrDefault(account, new TreeMap<>()).size();
        }

        @Override
        public synchronized List<TrackedPage> list(AccountId account, Optional<PageId> after, int limit) {
            TreeMap<String, TrackedPage> tracked = pages.getOrDefault(account, new TreeMap<>());
            Collection<TrackedPage> rest = after.isPresent()
                    ? tracked.tailMap(after.get().value(), false).values()
                    : tracked.values();
            return rest.stream().limit(limit).toList();
        }
    }

    /** The tracked-pages table's per-page account sets. */
    public static final class Tracking implements PageTracking {
        private final Map<PageId, Set<AccountId>> accounts = new ConcurrentHashMap<>();

        @Override
        public void track(PageId page, AccountId account) {
            accounts.computeIfAbsent(page, p -> ConcurrentHashMap.newKeySet()).add(account);
        }

        @Override
        public void untrack(PageId page, AccountId account) {
            Set<AccountId> set = accounts.get(page);
            if (set != null) {
                set.remove(account);
                if (set.isEmpty()) {
                    accounts.remove(page);
                }
            }
        }

        public Set<AccountId> accountsOf(PageId page) {
            return Set.copyOf(accounts.getOrDefault(page, Set.of()));
        }
    }

    /** The pages index. */
    public static final class Catalog implements PageCatalog {
        private final Map<PageId, PageInfo> pages = new ConcurrentHashMap<>();

        public Catalog with(String pageId, String name, long fans) {
            pages.put(new PageId(pageId), new PageInfo(name, fans));
            return this;
        }

        @Override
        public Map<PageId, PageInfo> find(Collection<PageId> ids) {
            Map<PageId, PageInfo> found = new HashMap<>();
            ids.forEach(id -> Optional.ofNullable(pages.get(id)).ifPresent(info -> found.put(id, info)));
            return found;
        }
    }

    /** The reports table. */
    public static final class Reports implements ReportStore {
        private final Map<AccountId, TreeMap<String, Snapshot>> reports = new ConcurrentHashMap<>();

        public void put(AccountId account, Period period, Snapshot snapshot) {
            reports.computeIfAbsent(account, a -> new TreeMap<>()).put(period.key(snapshot.start()), snapshot);
        }

        @Override
        public List<Snapshot> snapshots(AccountId account, Period period, Instant from, Instant to, int limit) {
            List<Snapshot> found = new ArrayList<>(reports.getOrDefault(account, new TreeMap<>())
                    .subMap(period.key(from), true, period.key(to), true)
                    .values());
            return found.stream().limit(limit).toList();
        }
    }

    /** The idempotency table. */
    public static final class Idempotency implements IdempotencyStore {
        private final Map<String, AccountId> keys = new ConcurrentHashMap<>();

        @Override
        public AccountId claim(String key, AccountId candidate) {
            return keys.computeIfAbsent(key, k -> candidate);
        }
    }
}
