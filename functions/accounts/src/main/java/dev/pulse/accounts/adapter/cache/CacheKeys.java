package dev.pulse.accounts.adapter.cache;

import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.UserId;
import java.time.Duration;

/** The cache's keys: every read of one account under one key (so one eviction covers a write), a user's apart. */
final class CacheKeys {
    /** Bounds how long a read can stay stale when a write's eviction was lost (the cache unreachable right then). */
    static final Duration TTL = Duration.ofMinutes(5);

    private CacheKeys() {}

    /** {@code v2}: the account's JSON carries its settings (an entry of before would not read). */
    static String account(AccountId id) {
        return "acct:v2:" + id.value();
    }

    static String user(UserId id) {
        return "user:" + id.value();
    }
}
