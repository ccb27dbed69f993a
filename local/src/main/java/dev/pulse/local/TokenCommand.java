package dev.pulse.local;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.local.auth.DevKeys;
import dev.pulse.local.auth.DevTokens;
import dev.pulse.local.auth.TokenRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./pulse token --sub ID [--account ACCOUNT] [--scopes "a b"] [--ttl 1h] [--aud X] [--client-id X] [--nbf T]}:
 * prints a dev JWT signed by the set-up key, its {@code kid} in the header. Without {@code --aud} or
 * {@code --client-id} the token carries the local audience as {@code aud}.
 */
public final class TokenCommand {
    private static final String USAGE =
            "usage: ./pulse token --sub ID [--account ACCOUNT] [--scopes \"a b\"] [--ttl 1h]"
                    + " [--aud X] [--client-id X] [--nbf 5m|2026-01-01T00:00:00Z]";
    private static final List<String> FLAGS =
            List.of("--sub", "--account", "--scopes", "--scope", "--ttl", "--aud", "--client-id", "--nbf");

    /** Without {@code --scopes}, a token may call every route: the scopes the topology's routes ask for. */
    static final String DEFAULT_SCOPES = PulseTopology.ACCOUNTS_READ_SCOPE + " " + PulseTopology.ACCOUNTS_WRITE_SCOPE;

    private TokenCommand() {}

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>(Map.of("--ttl", "1h", "--scopes", DEFAULT_SCOPES));
        for (int i = 0; i < args.length; i++) {
            if (!FLAGS.contains(args[i]) || i + 1 >= args.length) {
                usage("unexpected argument " + args[i]);
            }
            // --scope is the flag's first spelling; both set the same thing.
            options.put(args[i].equals("--scope") ? "--scopes" : args[i], args[++i]);
        }
        if (!options.containsKey("--sub")) {
            usage("--sub is required");
        }
        LocalSettings settings = LocalSettings.fromSystem();
        try {
            Instant now = Instant.now();
            DevTokens tokens = new DevTokens(
                    DevKeys.privateKey(settings.jwtPrivateKey()), settings.jwtIssuer(), settings.jwtAudience());
            System.out.println(tokens.issue(request(tokens, options, now), now));
        } catch (RuntimeException e) {
            System.err.println("pulse: error: " + e.getMessage());
            System.exit(1);
        }
    }

    static TokenRequest request(DevTokens tokens, Map<String, String> options, Instant now) {
        TokenRequest request = tokens.request(options.get("--sub"))
                .withAccount(options.get("--account"))
                .withScopes(TokenRequest.splitScopes(options.get("--scopes")))
                .withTtl(DevTokens.parseTtl(options.get("--ttl")));
        if (options.containsKey("--aud") || options.containsKey("--client-id")) {
            request = request.withAudience(Optional.ofNullable(options.get("--aud")))
                    .withClientId(Optional.ofNullable(options.get("--client-id")));
        }
        if (options.containsKey("--nbf")) {
            request = request.withNotBefore(notBefore(options.get("--nbf"), now));
        }
        return request;
    }

    /** An instant ({@code 2026-01-01T00:00:00Z}) or an offset from now in the ttl's syntax ({@code 5m}, {@code -1h}). */
    static Instant notBefore(String text, Instant now) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return now.plus(DevTokens.parseTtl(text));
        }
    }

    private static void usage(String problem) {
        System.err.println("pulse: error: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
