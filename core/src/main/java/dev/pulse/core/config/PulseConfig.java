package dev.pulse.core.config;

import dev.pulse.core.topology.Variables;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * The settings every function shares, read once from the environment by a composition root.
 *
 * <p>Endpoint overrides are present only on the local platform; in AWS the SDK's defaults apply.
 */
public record PulseConfig(
        Profile profile,
        Region region,
        Optional<URI> kinesisEndpoint,
        Optional<URI> dynamoDbEndpoint,
        Optional<URI> sqsEndpoint,
        Env env) {

    // The variables' names are the topology's (Variables); these aliases sit beside the settings they configure.
    public static final String PROFILE = Variables.Platform.PROFILE;
    public static final String REGION = Variables.Lambda.REGION;
    public static final String KINESIS_ENDPOINT = Variables.Platform.KINESIS_ENDPOINT;
    public static final String DYNAMODB_ENDPOINT = Variables.Platform.DYNAMODB_ENDPOINT;
    public static final String SQS_ENDPOINT = Variables.Platform.SQS_ENDPOINT;

    public static PulseConfig fromEnv(Map<String, String> variables) {
        return fromEnv(Env.of(variables));
    }

    /** From an {@link Env}, typically {@link Env#system()} in a composition root (honours the local runtime's scope). */
    public static PulseConfig fromEnv(Env env) {
        return new PulseConfig(
                Profile.from(env),
                Region.of(env.required(REGION)),
                env.optionalUri(KINESIS_ENDPOINT),
                env.optionalUri(DYNAMODB_ENDPOINT),
                env.optionalUri(SQS_ENDPOINT),
                env);
    }

    public boolean local() {
        return profile == Profile.LOCAL;
    }

    /** OpenSearch settings, read on demand so that functions without a search dependency need none of them. */
    public OpenSearchSettings openSearch() {
        return OpenSearchSettings.from(env, profile, region);
    }

    /** Redis settings, read on demand for the same reason. */
    public RedisSettings redis() {
        return RedisSettings.from(env);
    }

    /** A function-specific variable that must be present. */
    public String required(String name) {
        return env.required(name);
    }
}
