package dev.pulse.tools.demo;

import dev.pulse.accounts.AccountsWiring;
import dev.pulse.accounts.application.Refusal;
import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.Plan;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.topology.LocalPort;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.tools.firehose.CliEnvironment;
import dev.pulse.tools.track.TrackCommand;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code ./pulse run}'s demo account: {@code DemoCommand --token-file F [--top N] [--name NAME] [--wait 10m]}. It
 * creates the account of the token's user through the HTTP API, moves it to the {@code agency} plan (the one operator
 * step, through the accounts service: no customer route changes plans), and tracks the simulator's {@code N} most popular pages (default 1,000),
 * asking again for those ingest has not indexed yet until {@code --wait} passes. Run again, it finds the same account.
 */
public final class DemoCommand {
    private static final Duration PAUSE = Duration.ofSeconds(5);

    private DemoCommand() {}

    public static void main(String[] args) {
        Map<String, String> env = CliEnvironment.resolve(System.getenv());
        Map<String, String> options = new HashMap<>(Map.of(
                "--top", "1000",
                "--name", "Demo Agency",
                "--wait", "10m",
                "--api",
                        "http://127.0.0.1:"
                                + env.getOrDefault(LocalPort.API.variable(), "" + LocalPort.API.defaultPort())));
        for (int i = 0; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) && !args[i].equals("--token-file") || i + 1 >= args.length) {
                usage("unexpected argument " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--token-file")) {
            usage("--token-file is required");
        }
        int top = Math.min(number(options.get("--top")), Plan.AGENCY.trackedPagesLimit());
        try {
            String token =
                    Files.readString(Path.of(options.get("--token-file"))).strip();
            DemoAccount demo = new DemoAccount(URI.create(options.get("--api")), token, System.out);
            DemoAccount.Account account = demo.createOrFind(options.get("--name"));
            if (account.trackedPagesLimit() < top) {
                // The accounts function's own grants, named as the local runtime names them (unless set).
                PulseTopology.define()
                        .requireFunction(PulseTopology.ACCOUNTS_FUNCTION)
                        .access()
                        .forEach(a -> env.putIfAbsent(a.environmentVariable(), a.resource()));
                AccountsWiring.from(PulseConfig.fromEnv(env))
                        .accounts()
                        .changePlan(new AccountId(account.accountId()), Plan.AGENCY);
                account = demo.find();
            }
            System.out.printf(
                    "demo: account %s \"%s\" on plan %s (up to %d tracked pages)%n",
                    account.accountId(), options.get("--name"), account.plan(), account.trackedPagesLimit());
            List<String> pages = TrackCommand.top(top);
            long deadline = System.nanoTime() + parseWait(options.get("--wait")).toNanos();
            demo.track(pages, PAUSE, deadline);
        } catch (IOException | SdkException | DemoAccount.DemoException | Refusal e) {
            System.err.println("demo: error: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
        }
    }

    private static Duration parseWait(String text) {
        String t = text.strip();
        try {
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                default -> throw new NumberFormatException(t);
            };
        } catch (RuntimeException e) {
            usage("--wait takes a number of seconds or minutes, such as 90s or 10m; was " + text);
            return Duration.ZERO;
        }
    }

    private static int number(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage("--top takes a positive number, was " + text);
        return 0;
    }

    private static void usage(String problem) {
        System.err.println("demo: " + problem);
        System.err.println("usage: DemoCommand --token-file FILE [--top N] [--name NAME] [--wait 10m] [--api URL]");
        System.exit(2);
    }
}
