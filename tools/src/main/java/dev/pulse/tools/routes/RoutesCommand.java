package dev.pulse.tools.routes;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.legacy.adapter.dynamodb.DynamoDiffSamples;
import dev.pulse.legacy.adapter.dynamodb.DynamoRouteModes;
import dev.pulse.legacy.application.DiffSamples;
import dev.pulse.legacy.application.RouteModes;
import dev.pulse.legacy.domain.LegacyRoute;
import dev.pulse.legacy.domain.LegacyRoutes;
import dev.pulse.legacy.domain.Mode;
import dev.pulse.tools.firehose.CliEnvironment;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code ./pulse routes list | set ROUTE MODE [--reason TEXT] | diffs ROUTE | history ROUTE}: the legacy proxy's
 * modes, changed without a deploy (the proxy sees a change within 5 s). Every change is a conditional write on the
 * mode just read, audited with who (the operator, {@code $PULSE_OPERATOR} or the OS user), when, from and to.
 */
public final class RoutesCommand {
    static final String USAGE = "usage: routes list | routes set ROUTE legacy|shadow|canary:N|new [--reason TEXT]"
            + " | routes diffs ROUTE | routes history ROUTE";

    private final RouteModes modes;
    private final DiffSamples diffs;
    private final PrintStream out;
    private final Clock clock;

    public RoutesCommand(RouteModes modes, DiffSamples diffs, PrintStream out, Clock clock) {
        this.modes = modes;
        this.diffs = diffs;
        this.out = out;
        this.clock = clock;
    }

    public static void main(String[] args) {
        Map<String, String> env = CliEnvironment.resolve(System.getenv());
        String routes = table(env, PulseTopology.ROUTES_TABLE);
        String changes = table(env, PulseTopology.ROUTE_CHANGES_TABLE);
        String samples = table(env, PulseTopology.ROUTE_DIFFS_TABLE);
        String who = env.getOrDefault("PULSE_OPERATOR", System.getProperty("user.name", "operator"));
        try (var dynamo = new AwsClients(PulseConfig.fromEnv(env)).dynamoDb()) {
            int code = new RoutesCommand(
                            new DynamoRouteModes(dynamo, routes, changes),
                            new DynamoDiffSamples(dynamo, samples),
                            System.out,
                            Clock.systemUTC())
                    .run(List.of(args), who);
            System.exit(code);
        } catch (SdkException e) {
            System.err.println("routes: error: " + e.getMessage()
                    + " (./pulse services up starts DynamoDB, ./pulse bootstrap creates the tables)");
            System.exit(1);
        }
    }

    private static String table(Map<String, String> env, String logical) {
        return env.getOrDefault(
                Access.readsAndWrites(Access.Kind.TABLE, logical).environmentVariable(), logical);
    }

    /** Runs one command; 0 done, 2 bad arguments, 3 a concurrent change won. */
    public int run(List<String> args, String who) {
        if (args.isEmpty()) {
            return usage("list, set, diffs or history?");
        }
        switch (args.getFirst()) {
            case "list" -> {
                list();
                return 0;
            }
            case "set" -> {
                return set(args, who);
            }
            case "diffs" -> {
                return args.size() == 2 ? route(args.get(1)).map(this::diffs).orElse(2) : usage("diffs ROUTE");
            }
            case "history" -> {
                return args.size() == 2 ? route(args.get(1)).map(this::history).orElse(2) : usage("history ROUTE");
            }
            default -> {
                return usage("unknown command '" + args.getFirst() + "'");
            }
        }
    }

    private void list() {
        Map<String, Mode> stored = modes.all();
        out.printf("%-16s %-10s %-28s %s%n", "route", "mode", "v1 path", "last change");
        for (LegacyRoute route : LegacyRoutes.ALL) {
            String last = modes.changes(route.name(), 1).stream()
                    .findFirst()
                    .map(c -> c.at() + " by " + c.who() + " (" + c.from() + " -> " + c.to() + ")")
                    .orElse("never (legacy by default)");
            out.printf(
                    "%-16s %-10s %-28s %s%n",
                    route.name(),
                    stored.getOrDefault(route.name(), Mode.LEGACY),
                    route.method() + " " + route.path(),
                    last);
        }
    }

    private int set(List<String> args, String who) {
        if (args.size() != 3 && !(args.size() == 5 && args.get(3).equals("--reason"))) {
            return usage("set ROUTE MODE [--reason TEXT]");
        }
        Optional<LegacyRoute> route = route(args.get(1));
        if (route.isEmpty()) {
            return 2;
        }
        Mode to;
        try {
            to = Mode.parse(args.get(2));
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        String reason = args.size() == 5 ? args.get(4) : "set by " + who;
        Mode from = modes.mode(route.get().name());
        if (!modes.change(route.get().name(), from, to, who, reason, clock.instant())) {
            System.err.println(
                    "routes: error: " + route.get().name() + " changed meanwhile; run routes list, then set again");
            return 3;
        }
        out.printf(
                "%s: %s -> %s (by %s; the proxy sees it within 5 s)%n",
                route.get().name(), from, to, who);
        return 0;
    }

    private int diffs(LegacyRoute route) {
        List<DiffSamples.Sample> samples = diffs.recent(route.name());
        if (samples.isEmpty()) {
            out.println(route.name() + ": no differences sampled (set it to shadow to compare)");
            return 0;
        }
        out.printf(
                "%s: %d sampled differences (at most %d kept), newest first%n",
                route.name(), samples.size(), DiffSamples.SLOTS);
        for (DiffSamples.Sample s : samples) {
            out.printf(
                    "- %s %s%n  status legacy %d, new %d; differs at %s%n  legacy: %s%n  new:    %s%n",
                    s.at(), s.request(), s.legacyStatus(), s.newStatus(), s.paths(), s.legacyBody(), s.newBody());
        }
        return 0;
    }

    private int history(LegacyRoute route) {
        for (RouteModes.ModeChange c : modes.changes(route.name(), 50)) {
            out.printf("%s %-14s %s -> %s  %s%n", c.at(), c.who(), c.from(), c.to(), c.reason());
        }
        return 0;
    }

    private Optional<LegacyRoute> route(String name) {
        Optional<LegacyRoute> route = LegacyRoutes.named(name);
        if (route.isEmpty()) {
            usage("unknown route '" + name + "'; routes: "
                    + LegacyRoutes.ALL.stream().map(LegacyRoute::name).toList());
        }
        return route;
    }

    private static int usage(String problem) {
        System.err.println("routes: error: " + problem);
        System.err.println(USAGE);
        return 2;
    }
}
