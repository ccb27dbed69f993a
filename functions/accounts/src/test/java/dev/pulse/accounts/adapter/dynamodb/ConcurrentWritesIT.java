package dev.pulse.accounts.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.accounts.application.AccountService;
import dev.pulse.accounts.application.Cursors;
import dev.pulse.accounts.application.InMemoryStores;
import dev.pulse.accounts.application.Refusal;
import dev.pulse.accounts.application.TeamService;
import dev.pulse.accounts.application.TrackingService;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.AccountName;
import dev.pulse.accounts.domain.Member;
import dev.pulse.accounts.domain.Membership;
import dev.pulse.accounts.domain.PageId;
import dev.pulse.accounts.domain.Role;
import dev.pulse.accounts.domain.UserId;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.TopologyTables;
import dev.pulse.core.testing.Unique;
import dev.pulse.core.topology.PulseTopology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Concurrent writers against dynalite, released together by a barrier: the plan limit, a new member and the last
 * owner each hold with exactly one winner. The use cases run over the DynamoDB adapters (the pages index is a fake:
 * it only says every page exists).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentWritesIT {
    private static final int RACERS = 8;

    private final DynamoDbClient dynamo = new AwsClients(LocalPlatform.config()).dynamoDb();
    private final TopologyTables tables = new TopologyTables(dynamo);
    private final String accountsTable = tables.create(PulseTopology.ACCOUNTS_TABLE);
    private final String trackedPagesTable = tables.create(PulseTopology.TRACKED_PAGES_TABLE);
    private final String accountPagesTable = tables.create(PulseTopology.ACCOUNT_PAGES_TABLE);
    private final DynamoAccountStore accounts = new DynamoAccountStore(dynamo, accountsTable);
    private final DynamoTeamStore team = new DynamoTeamStore(
            dynamo, tables.create(PulseTopology.MEMBERS_TABLE), tables.create(PulseTopology.MEMBERSHIPS_TABLE));
    private final DynamoTrackedPageStore pages = new DynamoTrackedPageStore(dynamo, accountPagesTable);
    private final InMemoryStores.Catalog catalog = new InMemoryStores.Catalog();
    private final Clock clock = Clock.systemUTC();
    private final AccountService accountService =
            new AccountService(accounts, team, new InMemoryStores.Idempotency(), clock, AccountId::random);
    private final TeamService teamService = new TeamService(accounts, team);
    private final TrackingService tracking = new TrackingService(
            accounts,
            team,
            pages,
            new DynamoPageTracking(dynamo, trackedPagesTable, clock),
            catalog,
            new Cursors(() -> "a test key of at least 16 bytes".getBytes()),
            clock);

    @AfterAll
    void drop() {
        tables.close();
        dynamo.close();
    }

    @Test
    void givenOneSlotLeft_whenEightTracksRace_thenExactlyOneIsCreated_andTheRestHitTheLimit() throws Exception {
        UserId ada = new UserId(Unique.name("ada"));
        AccountId account =
                accountService.create(ada, "k", new AccountName("Acme")).accountId();
        int limit = accounts.find(account).orElseThrow().plan().trackedPagesLimit();
        for (int i = 0; i < limit - 1; i++) {
            tracking.track(ada, page("1" + i));
        }
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            PageId page = page("2" + i);
            racers.add(() -> tracking.track(ada, page));
        }

        List<Object> outcomes = race(racers);

        assertThat(outcomes).filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof Refusal r && r.code().equals("limit_reached"))
                .hasSize(RACERS - 1);
        assertThat(pages.count(account)).isEqualTo(limit);
        int pageSides = 0;
        for (int i = 0; i < RACERS; i++) {
            pageSides += accountsOf(page("2" + i)).contains(account.value()) ? 1 : 0;
        }
        assertThat(pageSides).isEqualTo(1);
    }

    @Test
    void givenTheSamePageTrackedByEightAtOnce_thenOne201_andTheSlotsOfTheOthersAreGivenBack() throws Exception {
        UserId ada = new UserId(Unique.name("ada"));
        AccountId account =
                accountService.create(ada, "k", new AccountName("Acme")).accountId();
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            racers.add(() -> tracking.track(ada, page("777")));
        }

        List<Object> outcomes = race(racers);

        assertThat(outcomes)
                .containsOnly(true, false)
                .filteredOn(Boolean.TRUE::equals)
                .hasSize(1);
        assertThat(trackedCount(account)).isEqualTo(1);
        assertThat(accountsOf(page("777"))).containsExactly(account.value());
    }

    @Test
    void givenTwoOwnersDemotingEachOtherAtOnce_thenOneWins_andTheOtherIsTheLastOwner() throws Exception {
        UserId ada = new UserId(Unique.name("ada"));
        UserId bob = new UserId(Unique.name("bob"));
        AccountId account =
                accountService.create(ada, "k", new AccountName("Acme")).accountId();
        teamService.put(ada, new Member(bob, Role.OWNER));

        List<Object> outcomes = race(List.of(
                () -> teamService.put(ada, new Member(bob, Role.EDITOR)),
                () -> teamService.put(bob, new Member(ada, Role.EDITOR))));

        assertThat(outcomes).filteredOn(Boolean.FALSE::equals).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof Refusal r
                        && (r.code().equals("last_owner") || r.code().equals("forbidden")))
                .hasSize(1);
        assertThat(team.members(account))
                .filteredOn(m -> m.role() == Role.OWNER)
                .hasSize(1);
        assertThat(accounts.releaseOwner(account)).isFalse();
    }

    @Test
    void givenTwoOwnersRemovingEachOtherAtOnce_thenExactlyOneOwnerRemains() throws Exception {
        UserId ada = new UserId(Unique.name("ada"));
        UserId bob = new UserId(Unique.name("bob"));
        AccountId account =
                accountService.create(ada, "k", new AccountName("Acme")).accountId();
        teamService.put(ada, new Member(bob, Role.OWNER));

        List<Object> outcomes = race(List.of(
                () -> {
                    teamService.remove(ada, bob);
                    return true;
                },
                () -> {
                    teamService.remove(bob, ada);
                    return true;
                }));

        assertThat(outcomes).filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof Refusal).hasSize(1);
        assertThat(team.members(account)).hasSize(1).allMatch(m -> m.role() == Role.OWNER);
    }

    @Test
    void givenTheSameNewMemberPutByTwoAtOnce_thenExactlyOne201_andOne200() throws Exception {
        UserId ada = new UserId(Unique.name("ada"));
        UserId bob = new UserId(Unique.name("bob"));
        UserId cy = new UserId(Unique.name("cy"));
        AccountId account =
                accountService.create(ada, "k", new AccountName("Acme")).accountId();
        teamService.put(ada, new Member(bob, Role.OWNER));

        List<Object> outcomes = race(List.of(
                () -> teamService.put(ada, new Member(cy, Role.VIEWER)),
                () -> teamService.put(bob, new Member(cy, Role.EDITOR))));

        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        assertThat(team.members(account)).filteredOn(m -> m.userId().equals(cy)).hasSize(1);
        Role stored = team.member(account, cy).orElseThrow().member().role();
        assertThat(team.membershipOf(cy)).contains(new Membership(cy, account, stored));
    }

    /** Runs every racer at once (released by one barrier); each outcome is its result or the Refusal it threw. */
    private static List<Object> race(List<Callable<Boolean>> racers) throws Exception {
        CyclicBarrier start = new CyclicBarrier(racers.size());
        List<CompletableFuture<Object>> running = new ArrayList<>();
        for (Callable<Boolean> racer : racers) {
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return racer.call();
                } catch (Refusal refusal) {
                    return refusal;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<Object> outcomes = new ArrayList<>();
        for (CompletableFuture<Object> outcome : running) {
            outcomes.add(outcome.get());
        }
        return outcomes;
    }

    private PageId page(String id) {
        catalog.with(id, "Page " + id, 1);
        return new PageId(id);
    }

    private List<String> accountsOf(PageId page) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(trackedPagesTable)
                        .key(Map.of("pageId", AttributeValue.fromS(page.value())))
                        .consistentRead(true))
                .item();
        return item == null || !item.containsKey(DynamoPageTracking.ACCOUNTS)
                ? List.of()
                : item.get(DynamoPageTracking.ACCOUNTS).ss();
    }

    private long trackedCount(AccountId account) {
        return Long.parseLong(dynamo.getItem(g -> g.tableName(accountsTable)
                        .key(Map.of("accountId", AttributeValue.fromS(account.value())))
                        .consistentRead(true))
                .item()
                .get(DynamoAccountStore.TRACKED_COUNT)
                .n());
    }
}
