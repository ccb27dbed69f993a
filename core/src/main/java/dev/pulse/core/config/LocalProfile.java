package dev.pulse.core.config;

import dev.pulse.core.topology.Variables;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment a function sees on the local platform. Ports come from the same variables, with the same defaults,
 * as {@code local/scripts/common.sh}, so the runtime and the tests reach the servers {@code ./pulse services up}
 * started.
 */
public final class LocalProfile {
    public static final int OPENSEARCH_PORT = 19200;
    public static final int REDIS_PORT = 16379;
    public static final int KINESIS_PORT = 14567;
    public static final int DYNAMODB_PORT = 14568;
    public static final int SQS_PORT = 19324;
    public static final int API_PORT = 3000;

    private LocalProfile() {}

    /** The endpoint variables for the local servers, reading port overrides from {@code ports}. */
    public static Map<String, String> environment(Map<String, String> ports) {
        Env env = Env.of(ports);
        Map<String, String> out = new HashMap<>();
        out.put(Variables.Platform.PROFILE, Variables.Platform.PROFILE_LOCAL);
        out.put(Variables.Lambda.REGION, env.optional(Variables.Lambda.REGION, "us-east-1"));
        out.put(Variables.Platform.KINESIS_ENDPOINT, loopback(env.integer("PULSE_KINESIS_PORT", KINESIS_PORT)));
        out.put(Variables.Platform.DYNAMODB_ENDPOINT, loopback(env.integer("PULSE_DYNAMODB_PORT", DYNAMODB_PORT)));
        out.put(Variables.Platform.SQS_ENDPOINT, loopback(env.integer("PULSE_SQS_PORT", SQS_PORT)));
        out.put(Variables.OpenSearch.ENDPOINT, loopback(env.integer("PULSE_OPENSEARCH_PORT", OPENSEARCH_PORT)));
        out.put(Variables.Redis.URL, "redis://127.0.0.1:" + env.integer("PULSE_REDIS_PORT", REDIS_PORT));
        return out;
    }

    private static String loopback(int port) {
        return "http://127.0.0.1:" + port;
    }
}
