package dev.pulse.accounts.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.accounts.application.InMemoryReadCache;
import dev.pulse.accounts.application.InMemoryStores;
import dev.pulse.accounts.application.ReadCache;
import dev.pulse.accounts.application.ReadCacheContract;
import dev.pulse.accounts.domain.Account;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.AccountName;
import dev.pulse.accounts.domain.Member;
import dev.pulse.accounts.domain.Membership;
import dev.pulse.accounts.domain.PageId;
import dev.pulse.accounts.domain.Period;
import dev.pulse.accounts.domain.Role;
import dev.pulse.accounts.domain.Snapshot;
import dev.pulse.accounts.domain.TrackedPage;
import dev.pulse.accounts.domain.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CachedStoresTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final InMemoryReadCache cache = new InMemoryReadCache();
    private final InMemoryStores.Accounts accountsTable = new InMemoryStores.Accounts();
    private final CachedAccountStore accounts = new CachedAccountStore(accountsTable, cache);
    private final Account v1 = Account.create(AccountId.random(), new AccountName("Acme"), T0);

    @Nested
    class InMemoryCacheContract extends ReadCacheContract {
        @Override
        protected ReadCache cache() {
            return new InMemoryReadCache();
        }
    }

    @Test
    void givenAReadAccount_thenTheNextReadComesFromTheCache_asTheSameRecord() {
        accounts.create(v1);
        assertThat(accounts.find(v1.accountId())).contains(v1);

        // Changed behind the cache's back: a cached read still answers the old record, which proves the hit.
        accountsTable.put(v1.renamed(new AccountName("Behind"), T0));

        assertThat(accounts.find(v1.accountId())).contains(v1);
    }

    @Test
    void givenACachedAccount_whenReplaced_thenTheNextReadIsTheNewVersion() {
        accounts.create(v1);
        accounts.find(v1.accountId());
        Account v2 = v1.renamed(new AccountName("Acme 2"), T0.plusSeconds(1));

        assertThat(accounts.replace(v2)).isTrue();

        assertThat(accounts.find(v1.accountId())).contains(v2);
    }

    @Test
    void givenTheCacheDown_thenReadsAndWritesGoToTheTable() {
        cache.down(true);
        accounts.create(v1);
        Account v2 = v1.renamed(new AccountName("Acme 2"), T0.plusSeconds(1));

        assertThat(accounts.replace(v2)).isTrue();
        assertThat(accounts.find(v1.accountId())).contains(v2);
    }

    @Test
    void givenCachedMembersAndMembership_whenTheTeamChanges_thenTheNextReadsShowIt() {
        CachedTeamStore team = new CachedTeamStore(new InMemoryStores.Team(), cache);
        UserId ada = new UserId("ada");
        team.join(new Membership(ada, v1.accountId(), Role.OWNER));
        team.putMember(v1.accountId(), new Member(ada, Role.OWNER));
        assertThat(team.members(v1.accountId())).hasSize(1);
        assertThat(team.membershipOf(ada)).isPresent();

        team.putMember(v1.accountId(), new Member(new UserId("bob"), Role.VIEWER));
        team.leave(ada, v1.accountId());

        assertThat(team.members(v1.accountId()))
                .extracting(m -> m.userId().value())
                .containsExactly("ada", "bob");
        assertThat(team.membershipOf(ada)).isEmpty();
    }

    @Test
    void givenACachedListOfPages_whenAPageIsAdded_thenTheNextListHasIt() {
        CachedTrackedPageStore pages = new CachedTrackedPageStore(new InMemoryStores.Pages(), cache);
        pages.add(v1.accountId(), new TrackedPage(new PageId("1"), T0));
        assertThat(pages.list(v1.accountId(), Optional.empty(), 10)).hasSize(1);

        pages.add(v1.accountId(), new TrackedPage(new PageId("2"), T0));

        assertThat(pages.list(v1.accountId(), Optional.empty(), 10))
                .extracting(p -> p.pageId().value())
                .containsExactly("1", "2");
    }

    @Test
    void givenSnapshots_thenTheyRoundTripThroughTheCache() {
        InMemoryStores.Reports table = new InMemoryStores.Reports();
        CachedReportStore reports = new CachedReportStore(table, cache);
        Snapshot hour = new Snapshot(T0, Map.of("posts", 3));
        table.put(v1.accountId(), Period.HOUR, hour);

        reports.snapshots(v1.accountId(), Period.HOUR, T0, T0.plusSeconds(3600), 10);
        var cached = reports.snapshots(v1.accountId(), Period.HOUR, T0, T0.plusSeconds(3600), 10);

        assertThat(cached).hasSize(1);
        assertThat(cached.getFirst().start()).isEqualTo(T0);
        assertThat(cached.getFirst().figures()).containsEntry("posts", 3);
    }
}
