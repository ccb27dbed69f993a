package dev.pulse.accounts.adapter.redis;

import dev.pulse.accounts.application.ReadCache;
import dev.pulse.core.cache.LazyRedisConnection;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link ReadCache} on Redis hashes. Each key has a fence counter beside it: an eviction deletes the hash and bumps the
 * counter in one script, and a fill is a script that writes only if the counter still holds what it was before the
 * load. The two keys share a hash tag, so they live in one slot of a cluster.
 *
 * <p>After a failure it leaves Redis alone for a second, so an outage costs one failed command per second per instance
 * rather than one per request; reads then come from DynamoDB.
 */
public final class RedisReadCache implements ReadCache, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RedisReadCache.class.getName());
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);
    /** Far longer than any load: a fence that expired mid-load reads as changed, so the fill is only dropped. */
    static final Duration FENCE_TTL = Duration.ofDays(1);

    private static final String FILL = "if (redis.call('get', KEYS[2]) or '0') == ARGV[1] then "
            + "redis.call('hset', KEYS[1], ARGV[2], ARGV[3]); "
            + "redis.call('pexpire', KEYS[1], ARGV[4]); return 1 end; return 0";
    private static final String EVICT = "redis.call('del', KEYS[1]); redis.call('incr', KEYS[2]); "
            + "return redis.call('pexpire', KEYS[2], ARGV[1])";

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
    public Optional<String> read(String key, String field, Duration ttl, Supplier<Optional<String>> load) {
        Optional<String> cached = guarded(c -> c.sync().hget(hash(key), field));
        if (cached.isPresent()) {
            return cached;
        }
        Optional<String> fence =
                guarded(c -> Optional.ofNullable(c.sync().get(fence(key))).orElse("0"));
        Optional<String> loaded = load.get();
        if (fence.isPresent() && loaded.isPresent()) {
            guarded(c -> c.sync()
                    .<Long>eval(
                            FILL,
                            ScriptOutputType.INTEGER,
                            new String[] {hash(key), fence(key)},
                            fence.get(),
                            field,
                            loaded.get(),
                            Long.toString(ttl.toMillis())));
        }
        return loaded;
    }

    @Override
    public void evict(String key) {
        // Synchronous: the response that follows the write must not race a stale read back into the cache.
        guarded(c -> c.sync()
                .<Boolean>eval(
                        EVICT,
                        ScriptOutputType.BOOLEAN,
                        new String[] {hash(key), fence(key)},
                        Long.toString(FENCE_TTL.toMillis())));
    }

    private String hash(String key) {
        return namespace + ":{" + key + "}";
    }

    private String fence(String key) {
        return namespace + ":{" + key + "}:fence";
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
