package dev.pulse.core.testing;

import dev.pulse.core.config.LocalProfile;
import dev.pulse.core.config.PulseConfig;
import java.util.HashMap;
import java.util.Map;

/** The local platform's configuration for integration tests, honouring the same port overrides as the scripts. */
public final class LocalPlatform {
    private LocalPlatform() {}

    public static Map<String, String> environment() {
        return new HashMap<>(LocalProfile.environment(System.getenv()));
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

    /** A loopback port that nothing listens on, for connection-failure cases. */
    public static int closedPort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
