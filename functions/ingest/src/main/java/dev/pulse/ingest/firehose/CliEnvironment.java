package dev.pulse.ingest.firehose;

import dev.pulse.core.config.PulseConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment for the command-line tools: the process environment, over local-platform defaults unless
 * {@code PULSE_PROFILE=aws} says the tools run against a real account.
 */
public final class CliEnvironment {
    private CliEnvironment() {}

    public static Map<String, String> resolve(Map<String, String> process) {
        Map<String, String> env = new HashMap<>();
        if (!"aws".equalsIgnoreCase(process.getOrDefault(PulseConfig.PROFILE, "local"))) {
            env.put(PulseConfig.PROFILE, "local");
            env.put(PulseConfig.REGION, "us-east-1");
            env.put(PulseConfig.KINESIS_ENDPOINT, "http://127.0.0.1:" + port(process, "PULSE_KINESIS_PORT", 14567));
            env.put(PulseConfig.DYNAMODB_ENDPOINT, "http://127.0.0.1:" + port(process, "PULSE_DYNAMODB_PORT", 14568));
        }
        env.putAll(process);
        return env;
    }

    private static String port(Map<String, String> process, String variable, int fallback) {
        String value = process.get(variable);
        return value == null || value.isBlank() ? Integer.toString(fallback) : value.trim();
    }
}
