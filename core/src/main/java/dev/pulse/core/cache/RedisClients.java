package dev.pulse.core.cache;

import dev.pulse.core.config.ConfigException;
import dev.pulse.core.config.RedisSettings;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Builds the Lettuce client with short timeouts, so that a Redis outage costs a request milliseconds rather than
 * seconds, and with commands rejected (not queued) while disconnected.
 */
public final class RedisClients {
    private RedisClients() {}

    /** A client for a Redis without AUTH (the local platform); fails fast if the settings name an AUTH secret. */
    public static RedisClient create(RedisSettings settings) {
        return create(settings, arn -> {
            throw new ConfigException(RedisSettings.AUTH_SECRET_ARN, "is set, but this client has no secret reader");
        });
    }

    /** A client that authenticates with the token {@code secrets} returns for the settings' secret ARN. */
    public static RedisClient create(RedisSettings settings, UnaryOperator<String> secrets) {
        RedisURI uri = RedisURI.create(settings.uri());
        uri.setTimeout(settings.commandTimeout());
        settings.authSecretArn().ifPresent(arn -> {
            String token = secrets.apply(arn);
            uri.setCredentialsProvider(RedisCredentialsProvider.from(() -> RedisCredentials.just(null, token)));
        });
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
