package dev.pulse.core.config;

/** A configuration variable is missing or malformed; the message names it so a cold start fails legibly. */
public final class ConfigException extends RuntimeException {
    private final String variable;

    public ConfigException(String variable, String problem) {
        super("configuration variable " + variable + " " + problem);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
