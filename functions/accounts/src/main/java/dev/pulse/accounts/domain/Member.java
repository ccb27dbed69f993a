package dev.pulse.accounts.domain;

import java.util.Objects;

/** A user's place in an account's team. */
public record Member(UserId userId, Role role) {
    public Member {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }
}
