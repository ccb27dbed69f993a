package dev.pulse.tools.firehose;

import dev.pulse.core.config.LocalProfile;
import dev.pulse.core.topology.Variables;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment for the command-line tools: the process environment, over the local platform's endpoints unless
 * {@code PULSE_PROFILE=aws} says the tools run against a real account.
 */
public final class CliEnvironment {
    private CliEnvironment() {}

    public static Map<String, String> resolve(Map<String, String> process) {
        Map<String, String> env = new HashMap<>();
        String profile = process.getOrDefault(Variables.Platform.PROFILE, Variables.Platform.PROFILE_LOCAL);
        if (!Variables.Platform.PROFILE_AWS.equalsIgnoreCase(profile)) {
            env.putAll(LocalProfile.environment(process));
        }
        env.putAll(process);
        return env;
    }
}
