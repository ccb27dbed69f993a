package dev.pulse.mentions.adapter.cache;

import dev.pulse.core.cache.LazyRedisConnection;
import dev.pulse.core.json.Json;
import dev.pulse.mentions.application.MentionCache;
import dev.pulse.mentions.domain.PageSummary;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The hot-prefix cache in Redis (ElastiCache). Every call goes through a circuit breaker, so while Redis is down a
 * request pays nothing for the cache; writes are fire-and-forget so a miss never waits on them.
 */
public final class RedisMentionCache implements MentionCache, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RedisMentionCache.class.getName());
    private static final Duration VERSION_TTL = Duration.ofDays(1);

    private final String versionKey;
    private final CircuitBreaker breaker;
    private final LazyRedisConnection connection;

    public RedisMentionCache(RedisClient client, String namespace, CircuitBreaker breaker) {
        this.connection = new LazyRedisConnection(client);
        this.versionKey = namespace + ":index-version";
        this.breaker = breaker;
    }

    @Override
    public Optional<List<PageSummary>> get(String key) {
        return guarded(c -> {
            String json = c.sync().get(key);
            return json == null ? null : Arrays.asList(Json.read(json, PageSummary[].class));
        });
    }

    @Override
    public void put(String key, List<PageSummary> pages, Duration ttl) {
        String json = Json.write(pages);
        write(c -> c.async().set(key, json, SetArgs.Builder.px(ttl.toMillis())));
    }

    @Override
    public boolean claim(String key, Duration ttl) {
        return guarded(c ->
                        "OK".equals(c.sync().set(key, "1", SetArgs.Builder.nx().px(ttl.toMillis()))))
                .orElse(true);
    }

    @Override
    public void rememberVersion(String version) {
        write(c -> c.async().set(versionKey, version, SetArgs.Builder.px(VERSION_TTL.toMillis())));
    }

    @Override
    public Optional<String> recallVersion() {
        return guarded(c -> c.sync().get(versionKey));
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    private <T> Optional<T> guarded(Function<StatefulRedisConnection<String, String>, T> command) {
        if (!breaker.tryAcquirePermission()) {
            return Optional.empty();
        }
        long start = breaker.getCurrentTimestamp();
        try {
            T value = command.apply(connection.get());
            breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
            return Optional.ofNullable(value);
        } catch (RuntimeException e) {
            failed(start, e);
            LOG.log(System.Logger.Level.DEBUG, "mentions cache unavailable: {0}", e.toString());
            return Optional.empty();
        }
    }

    private void write(Function<StatefulRedisConnection<String, String>, io.lettuce.core.RedisFuture<?>> command) {
        if (!breaker.tryAcquirePermission()) {
            return;
        }
        long start = breaker.getCurrentTimestamp();
        try {
            command.apply(connection.get()).whenComplete((ok, failure) -> {
                if (failure == null) {
                    breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
                } else {
                    failed(start, failure);
                }
            });
        } catch (RuntimeException e) {
            failed(start, e);
        }
    }

    private void failed(long start, Throwable failure) {
        breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), failure);
    }

    @Override
    public void close() {
        connection.close();
    }
}
