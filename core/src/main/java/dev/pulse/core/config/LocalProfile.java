package dev.pulse.core.config;

import dev.pulse.core.topology.LocalPort;
import dev.pulse.core.topology.Variables;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment a function sees on the local platform. Ports come from the same variables, with the same defaults
 * ({@link LocalPort}), as {@code ./pulse}, so the runtime and the tests reach the servers {@code ./pulse services up}
 * started.
 */
public final class LocalProfile {
    public static final int OPENSEARCH_PORT = LocalPort.OPENSEARCH.defaultPort();
    public static final int REDIS_PORT = LocalPort.REDIS.defaultPort();
    public static final int KINESIS_PORT = LocalPort.KINESIS.defaultPort();
    public static final int DYNAMODB_PORT = LocalPort.DYNAMODB.defaultPort();
    public static final int SQS_PORT = LocalPort.SQS.defaultPort();
    public static final int API_PORT = LocalPort.API.defaultPort();
    public static final int LEGACY_PORT = LocalPort.LEGACY.defaultPort();

    private LocalProfile() {}

    /** The endpoint variables for the local servers, reading port overrides from {@code ports}. */
    public static Map<String, String> environment(Map<String, String> ports) {
        Env env = Env.of(ports);
        Map<String, String> out = new HashMap<>();
        out.put(Variables.Platform.PROFILE, Variables.Platform.PROFILE_LOCAL);
        out.put(Variables.Lambda.REGION, env.optional(Variables.Lambda.REGION, "us-east-1"));
        out.put(Variables.Platform.KINESIS_ENDPOINT, loopback(port(env, LocalPort.KINESIS)));
        out.put(Variables.Platform.DYNAMODB_ENDPOINT, loopback(port(env, LocalPort.DYNAMODB)));
        out.put(Variables.Platform.SQS_ENDPOINT, loopback(port(env, LocalPort.SQS)));
        out.put(Variables.OpenSearch.ENDPOINT, loopback(port(env, LocalPort.OPENSEARCH)));
        out.put(Variables.Redis.URL, "redis://127.0.0.1:" + port(env, LocalPort.REDIS));
        // The legacy proxy's two backends: the v1 stand-in, and Pulse's own HTTP API on this machine.
        out.put(Variables.Legacy.BASE_URL, loopback(port(env, LocalPort.LEGACY)));
        out.put(Variables.Legacy.NEW_BASE_URL, loopback(port(env, LocalPort.API)));
        return out;
    }

    private static int port(Env env, LocalPort port) {
        return env.integer(port.variable(), port.defaultPort());
    }

    private static String loopback(int port) {
        return "http://127.0.0.1:" + port;
    }
}
