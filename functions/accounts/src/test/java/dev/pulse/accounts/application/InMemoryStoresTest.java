package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.PageId;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/** The in-memory fakes obey the same contracts as the DynamoDB adapters, so unit tests over them mean something. */
class InMemoryStoresTest {
    @Nested
    class Accounts extends AccountStoreContract {
        @Override
        protected AccountStore store() {
            return new InMemoryStores.Accounts();
        }
    }

    @Nested
    class Team extends TeamStoreContract {
        @Override
        protected TeamStore store() {
            return new InMemoryStores.Team();
        }
    }

    @Nested
    class Pages extends TrackedPageStoreContract {
        @Override
        protected TrackedPageStore store() {
            return new InMemoryStores.Pages();
        }
    }

    @Nested
    class Tracking extends PageTrackingContract {
        private final InMemoryStores.Tracking tracking = new InMemoryStores.Tracking();

        @Override
        protected PageTracking tracking() {
            return tracking;
        }

        @Override
        protected Set<AccountId> accountsOf(PageId page) {
            return tracking.accountsOf(page);
        }
    }

    @Nested
    class Idempotency extends IdempotencyStoreContract {
        @Override
        protected IdempotencyStore store() {
            return new InMemoryStores.Idempotency();
        }
    }
}
