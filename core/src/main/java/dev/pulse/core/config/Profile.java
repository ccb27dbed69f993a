package dev.pulse.core.config;

import dev.pulse.core.topology.Variables;
import java.util.Locale;

/** Where Pulse runs: on the local platform (loopback servers, dummy credentials) or in an AWS account. */
public enum Profile {
    LOCAL,
    AWS;

    static Profile from(Env env) {
        String value = env.optional(Variables.Platform.PROFILE, Variables.Platform.PROFILE_AWS);
        return switch (value.toLowerCase(Locale.ROOT)) {
            case Variables.Platform.PROFILE_LOCAL -> LOCAL;
            case Variables.Platform.PROFILE_AWS -> AWS;
            default ->
                throw new ConfigException(
                        Variables.Platform.PROFILE,
                        "must be '" + Variables.Platform.PROFILE_LOCAL + "' or '" + Variables.Platform.PROFILE_AWS
                                + "', was '" + value + "'");
        };
    }
}
