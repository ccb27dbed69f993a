package dev.pulse.local;

import dev.pulse.local.auth.DevKeys;
import dev.pulse.local.auth.DevTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@code ./pulse token --sub ID --account ACCOUNT [--ttl 1h] [--scope "pulse/read pulse/write"]}: prints a dev JWT. */
public final class TokenCommand {
    private TokenCommand() {}

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>(Map.of("--ttl", "1h", "--scope", "pulse/read pulse/write"));
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("unexpected argument " + args[i]);
            }
            options.put(args[i], args[++i]);
        }
        if (!options.containsKey("--sub") || !options.containsKey("--account")) {
            usage("--sub and --account are required");
        }
        LocalSettings settings = LocalSettings.fromSystem();
        try {
            Duration ttl = DevTokens.parseTtl(options.get("--ttl"));
            DevTokens tokens = new DevTokens(
                    DevKeys.privateKey(settings.jwtPrivateKey()), settings.jwtIssuer(), settings.jwtAudience());
            System.out.println(tokens.issue(
                    options.get("--sub"), options.get("--account"), options.get("--scope"), Instant.now(), ttl));
        } catch (RuntimeException e) {
            System.err.println("pulse: error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println("pulse: error: " + problem);
        System.err.println("usage: ./pulse token --sub ID --account ACCOUNT [--ttl 1h] [--scope \"a b\"]");
        System.exit(2);
    }
}
