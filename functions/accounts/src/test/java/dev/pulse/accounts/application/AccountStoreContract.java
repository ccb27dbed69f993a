package dev.pulse.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.accounts.domain.Account;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.AccountName;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link AccountStore} must do; run by the in-memory and the DynamoDB adapter. */
public abstract class AccountStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    protected abstract AccountStore store();

    @Test
    void givenACreatedAccount_whenFound_thenItIsVersionOne() {
        AccountStore store = store();
        Account account = Account.create(AccountId.random(), new AccountName("Acme"), T0);

        store.create(account);

        assertThat(store.find(account.accountId())).contains(account);
    }

    @Test
    void givenACreateReplayed_thenTheFirstStays() {
        AccountStore store = store();
        AccountId id = AccountId.random();
        Account first = Account.create(id, new AccountName("First"), T0);
        store.create(first);

        store.create(Account.create(id, new AccountName("Second"), T0.plusSeconds(1)));

        assertThat(store.find(id)).contains(first);
    }

    @Test
    void givenTheCurrentVersion_whenReplaced_thenTheNextIsStored_andAStaleReplaceFails() {
        AccountStore store = store();
        Account v1 = Account.create(AccountId.random(), new AccountName("Acme"), T0);
        store.create(v1);
        Account v2 = v1.renamed(new AccountName("Acme Two"), T0.plusSeconds(5));

        assertThat(store.replace(v2)).isTrue();
        assertThat(store.replace(v1.renamed(new AccountName("Lost"), T0.plusSeconds(6))))
                .isFalse();
        assertThat(store.find(v1.accountId())).contains(v2);
    }

    @Test
    void givenNoAccount_thenNoneIsFound_andNoneIsReplaced() {
        AccountStore store = store();
        Account ghost = Account.create(AccountId.random(), new AccountName("Ghost"), T0);

        assertThat(store.find(ghost.accountId())).isEmpty();
        assertThat(store.replace(ghost.renamed(new AccountName("Still"), T0))).isFalse();
    }
}
