package dev.pulse.accounts;

import dev.pulse.accounts.adapter.cache.CachedAccountStore;
import dev.pulse.accounts.adapter.cache.CachedReportStore;
import dev.pulse.accounts.adapter.cache.CachedTeamStore;
import dev.pulse.accounts.adapter.cache.CachedTrackedPageStore;
import dev.pulse.accounts.adapter.dynamodb.DynamoAccountStore;
import dev.pulse.accounts.adapter.dynamodb.DynamoCursorKey;
import dev.pulse.accounts.adapter.dynamodb.DynamoIdempotencyStore;
import dev.pulse.accounts.adapter.dynamodb.DynamoPageTracking;
import dev.pulse.accounts.adapter.dynamodb.DynamoReportStore;
import dev.pulse.accounts.adapter.dynamodb.DynamoTeamStore;
import dev.pulse.accounts.adapter.dynamodb.DynamoTrackedPageStore;
import dev.pulse.accounts.adapter.opensearch.OpenSearchPageCatalog;
import dev.pulse.accounts.adapter.redis.RedisReadCache;
import dev.pulse.accounts.application.AccountService;
import dev.pulse.accounts.application.AccountStore;
import dev.pulse.accounts.application.Cursors;
import dev.pulse.accounts.application.DashboardService;
import dev.pulse.accounts.application.ReadCache;
import dev.pulse.accounts.application.TeamService;
import dev.pulse.accounts.application.TeamStore;
import dev.pulse.accounts.application.TrackingService;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.cache.RedisClients;
import dev.pulse.core.config.Env;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The composition root: the only place that builds clients. Runs once per Lambda instance (or per test). */
public final class AccountsWiring {
    private final AccountsRoutes routes;
    private final AccountService accountService;

    private AccountsWiring(PulseConfig pulse, AccountsConfig config) {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamo = new AwsClients(pulse).dynamoDb();
        ReadCache cache = config.cacheEnabled()
                ? new RedisReadCache(
                        RedisClients.create(config.redis(), new AwsClients(pulse)::secretString),
                        config.cacheNamespace(),
                        clock)
                : ReadCache.NONE;
        AccountStore accounts = new CachedAccountStore(new DynamoAccountStore(dynamo, config.accountsTable()), cache);
        TeamStore team = new CachedTeamStore(
                new DynamoTeamStore(dynamo, config.membersTable(), config.membershipsTable()), cache);
        this.accountService = new AccountService(
                accounts,
                team,
                new DynamoIdempotencyStore(dynamo, config.idempotencyTable(), clock),
                clock,
                AccountId::random);
        this.routes = new AccountsRoutes(
                accountService,
                new TeamService(accounts, team),
                new TrackingService(
                        accounts,
                        team,
                        new CachedTrackedPageStore(
                                new DynamoTrackedPageStore(dynamo, config.accountPagesTable()), cache),
                        new DynamoPageTracking(dynamo, config.trackedPagesTable(), clock),
                        new OpenSearchPageCatalog(OpenSearchClients.create(config.openSearch()), config.pagesAlias()),
                        new Cursors(new DynamoCursorKey(dynamo, config.idempotencyTable())),
                        clock),
                new DashboardService(
                        new CachedReportStore(new DynamoReportStore(dynamo, config.reportsTable()), cache), team),
                clock);
    }

    public static AccountsWiring fromEnvironment() {
        return from(PulseConfig.fromEnv(Env.system()));
    }

    public static AccountsWiring from(PulseConfig config) {
        return new AccountsWiring(config, AccountsConfig.from(config));
    }

    AccountsRoutes routes() {
        return routes;
    }

    /** The accounts service over the same stores and cache, for operators' tools (a plan change). */
    public AccountService accounts() {
        return accountService;
    }

    /** The production handler over this wiring (for tools and tests; Lambda uses the no-arg constructor). */
    public AccountsHandler handler() {
        return new AccountsHandler(routes);
    }
}
