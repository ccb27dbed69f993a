package dev.pulse.core.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** A loopback port of the local platform: the variable that overrides it and its default from local-ports.properties. */
public enum LocalPort {
    OPENSEARCH,
    OPENSEARCH_TRANSPORT,
    REDIS,
    KINESIS,
    DYNAMODB,
    SQS,
    API,
    /** The v1 legacy stand-in: the backend the legacy proxy forwards to until a route moves. */
    LEGACY;

    /** The one declaration of the ports; ./pulse reads the same file, so the scripts and Java cannot disagree. */
    static final String RESOURCE = "local-ports.properties";

    private final int defaultPort;

    LocalPort() {
        this.defaultPort = Declared.port(variable());
    }

    /** The environment variable that overrides this port, e.g. {@code PULSE_REDIS_PORT}. */
    public String variable() {
        return "PULSE_" + name() + "_PORT";
    }

    /** The port used when {@link #variable()} is unset. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The file's entries, loaded once; a nested class because an enum's constructor cannot read the enum's statics. */
    private static final class Declared {
        private static final Properties PORTS = load();

        static int port(String variable) {
            String value = PORTS.getProperty(variable);
            if (value == null) {
                throw new IllegalStateException(RESOURCE + " declares no " + variable);
            }
            try {
                int port = Integer.parseInt(value.strip());
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below, with the offending line
            }
            throw new IllegalStateException(RESOURCE + ": " + variable + "=" + value + " is not a TCP port (1-65535)");
        }

        private static Properties load() {
            try (InputStream in = LocalPort.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path");
                }
                Properties ports = new Properties();
                ports.load(in);
                return ports;
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + RESOURCE, e);
            }
        }
    }
}
