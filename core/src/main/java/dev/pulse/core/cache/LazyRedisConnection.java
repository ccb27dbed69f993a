package dev.pulse.core.cache;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * A Redis connection opened on first use, not at cold start, so an instance that starts while Redis is down still
 * serves from its fallback; once open it is shared by every request of the instance.
 */
public final class LazyRedisConnection implements AutoCloseable {
    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;

    public LazyRedisConnection(RedisClient client) {
        this.client = client;
    }

    /** The connection, opening it now if this is the first use; throws what Lettuce throws while Redis is down. */
    public StatefulRedisConnection<String, String> get() {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            synchronized (this) {
                current = connection;
                if (current == null) {
                    current = client.connect();
                    connection = current;
                }
            }
        }
        return current;
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
    }
}
