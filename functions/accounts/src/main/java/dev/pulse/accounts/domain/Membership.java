package dev.pulse.accounts.domain;

import java.util.Objects;

/** Which account a user belongs to, and as what: how a token's {@code sub} becomes a tenant. */
public record Membership(UserId userId, AccountId accountId, Role role) {
    public Membership {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
    }
}
