package dev.pulse.accounts.domain;

import java.util.UUID;

/** An account's id: a random UUID, minted when the account is created. */
public record AccountId(String value) {
    public AccountId {
        if (value == null || !value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new InvalidInputException("accountId", "must be a lowercase UUID");
        }
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID().toString());
    }
}
