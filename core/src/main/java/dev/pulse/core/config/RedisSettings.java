package dev.pulse.core.config;

import dev.pulse.core.topology.Variables;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach Redis: {@code redis://} on loopback; {@code rediss://} on ElastiCache, where the AUTH token is read at
 * cold start from the Secrets Manager secret named by {@code authSecretArn}, so it never sits in the function's
 * configuration.
 */
public record RedisSettings(URI uri, Duration commandTimeout, Optional<String> authSecretArn) {

    public static final String URL = Variables.Redis.URL;
    public static final String TIMEOUT_MS = Variables.Redis.TIMEOUT_MS;
    public static final String AUTH_SECRET_ARN = Variables.Redis.AUTH_SECRET_ARN;

    public RedisSettings {
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new ConfigException(URL, "must be a redis:// or rediss:// URL, was '" + uri + "'");
        }
        if (authSecretArn.isPresent() && !"rediss".equals(uri.getScheme())) {
            throw new ConfigException(URL, "must be rediss:// (TLS) when an AUTH token is used");
        }
    }

    static RedisSettings from(Env env) {
        return new RedisSettings(env.requiredUri(URL), env.millis(TIMEOUT_MS, 200), env.optional(AUTH_SECRET_ARN));
    }
}
