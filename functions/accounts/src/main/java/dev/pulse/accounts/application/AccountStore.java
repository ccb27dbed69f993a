package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.Account;
import dev.pulse.accounts.domain.AccountId;
import java.util.Optional;

/** The accounts table. Every write is conditional, so a replay or a lost race never overwrites a newer version. */
public interface AccountStore {
    /** Writes version 1 if the account does not exist yet; a replay of the same create is a no-op. */
    void create(Account account);

    Optional<Account> find(AccountId id);

    /** Writes {@code next} only if the stored version is {@code next.version() - 1}; false when it was not. */
    boolean replace(Account next);
}
