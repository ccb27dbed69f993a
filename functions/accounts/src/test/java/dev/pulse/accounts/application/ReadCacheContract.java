package dev.pulse.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What every {@link ReadCache} must do. */
public abstract class ReadCacheContract {
    private static final Duration TTL = Duration.ofMinutes(1);

    protected abstract ReadCache cache();

    @Test
    void givenFieldsRead_thenEachIsServedFromTheCache_andOneEvictionDropsThemAll() {
        ReadCache cache = cache();
        String key = "acct:" + UUID.randomUUID();
        AtomicInteger loads = new AtomicInteger();

        assertThat(cache.read(key, "me", TTL, counted(loads, "{\"v\":1}"))).contains("{\"v\":1}");
        assertThat(cache.read(key, "members", TTL, counted(loads, "[]"))).contains("[]");
        assertThat(cache.read(key, "me", TTL, counted(loads, "{\"v\":2}"))).contains("{\"v\":1}");
        assertThat(cache.read(key, "members", TTL, counted(loads, "[1]"))).contains("[]");
        assertThat(loads).hasValue(2);

        cache.evict(key);
        assertThat(cache.read(key, "me", TTL, counted(loads, "{\"v\":2}"))).contains("{\"v\":2}");
        assertThat(cache.read(key, "members", TTL, counted(loads, "[1]"))).contains("[1]");
        assertThat(loads).hasValue(4);
    }

    @Test
    void givenAnEmptyAnswer_thenNothingIsCached() {
        ReadCache cache = cache();
        String key = "user:" + UUID.randomUUID();

        assertThat(cache.read(key, "membership", TTL, Optional::empty)).isEmpty();
        assertThat(cache.read(key, "membership", TTL, () -> Optional.of("m"))).contains("m");
    }

    @Test
    void givenAWriteEvictsWhileAReadLoads_thenTheOlderVersionIsNotCached() {
        ReadCache cache = cache();
        String key = "acct:" + UUID.randomUUID();

        // The read loads version 1; before it fills, a write commits version 2 and evicts.
        Optional<String> raced = cache.read(key, "me", TTL, () -> {
            cache.evict(key);
            return Optional.of("{\"v\":1}");
        });

        assertThat(raced).contains("{\"v\":1}");
        assertThat(cache.read(key, "me", TTL, () -> Optional.of("{\"v\":2}"))).contains("{\"v\":2}");
        assertThat(cache.read(key, "me", TTL, () -> Optional.of("{\"v\":3}"))).contains("{\"v\":2}");
    }

    private static Supplier<Optional<String>> counted(AtomicInteger loads, String value) {
        return () -> {
            loads.incrementAndGet();
            return Optional.of(value);
        };
    }
}
