package dev.pulse.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.accounts.domain.AccountId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyStore} must do. */
public abstract class IdempotencyStoreContract {
    protected abstract IdempotencyStore store();

    @Test
    void givenAKeyClaimedTwice_thenTheFirstCandidateWins_andOtherKeysAreApart() {
        IdempotencyStore store = store();
        String key = "user-1#" + UUID.randomUUID();
        AccountId first = AccountId.random();

        assertThat(store.claim(key, first)).isEqualTo(first);
        assertThat(store.claim(key, AccountId.random())).isEqualTo(first);
        AccountId other = AccountId.random();
        assertThat(store.claim(key + "x", other)).isEqualTo(other);
    }
}
