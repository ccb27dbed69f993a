package dev.pulse.tools.track;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.ingest.IngestConfig;
import dev.pulse.tools.firehose.CliEnvironment;
import dev.pulse.tools.firehose.Simulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code ./pulse track}: an admin tool that tracks pages as the reserved {@value AdminTracking#ADMIN} account (or, with
 * {@code --untrack}, stops doing so). Bare arguments are page ids; {@code --top N} the simulator's N most popular pages;
 * {@code --ids a,b,c} given page ids. Idempotent; customers' tracking is untouched.
 */
public final class TrackCommand {
    private TrackCommand() {}

    public static void main(String[] args) {
        Map<String, String> env = CliEnvironment.resolve(System.getenv());
        String table = env.getOrDefault(IngestConfig.TRACKED_PAGES, PulseTopology.TRACKED_PAGES_TABLE);
        List<String> ids = new ArrayList<>();
        boolean untrack = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                ids.add(arg);
                continue;
            }
            if (arg.equals("--untrack")) {
                untrack = true;
                continue;
            }
            if (i + 1 >= args.length) {
                usage("missing value for " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--top" -> ids.addAll(top(count(value)));
                case "--ids" -> ids.addAll(Arrays.asList(value.split(",")));
                case "--table" -> table = value;
                default -> usage("unknown flag " + arg);
            }
        }
        if (ids.isEmpty()) {
            usage("nothing to track");
        }
        try (var dynamo = new AwsClients(PulseConfig.fromEnv(env)).dynamoDb()) {
            AdminTracking admin = new AdminTracking(dynamo, table);
            if (untrack) {
                admin.untrack(ids);
            } else {
                admin.track(ids);
            }
        } catch (SdkException e) {
            // A missing table or an unreachable DynamoDB: one line, no stack trace.
            System.err.println("track: error: " + e.getMessage()
                    + " (./pulse services up starts DynamoDB, ./pulse bootstrap creates the table)");
            System.exit(1);
        }
        System.out.printf(
                "track: %d pages %s by account %s in table %s%n",
                ids.size(), untrack ? "untracked" : "tracked", AdminTracking.ADMIN, table);
    }

    private static int count(String value) {
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage("--top takes a positive number, was " + value);
        return 0;
    }

    /** The page ids of the simulator's {@code count} most popular pages. */
    public static List<String> top(int count) {
        List<String> ids = new ArrayList<>(count);
        for (int rank = 0; rank < count; rank++) {
            ids.add(Simulator.pageId(rank));
        }
        return ids;
    }

    private static void usage(String problem) {
        System.err.println("track: " + problem);
        System.err.println("usage: track [PAGE_ID...] [--top N] [--ids ID,ID...] [--untrack] [--table NAME]");
        System.exit(2);
    }
}
