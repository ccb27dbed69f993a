package dev.pulse.core.config;

import dev.pulse.core.topology.Variables;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.regions.Region;

/** How to reach OpenSearch: plain HTTP on loopback, or HTTPS with SigV4 signing in AWS. */
public record OpenSearchSettings(URI endpoint, boolean sigV4, Region region, Duration timeout, int maxConnections) {

    public static final String ENDPOINT = Variables.OpenSearch.ENDPOINT;
    public static final String SIGV4 = Variables.OpenSearch.SIGV4;
    public static final String TIMEOUT_MS = Variables.OpenSearch.TIMEOUT_MS;
    public static final String MAX_CONNECTIONS = Variables.OpenSearch.MAX_CONNECTIONS;

    public OpenSearchSettings {
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new ConfigException(ENDPOINT, "must be an http or https URL, was '" + endpoint + "'");
        }
        if (sigV4 && !"https".equals(endpoint.getScheme())) {
            throw new ConfigException(ENDPOINT, "must be https when requests are SigV4-signed");
        }
    }

    static OpenSearchSettings from(Env env, Profile profile, Region region) {
        return new OpenSearchSettings(
                env.requiredUri(ENDPOINT),
                env.flag(SIGV4, profile == Profile.AWS),
                region,
                env.millis(TIMEOUT_MS, 10_000),
                env.integer(MAX_CONNECTIONS, 32));
    }
}
