package dev.pulse.core.config;

import java.util.Locale;

/** Where Pulse runs: on the local platform (loopback servers, dummy credentials) or in an AWS account. */
public enum Profile {
    LOCAL,
    AWS;

    static Profile from(Env env) {
        String value = env.optional(PulseConfig.PROFILE, "aws");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "local" -> LOCAL;
            case "aws" -> AWS;
            default -> throw new ConfigException(PulseConfig.PROFILE, "must be 'local' or 'aws', was '" + value + "'");
        };
    }
}
