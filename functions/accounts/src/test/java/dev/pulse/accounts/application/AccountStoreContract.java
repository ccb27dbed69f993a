package dev.pulse.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.accounts.domain.Account;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.AccountName;
import dev.pulse.accounts.domain.AccountSettings;
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
    void givenChangedSettings_whenReplaced_thenTheyAreReadBack() {
        AccountStore store = store();
        Account v1 = Account.create(AccountId.random(), new AccountName("Acme"), T0);
        store.create(v1);
        Account v2 = v1.changed(v1.name(), new AccountSettings("America/New_York", "en-GB"), T0.plusSeconds(5));

        assertThat(store.replace(v2)).isTrue();
        assertThat(store.find(v1.accountId()).orElseThrow().settings())
                .isEqualTo(new AccountSettings("America/New_York", "en-GB"));
    }

    @Test
    void givenNoAccount_thenNoneIsFound_andNoneIsReplaced() {
        AccountStore store = store();
        Account ghost = Account.create(AccountId.random(), new AccountName("Ghost"), T0);

        assertThat(store.find(ghost.accountId())).isEmpty();
        assertThat(store.replace(ghost.renamed(new AccountName("Still"), T0))).isFalse();
    }

    @Test
    void givenALimit_thenSlotsAreReservedUpToIt_andAReleasedOneCanBeTakenAgain() {
        AccountStore store = store();
        Account account = Account.create(AccountId.random(), new AccountName("Acme"), T0);
        store.create(account);
        AccountId id = account.accountId();

        assertThat(store.reserveTrackedPage(id, 2, T0)).isTrue();
        assertThat(store.reserveTrackedPage(id, 2, T0)).isTrue();
        assertThat(store.reserveTrackedPage(id, 2, T0)).isFalse();
        store.releaseTrackedPage(id, T0);

        assertThat(store.reserveTrackedPage(id, 2, T0)).isTrue();
        assertThat(store.reserveTrackedPage(id, 2, T0)).isFalse();
    }

    @Test
    void givenReleasesBeyondZero_thenTheCountStaysAtZero() {
        AccountStore store = store();
        Account account = Account.create(AccountId.random(), new AccountName("Acme"), T0);
        store.create(account);

        store.releaseTrackedPage(account.accountId(), T0);
        store.releaseTrackedPage(account.accountId(), T0);

        assertThat(store.reserveTrackedPage(account.accountId(), 1, T0)).isTrue();
        assertThat(store.reserveTrackedPage(account.accountId(), 1, T0)).isFalse();
    }

    @Test
    void givenARename_thenTheCountersAreKept() {
        AccountStore store = store();
        Account v1 = Account.create(AccountId.random(), new AccountName("Acme"), T0);
        store.create(v1);
        assertThat(store.reserveTrackedPage(v1.accountId(), 1, T0)).isTrue();

        assertThat(store.replace(v1.renamed(new AccountName("Acme Two"), T0))).isTrue();

        assertThat(store.reserveTrackedPage(v1.accountId(), 1, T0)).isFalse();
        assertThat(store.releaseOwner(v1.accountId())).isFalse();
    }

    @Test
    void givenANewAccount_thenItsOneOwnerCannotBeReleased_untilAnotherIsAdded() {
        AccountStore store = store();
        Account account = Account.create(AccountId.random(), new AccountName("Acme"), T0);
        store.create(account);
        AccountId id = account.accountId();

        assertThat(store.releaseOwner(id)).isFalse();
        store.addOwner(id);
        assertThat(store.releaseOwner(id)).isTrue();
        assertThat(store.releaseOwner(id)).isFalse();
    }

    @Test
    void givenNoAccount_thenNoSlotIsReserved() {
        AccountStore store = store();

        assertThat(store.reserveTrackedPage(AccountId.random(), 10, T0)).isFalse();
    }
}
