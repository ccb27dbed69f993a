package dev.pulse.core.cache;

import dev.pulse.core.config.RedisSettings;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;

/**
 * Builds the Lettuce client with short timeouts, so that a Redis outage costs a request milliseconds rather than
 * seconds, and with commands rejected (not queued) while disconnected.
 */
public final class RedisClients {
    private RedisClients() {}

    public static RedisClient create(RedisSettings settings) {
        RedisURI uri = RedisURI.create(settings.uri());
        uri.setTimeout(settings.commandTimeout());
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(Duration.ofMillis(500))
                        .keepAlive(true)
                        .build())
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true)
                .build());
        return client;
    }
}
