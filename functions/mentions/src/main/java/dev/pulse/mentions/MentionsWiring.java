package dev.pulse.mentions;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.cache.RedisClients;
import dev.pulse.core.config.Env;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.mentions.adapter.cache.CachedPageDirectory;
import dev.pulse.mentions.adapter.cache.ConsecutiveFailureBreaker;
import dev.pulse.mentions.adapter.cache.RedisMentionCache;
import dev.pulse.mentions.adapter.opensearch.AliasIndexVersion;
import dev.pulse.mentions.adapter.opensearch.OpenSearchPageDirectory;
import dev.pulse.mentions.application.MentionsService;
import dev.pulse.mentions.application.PageDirectory;
import java.time.Clock;
import org.opensearch.client.opensearch.OpenSearchClient;

/** The composition root: the only place that builds clients. Runs once per Lambda instance (or per test). */
public final class MentionsWiring {
    private final OpenSearchPageDirectory index;
    private final PageDirectory cached;

    private MentionsWiring(PulseConfig pulse, MentionsConfig config) {
        OpenSearchClient openSearch = OpenSearchClients.create(config.openSearch());
        Clock clock = Clock.systemUTC();
        this.index = new OpenSearchPageDirectory(openSearch, config.pagesAlias());
        RedisMentionCache cache = new RedisMentionCache(
                RedisClients.create(config.redis(), new AwsClients(pulse)::secretString),
                config.cacheNamespace(),
                ConsecutiveFailureBreaker.create(config.breakerThreshold(), config.breakerOpenFor(), clock));
        this.cached = new CachedPageDirectory(
                index,
                cache,
                new AliasIndexVersion(openSearch, config.pagesAlias(), config.versionTtl(), clock),
                config.cacheNamespace(),
                config.cacheTtl());
    }

    public static MentionsWiring fromEnvironment() {
        return from(PulseConfig.fromEnv(Env.system()));
    }

    public static MentionsWiring from(PulseConfig config) {
        return new MentionsWiring(config, MentionsConfig.from(config));
    }

    public MentionsService service() {
        return new MentionsService(cached);
    }

    /** The index path with the cache bypassed, for the benchmark. */
    public PageDirectory uncachedDirectory() {
        return index;
    }

    /** The production handler over this wiring (for the benchmark and tools; Lambda uses the no-arg constructor). */
    public MentionsHandler handler() {
        return new MentionsHandler(service());
    }

    /** A handler over any directory, so a benchmark measures every backend through the same HTTP mapping. */
    public static MentionsHandler handlerOver(PageDirectory directory) {
        return new MentionsHandler(new MentionsService(directory));
    }
}
