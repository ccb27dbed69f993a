package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.AccountId;

/** Remembers which account a caller's {@code POST /accounts} with one Idempotency-Key created. */
public interface IdempotencyStore {
    /** Records {@code candidate} for {@code key} unless one is recorded; returns the recorded one either way. */
    AccountId claim(String key, AccountId candidate);
}
