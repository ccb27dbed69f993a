package dev.pulse.accounts.domain;

import java.time.Instant;
import java.util.Objects;

/** An account as stored; {@code version} grows by one on every write and is the ETag. */
public record Account(
        AccountId accountId,
        AccountName name,
        AccountSettings settings,
        Plan plan,
        Instant createdAt,
        Instant updatedAt,
        long version) {
    public Account {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    public static Account create(AccountId id, AccountName name, Instant now) {
        return new Account(id, name, AccountSettings.DEFAULTS, Plan.FREE, now, now, 1);
    }

    /** The next version on another plan. */
    public Account onPlan(Plan newPlan, Instant now) {
        return new Account(accountId, name, settings, newPlan, createdAt, now, version + 1);
    }

    /** The next version with a new name. */
    public Account renamed(AccountName newName, Instant now) {
        return changed(newName, settings, now);
    }

    /** The next version with the customer's fields (name and settings) as given. */
    public Account changed(AccountName newName, AccountSettings newSettings, Instant now) {
        return new Account(accountId, newName, newSettings, plan, createdAt, now, version + 1);
    }
}
