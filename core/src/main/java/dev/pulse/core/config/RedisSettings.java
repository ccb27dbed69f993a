package dev.pulse.core.config;

import java.net.URI;
import java.time.Duration;

/** How to reach Redis: {@code redis://} on loopback, {@code rediss://} with an auth token on ElastiCache. */
public record RedisSettings(URI uri, Duration commandTimeout) {

    public static final String URL = "PULSE_REDIS_URL";
    public static final String TIMEOUT_MS = "PULSE_REDIS_TIMEOUT_MS";

    public RedisSettings {
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new ConfigException(URL, "must be a redis:// or rediss:// URL, was '" + uri + "'");
        }
    }

    static RedisSettings from(Env env) {
        return new RedisSettings(env.requiredUri(URL), env.millis(TIMEOUT_MS, 200));
    }
}
