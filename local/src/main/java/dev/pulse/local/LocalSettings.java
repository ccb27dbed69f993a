package dev.pulse.local;

import dev.pulse.core.config.Env;
import dev.pulse.core.config.LocalProfile;
import dev.pulse.core.topology.Variables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The local runtime's own settings, read once from the environment: ports, where local state lives, the dev key pair,
 * the fake account and region that ARNs carry, and the knobs that keep local retries quick.
 */
public record LocalSettings(
        Map<String, String> platform,
        String region,
        String accountId,
        int apiPort,
        int sqsPort,
        Path home,
        Path webRoot,
        Path jwtPublicKey,
        Path jwtPrivateKey,
        String jwtIssuer,
        String jwtAudience,
        int maxInstancesPerFunction,
        boolean platformLogs,
        Duration idlePoll,
        Duration retryBackoff,
        Duration maxRetryBackoff) {

    public static final String ACCOUNT_ID = "000000000000";

    public LocalSettings {
        platform = Map.copyOf(platform);
    }

    public static LocalSettings fromEnvironment(Map<String, String> variables) {
        Env env = Env.of(variables);
        Path root = Path.of(env.optional("PULSE_ROOT", System.getProperty("pulse.root", ".")));
        Path home = Path.of(env.optional("PULSE_HOME", root.resolve(".pulse").toString()));
        Map<String, String> platform = new HashMap<>(variables);
        // The platform endpoints win over whatever the caller's shell had, so functions always reach the loopback
        // servers.
        platform.putAll(LocalProfile.environment(variables));
        return new LocalSettings(
                platform,
                platform.get(Variables.Lambda.REGION),
                ACCOUNT_ID,
                env.integer("PULSE_API_PORT", LocalProfile.API_PORT),
                env.integer("PULSE_SQS_PORT", LocalProfile.SQS_PORT),
                home,
                Path.of(env.optional("PULSE_WEB_ROOT", root.resolve("web/dist").toString())),
                Path.of(env.optional(
                        "PULSE_JWT_PUBLIC_KEY",
                        home.resolve("keys/dev-jwt-public.pem").toString())),
                Path.of(env.optional(
                        "PULSE_JWT_PRIVATE_KEY",
                        home.resolve("keys/dev-jwt-private.pem").toString())),
                env.optional("PULSE_JWT_ISSUER", "https://pulse.local/dev"),
                env.optional("PULSE_JWT_AUDIENCE", "pulse-web"),
                env.integer("PULSE_LOCAL_MAX_INSTANCES", 16),
                env.flag("PULSE_LOCAL_PLATFORM_LOGS", true),
                env.millis("PULSE_LOCAL_IDLE_POLL_MS", 250),
                env.millis("PULSE_LOCAL_RETRY_BACKOFF_MS", 200),
                env.millis("PULSE_LOCAL_MAX_RETRY_BACKOFF_MS", 5_000));
    }

    public static LocalSettings fromSystem() {
        return fromEnvironment(System.getenv());
    }

    /** Where {@code ./pulse run} writes the demo account's token, which the web app's dev sign-in hands out. */
    public Path demoToken() {
        return home.resolve("demo.token");
    }

    public Path checkpoints() {
        return home.resolve("checkpoints");
    }

    public String functionArn(String function) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + function;
    }

    /** A stream's ARN as Lambda shows it in events and failure metadata. */
    public String streamArn(String stream) {
        return "arn:aws:kinesis:" + region + ":" + accountId + ":stream/" + stream;
    }

    /** The role a function runs as, which Lambda names in the events of its event-source mappings. */
    public String executionRoleArn(String function) {
        return "arn:aws:iam::" + accountId + ":role/" + function + "-role";
    }

    public String sqsEndpoint() {
        return platform.get(Variables.Platform.SQS_ENDPOINT);
    }
}
