package dev.pulse.core.testing;

import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.config.RedisSettings;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment a function sees on the local platform, built from the same port variables as
 * {@code local/scripts/common.sh}, so integration tests reach the servers {@code ./pulse services up} started.
 */
public final class LocalPlatform {
    private LocalPlatform() {}

    public static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PULSE_PROFILE", "local");
        env.put("AWS_REGION", "us-east-1");
        env.put(PulseConfig.KINESIS_ENDPOINT, "http://127.0.0.1:" + port("PULSE_KINESIS_PORT", 14567));
        env.put(PulseConfig.DYNAMODB_ENDPOINT, "http://127.0.0.1:" + port("PULSE_DYNAMODB_PORT", 14568));
        env.put(PulseConfig.SQS_ENDPOINT, "http://127.0.0.1:" + port("PULSE_SQS_PORT", 19324));
        env.put(OpenSearchSettings.ENDPOINT, "http://127.0.0.1:" + port("PULSE_OPENSEARCH_PORT", 19200));
        env.put(RedisSettings.URL, "redis://127.0.0.1:" + port("PULSE_REDIS_PORT", 16379));
        return env;
    }

    public static PulseConfig config() {
        return PulseConfig.fromEnv(environment());
    }

    /** The same config with one variable replaced, for failure cases such as a port nothing listens on. */
    public static PulseConfig configWith(String variable, String value) {
        Map<String, String> env = environment();
        env.put(variable, value);
        return PulseConfig.fromEnv(env);
    }

    public static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    /** A loopback port that nothing listens on, for connection-failure cases. */
    public static int closedPort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
