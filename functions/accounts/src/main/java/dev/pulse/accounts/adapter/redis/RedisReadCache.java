package dev.pulse.accounts.adapter.redis;

import dev.pulse.accounts.application.ReadCache;
import dev.pulse.core.cache.LazyRedisConnection;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link ReadCache} on Redis hashes. After a failure it leaves Redis alone for a second, so an outage costs one
 * failed command per second per instance rather than one per request; reads then come from DynamoDB.
 */
public final class RedisReadCache implements ReadCache, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RedisReadCache.class.getName());
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

    private final String namespace;
    private final Clock clock;
    private final LazyRedisConnection connection;
    private volatile Instant pausedUntil = Instant.MIN;

    public RedisReadCache(RedisClient client, String namespace, Clock clock) {
        this.connection = new LazyRedisConnection(client);
        this.namespace = namespace;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String key, String field) {
        return guarded(c -> c.sync().hget(namespaced(key), field));
    }

    @Override
    public void put(String key, String field, String value, Duration ttl) {
        guarded(c -> {
            c.sync().hset(namespaced(key), field, value);
            return c.sync().pexpire(namespaced(key), ttl.toMillis());
        });
    }

    @Override
    public void evict(String key) {
        // Synchronous: the response that follows the write must not race a stale read back into the cache.
        guarded(c -> c.sync().del(namespaced(key)));
    }

    private String namespaced(String key) {
        return namespace + ":" + key;
    }

    private <T> Optional<T> guarded(Function<StatefulRedisConnection<String, String>, T> command) {
        if (clock.instant().isBefore(pausedUntil)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(command.apply(connection.get()));
        } catch (RuntimeException e) {
            pausedUntil = clock.instant().plus(PAUSE_AFTER_FAILURE);
            LOG.log(System.Logger.Level.DEBUG, "accounts cache unavailable: {0}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
