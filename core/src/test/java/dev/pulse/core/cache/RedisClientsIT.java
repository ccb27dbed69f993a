package dev.pulse.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.config.RedisSettings;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.Unique;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.SetArgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisClientsIT {
    private final RedisClient client =
            RedisClients.create(LocalPlatform.config().redis());

    @AfterEach
    void close() {
        client.shutdown();
    }

    @Test
    void givenValueWithTtl_whenWritten_thenReadBackWithTtl() {
        String key = Unique.name("it:core");
        try (var connection = client.connect()) {
            connection.sync().set(key, "hello", SetArgs.Builder.ex(60));

            assertThat(connection.sync().get(key)).isEqualTo("hello");
            assertThat(connection.sync().ttl(key)).isBetween(1L, 60L);
            connection.sync().del(key);
            assertThat(connection.sync().get(key)).isNull();
        }
    }

    @Test
    void givenNothingListening_whenConnecting_thenFailsFast() {
        RedisSettings dead = LocalPlatform.configWith(
                        RedisSettings.URL, "redis://127.0.0.1:" + LocalPlatform.closedPort())
                .redis();
        RedisClient unreachable = RedisClients.create(dead);
        try {
            long start = System.nanoTime();
            assertThatThrownBy(unreachable::connect).isInstanceOf(RedisConnectionException.class);
            // Not a timing assertion on speed, only that it fails rather than hanging past the connect timeout.
            assertThat(System.nanoTime() - start)
                    .isLessThan(java.time.Duration.ofSeconds(10).toNanos());
        } finally {
            unreachable.shutdown();
        }
    }
}
