package dev.pulse.mentions.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.cache.RedisClients;
import dev.pulse.core.config.RedisSettings;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import dev.pulse.mentions.adapter.memory.InMemoryPageDirectory;
import dev.pulse.mentions.application.MentionCache;
import dev.pulse.mentions.application.MentionCacheContract;
import dev.pulse.mentions.domain.Matches;
import dev.pulse.mentions.domain.MentionQuery;
import dev.pulse.mentions.domain.PageSummary;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cache contract on the local Redis, plus what only Redis shows: the TTL it stores and its circuit breaker. */
class RedisMentionCacheIT extends MentionCacheContract {
    private static final PageSummary NIKE = new PageSummary("nike", "Nike", "nike", "Brand", 30_000_000, true);

    private final RedisClient live = RedisClients.create(LocalPlatform.config().redis());
    private final RedisClient dead = RedisClients.create(
            LocalPlatform.configWith(RedisSettings.URL, "redis://127.0.0.1:" + LocalPlatform.closedPort())
                    .redis());
    private final String namespace = Unique.name("it-mentions");
    private final List<RedisMentionCache> opened = new ArrayList<>();

    @Override
    protected MentionCache createCache() {
        return open(live);
    }

    @Override
    protected MentionCache createUnreachableCache() {
        return open(dead);
    }

    @Override
    protected void dispose() {
        opened.forEach(RedisMentionCache::close);
        live.shutdown();
        dead.shutdown();
    }

    private RedisMentionCache open(RedisClient client) {
        RedisMentionCache cache = new RedisMentionCache(client, Unique.name("it-mentions"), breaker());
        opened.add(cache);
        return cache;
    }

    @Test
    void givenEntry_whenWrittenWithTtl_thenReadBackAndExpires() {
        try (RedisMentionCache cache = new RedisMentionCache(live, namespace, breaker())) {
            String key = namespace + ":v1:8:ni";
            cache.put(key, List.of(NIKE), Duration.ofSeconds(30));

            org.awaitility.Awaitility.await().until(() -> cache.get(key).isPresent());
            assertThat(cache.get(key)).contains(List.of(NIKE));
            try (var connection = live.connect()) {
                assertThat(connection.sync().pttl(key)).isBetween(1L, 30_000L);
            }
            cache.rememberVersion("pages-v9");
            org.awaitility.Awaitility.await().until(() -> cache.recallVersion().isPresent());
            assertThat(cache.recallVersion()).contains("pages-v9");
        }
    }

    @Test
    void givenAFillClaim_whenClaimedAgain_thenRefusedUntilItExpires() {
        try (RedisMentionCache cache = new RedisMentionCache(live, namespace, breaker())) {
            String key = namespace + ":fill:v1:8:ni";

            assertThat(cache.claim(key, Duration.ofSeconds(30))).isTrue();
            assertThat(cache.claim(key, Duration.ofSeconds(30))).isFalse();
            try (var connection = live.connect()) {
                assertThat(connection.sync().pttl(key)).isBetween(1L, 30_000L);
            }
        }
        try (RedisMentionCache down = new RedisMentionCache(dead, namespace, breaker())) {
            assertThat(down.claim(namespace + ":fill:v1:8:ni", Duration.ofSeconds(30)))
                    .as("with Redis down every caller asks the index")
                    .isTrue();
        }
    }

    @Test
    void givenRedisDown_whenUsedRepeatedly_thenMissesAndBreakerOpens() {
        try (RedisMentionCache cache = new RedisMentionCache(dead, namespace, breaker())) {
            for (int i = 0; i < 10; i++) {
                assertThat(cache.get(namespace + ":v1:8:ni")).isEmpty();
                cache.put(namespace + ":v1:8:ni", List.of(NIKE), Duration.ofSeconds(30));
            }
            assertThat(cache.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        }
    }

    @Test
    void givenRedisDown_whenDirectoryAsked_thenAnswersFromIndex() {
        InMemoryPageDirectory index = new InMemoryPageDirectory();
        index.put(NIKE);
        try (RedisMentionCache cache = new RedisMentionCache(dead, namespace, breaker())) {
            CachedPageDirectory directory =
                    new CachedPageDirectory(index, cache, () -> Optional.of("v1"), namespace, Duration.ofSeconds(30));
            for (int i = 0; i < 20; i++) {
                Matches answer = directory.find(MentionQuery.of("ni", 8));
                assertThat(answer.source()).isEqualTo(Matches.Source.INDEX);
                assertThat(answer.pages()).containsExactly(NIKE);
            }
        }
    }

    private static CircuitBreaker breaker() {
        return ConsecutiveFailureBreaker.create(3, Duration.ofSeconds(30), Clock.systemUTC());
    }
}
