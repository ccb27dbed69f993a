package dev.pulse.accounts;

import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.config.RedisSettings;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Variables;
import java.util.Locale;

/**
 * The accounts function's settings, read once from the environment by {@link AccountsWiring}: the physical names of
 * its grants, in the variables the topology derives for them.
 */
public record AccountsConfig(
        String accountsTable,
        String membersTable,
        String membershipsTable,
        String accountPagesTable,
        String reportsTable,
        String idempotencyTable,
        String trackedPagesTable,
        String pagesAlias,
        String cacheNamespace,
        boolean cacheEnabled,
        OpenSearchSettings openSearch,
        RedisSettings redis) {

    public static final String ACCOUNTS = table(PulseTopology.ACCOUNTS_TABLE);
    public static final String MEMBERS = table(PulseTopology.MEMBERS_TABLE);
    public static final String MEMBERSHIPS = table(PulseTopology.MEMBERSHIPS_TABLE);
    public static final String ACCOUNT_PAGES = table(PulseTopology.ACCOUNT_PAGES_TABLE);
    public static final String REPORTS =
            Access.reads(Access.Kind.TABLE, PulseTopology.REPORTS_TABLE).environmentVariable();
    public static final String IDEMPOTENCY = table(PulseTopology.IDEMPOTENCY_TABLE);
    public static final String TRACKED_PAGES = table(PulseTopology.TRACKED_PAGES_TABLE);
    public static final String PAGES_ALIAS =
            Access.reads(Access.Kind.SEARCH, PulseTopology.PAGES_ALIAS).environmentVariable();
    public static final String CACHE_NAME = Access.readsAndWrites(Access.Kind.CACHE, PulseTopology.ACCOUNTS_CACHE)
            .environmentVariable();

    public static final String CACHE_SWITCH = Variables.Accounts.CACHE;

    public static AccountsConfig from(PulseConfig config) {
        return new AccountsConfig(
                config.required(ACCOUNTS),
                config.required(MEMBERS),
                config.required(MEMBERSHIPS),
                config.required(ACCOUNT_PAGES),
                config.required(REPORTS),
                config.required(IDEMPOTENCY),
                config.required(TRACKED_PAGES),
                config.required(PAGES_ALIAS),
                config.required(CACHE_NAME),
                cacheEnabled(config.env().optional(CACHE_SWITCH, "on")),
                config.openSearch(),
                config.redis());
    }

    static boolean cacheEnabled(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(CACHE_SWITCH + " must be on or off, was " + value);
        };
    }

    private static String table(String name) {
        return Access.readsAndWrites(Access.Kind.TABLE, name).environmentVariable();
    }
}
