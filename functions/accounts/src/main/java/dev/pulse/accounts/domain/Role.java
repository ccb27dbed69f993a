package dev.pulse.accounts.domain;

import java.util.Locale;

/** A member's role: owners change the team, editors change the account and its pages, viewers only read. */
public enum Role {
    OWNER,
    EDITOR,
    VIEWER;

    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.wire().equals(text)) {
                return role;
            }
        }
        throw new InvalidInputException("role", "must be owner, editor or viewer");
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canWrite() {
        return this != VIEWER;
    }
}
