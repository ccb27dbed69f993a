package dev.pulse.mentions;

import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.config.RedisSettings;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Variables;
import java.time.Duration;

/**
 * The mentions function's settings, read once from the environment by {@link MentionsWiring}. The alias and the cache
 * namespace are the physical names of its grants, in the variables the topology derives for them.
 */
public record MentionsConfig(
        String pagesAlias,
        String cacheNamespace,
        Duration cacheTtl,
        Duration versionTtl,
        int breakerThreshold,
        Duration breakerOpenFor,
        OpenSearchSettings openSearch,
        RedisSettings redis) {

    public static final String PAGES_ALIAS =
            Access.reads(Access.Kind.SEARCH, PulseTopology.PAGES_ALIAS).environmentVariable();
    public static final String CACHE_NAME = Access.readsAndWrites(Access.Kind.CACHE, PulseTopology.MENTIONS_CACHE)
            .environmentVariable();
    public static final String CACHE_TTL_S = Variables.Mentions.CACHE_TTL_S;
    public static final String VERSION_TTL_MS = Variables.Mentions.VERSION_TTL_MS;

    /**
     * Core's 10 s default is longer than the function's 5 s timeout: a hung OpenSearch would then end in Lambda's own
     * timeout (a bare gateway 5xx) instead of a JSON 503. At most three calls (alias, exact tiers, typo tier) fit.
     */
    static final Duration OPENSEARCH_TIMEOUT = Duration.ofMillis(1_500);

    public static MentionsConfig from(PulseConfig config) {
        var env = config.env();
        return new MentionsConfig(
                config.required(PAGES_ALIAS),
                config.required(CACHE_NAME),
                Duration.ofSeconds(env.integer(CACHE_TTL_S, 120)),
                env.millis(VERSION_TTL_MS, 5_000),
                5,
                Duration.ofSeconds(5),
                env.optional(OpenSearchSettings.TIMEOUT_MS).isPresent()
                        ? config.openSearch()
                        : withTimeout(config.openSearch(), OPENSEARCH_TIMEOUT),
                config.redis());
    }

    private static OpenSearchSettings withTimeout(OpenSearchSettings s, Duration timeout) {
        return new OpenSearchSettings(s.endpoint(), s.sigV4(), s.region(), timeout, s.maxConnections());
    }
}
