package dev.pulse.accounts.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.accounts.application.ReadCache;
import dev.pulse.accounts.application.ReadCacheContract;
import dev.pulse.core.cache.RedisClients;
import dev.pulse.core.config.RedisSettings;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Redis adapter on the local Redis, and with nothing listening where Redis should be. */
class RedisReadCacheIT extends ReadCacheContract {
    private final RedisClient client =
            RedisClients.create(LocalPlatform.config().redis());

    @AfterEach
    void close() {
        client.shutdown();
    }

    @Override
    protected ReadCache cache() {
        return new RedisReadCache(client, Unique.name("it-accounts"), Clock.systemUTC());
    }

    @Test
    void givenRedisDown_thenEveryReadMisses_andNothingThrows() {
        RedisClient down = RedisClients.create(
                LocalPlatform.configWith(RedisSettings.URL, "redis://127.0.0.1:" + LocalPlatform.closedPort())
                        .redis());
        try {
            RedisReadCache cache = new RedisReadCache(down, "it-down", Clock.systemUTC());

            cache.evict("acct:x");

            assertThat(cache.read("acct:x", "me", Duration.ofMinutes(1), () -> Optional.of("{}")))
                    .contains("{}");
            assertThat(cache.read("acct:x", "me", Duration.ofMinutes(1), () -> Optional.of("{\"v\":2}")))
                    .contains("{\"v\":2}");
        } finally {
            down.shutdown();
        }
    }
}
