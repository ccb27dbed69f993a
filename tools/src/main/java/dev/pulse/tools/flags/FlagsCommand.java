package dev.pulse.tools.flags;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.reporting.adapter.dynamodb.DynamoFlagStore;
import dev.pulse.reporting.domain.JobFlags;
import dev.pulse.tools.firehose.CliEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code ./pulse flags list | set JOB [on|off] [batch=N] [pace=N]}: the reporting jobs' switches in the flags table,
 * which the jobs re-read at most every 30 s (no restart, no deploy). {@code set} changes only what it names.
 */
public final class FlagsCommand {
    private static final String USAGE = "usage: flags list | flags set JOB [on|off] [batch=1-" + JobFlags.MAX_BATCH
            + "] [pace=1-" + JobFlags.MAX_PACE + "]";

    private FlagsCommand() {}

    public static void main(String[] args) {
        Map<String, String> env = CliEnvironment.resolve(System.getenv());
        String table = env.getOrDefault(
                Access.reads(Access.Kind.TABLE, PulseTopology.FLAGS_TABLE).environmentVariable(),
                PulseTopology.FLAGS_TABLE);
        if (args.length == 0 || !(args[0].equals("list") || args[0].equals("set"))) {
            usage("list or set?");
        }
        try (var dynamo = new AwsClients(PulseConfig.fromEnv(env)).dynamoDb()) {
            DynamoFlagStore store = new DynamoFlagStore(dynamo, table);
            if (args[0].equals("set")) {
                set(store, Arrays.asList(args).subList(1, args.length));
            }
            list(store);
        } catch (SdkException e) {
            System.err.println("flags: error: " + e.getMessage()
                    + " (./pulse services up starts DynamoDB, ./pulse bootstrap creates the table)");
            System.exit(1);
        }
    }

    /** The topology's jobs that read flags: every function granted the flags table. */
    static List<String> jobs() {
        return PulseTopology.define().functions().stream()
                .filter(f -> f.access().stream()
                        .anyMatch(a ->
                                a.kind() == Access.Kind.TABLE && a.resource().equals(PulseTopology.FLAGS_TABLE)))
                .map(FunctionSpec::name)
                .toList();
    }

    private static void list(DynamoFlagStore store) {
        Map<String, JobFlags> stored = store.all();
        System.out.printf("%-18s %-4s %6s %5s%n", "job", "on", "batch", "pace");
        for (String job : jobs()) {
            JobFlags flags = stored.getOrDefault(job, JobFlags.DEFAULTS);
            System.out.printf(
                    "%-18s %-4s %6d %5d%s%n",
                    job,
                    flags.enabled() ? "on" : "off",
                    flags.batchSize(),
                    flags.pace(),
                    stored.containsKey(job) ? "" : "  (defaults)");
        }
    }

    static JobFlags apply(JobFlags current, List<String> changes) {
        JobFlags flags = current;
        for (String change : changes) {
            try {
                flags = switch (change) {
                    case "on" -> new JobFlags(true, flags.batchSize(), flags.pace());
                    case "off" -> new JobFlags(false, flags.batchSize(), flags.pace());
                    default -> {
                        if (change.startsWith("batch=")) {
                            yield new JobFlags(flags.enabled(), Integer.parseInt(change.substring(6)), flags.pace());
                        }
                        if (change.startsWith("pace=")) {
                            yield new JobFlags(
                                    flags.enabled(), flags.batchSize(), Integer.parseInt(change.substring(5)));
                        }
                        throw new IllegalArgumentException("unknown setting " + change);
                    }
                };
            } catch (IllegalArgumentException e) { // NumberFormatException included
                throw new IllegalArgumentException(change + ": " + e.getMessage(), e);
            }
        }
        return flags;
    }

    private static void set(DynamoFlagStore store, List<String> args) {
        if (args.isEmpty() || !jobs().contains(args.getFirst())) {
            usage("set needs a job, one of " + jobs());
        }
        String job = args.getFirst();
        try {
            JobFlags flags = apply(store.read(job).orElse(JobFlags.DEFAULTS), args.subList(1, args.size()));
            store.write(job, flags);
            System.out.println("flags: " + job + " set; the job sees it within 30 s");
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        }
    }

    private static void usage(String problem) {
        System.err.println("flags: error: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
