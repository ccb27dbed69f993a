package dev.pulse.accounts.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.accounts.application.AccountStore;
import dev.pulse.accounts.application.AccountStoreContract;
import dev.pulse.accounts.application.IdempotencyStore;
import dev.pulse.accounts.application.IdempotencyStoreContract;
import dev.pulse.accounts.application.PageTracking;
import dev.pulse.accounts.application.PageTrackingContract;
import dev.pulse.accounts.application.TeamStore;
import dev.pulse.accounts.application.TeamStoreContract;
import dev.pulse.accounts.application.TrackedPageStore;
import dev.pulse.accounts.application.TrackedPageStoreContract;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.PageId;
import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.TopologyTables;
import dev.pulse.core.topology.PulseTopology;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every DynamoDB adapter runs its port's contract against dynalite, in tables of this class (dynalite takes seconds
 * to create one; the contracts use fresh ids, so their tests do not meet in a shared table).
 */
class DynamoStoresIT {
    private static final DynamoDbClient dynamo = new AwsClients(LocalPlatform.config()).dynamoDb();
    private static final TopologyTables tables = new TopologyTables(dynamo);
    private static final Map<String, String> created = new ConcurrentHashMap<>();

    @AfterAll
    static void drop() {
        tables.close();
        dynamo.close();
    }

    private static String table(String name) {
        return created.computeIfAbsent(name, tables::create);
    }

    @Nested
    class Accounts extends AccountStoreContract {
        @Override
        protected AccountStore store() {
            return new DynamoAccountStore(dynamo, table(PulseTopology.ACCOUNTS_TABLE));
        }
    }

    @Nested
    class Team extends TeamStoreContract {
        @Override
        protected TeamStore store() {
            return new DynamoTeamStore(
                    dynamo, table(PulseTopology.MEMBERS_TABLE), table(PulseTopology.MEMBERSHIPS_TABLE));
        }
    }

    @Nested
    class Pages extends TrackedPageStoreContract {
        @Override
        protected TrackedPageStore store() {
            return new DynamoTrackedPageStore(dynamo, table(PulseTopology.ACCOUNT_PAGES_TABLE));
        }
    }

    @Nested
    class Tracking extends PageTrackingContract {
        private String table;

        @Override
        protected PageTracking tracking() {
            table = table(PulseTopology.TRACKED_PAGES_TABLE);
            return new DynamoPageTracking(dynamo, table, Clock.systemUTC());
        }

        @Override
        protected Set<AccountId> accountsOf(PageId page) {
            Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table)
                            .key(Map.of("pageId", AttributeValue.fromS(page.value())))
                            .consistentRead(true))
                    .item();
            if (item == null || !item.containsKey(DynamoPageTracking.ACCOUNTS)) {
                return Set.of();
            }
            // An emptied set must be gone as an attribute, not left as an empty set ingest would misread.
            assertThat(item.get(DynamoPageTracking.ACCOUNTS).ss()).isNotEmpty();
            return item.get(DynamoPageTracking.ACCOUNTS).ss().stream()
                    .map(AccountId::new)
                    .collect(Collectors.toSet());
        }
    }

    @Nested
    class Idempotency extends IdempotencyStoreContract {
        @Override
        protected IdempotencyStore store() {
            return new DynamoIdempotencyStore(dynamo, table(PulseTopology.IDEMPOTENCY_TABLE), Clock.systemUTC());
        }
    }
}
