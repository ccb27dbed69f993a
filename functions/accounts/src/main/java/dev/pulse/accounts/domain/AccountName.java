package dev.pulse.accounts.domain;

/** What the customer calls their account: 1-100 characters, no control characters. */
public record AccountName(String value) {
    public static final int MAX_LENGTH = 100;

    public AccountName {
        Text.require("name", value, MAX_LENGTH);
    }
}
