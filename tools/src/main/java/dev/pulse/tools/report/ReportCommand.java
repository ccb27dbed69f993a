package dev.pulse.tools.report;

import dev.pulse.core.config.ConfigException;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Variables;
import dev.pulse.reporting.ReportingWiring;
import dev.pulse.reporting.application.Backfill;
import dev.pulse.reporting.domain.Granularity;
import dev.pulse.reporting.domain.Window;
import dev.pulse.tools.firehose.CliEnvironment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import sun.misc.Signal;

/**
 * {@code ./pulse report backfill --from DATE --to DATE [--account ID] [--period hour|day]}: the snapshot job of every
 * period in the range, in this process against the local servers, with a progress bar on stderr. Resumable through
 * the runs' checkpoints; Ctrl-C finishes the accounts in flight, prints how to resume and exits 130.
 */
public final class ReportCommand {
    static final String USAGE =
            "usage: report backfill --from YYYY-MM-DD --to YYYY-MM-DD [--account ID] [--period hour|day]";
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);
    /** Set by ./pulse: whether stderr is a terminal (Java cannot tell for stderr alone). */
    static final String STDERR_TTY = "PULSE_STDERR_TTY";

    private ReportCommand() {}

    /** What the command line asked. */
    record Request(LocalDate from, LocalDate to, Optional<String> account, Granularity period) {
        /** The range's periods that have ended at {@code now}; refused if none has. */
        Backfill.Plan plan(Instant now) {
            return Backfill.plan(from, to, period, now);
        }

        /** The one line saying where a range that reaches past now stops, if it does. */
        Optional<String> stopNotice(Backfill.Plan plan) {
            if (plan.notEnded() == 0) {
                return Optional.empty();
            }
            return Optional.of("report: stopping at " + MINUTE.format(plan.stopsAt()) + ", the last " + period.wire()
                    + " that has ended; the " + plan.notEnded() + " " + period.wire()
                    + (plan.notEnded() == 1 ? "" : "s") + " after it up to --to " + to
                    + (plan.notEnded() == 1 ? " has" : " have") + " not ended yet");
        }

        String resumeCommand() {
            return "./pulse report backfill --from " + from + " --to " + to
                    + account.map(a -> " --account " + a).orElse("") + " --period " + period.wire();
        }
    }

    public static void main(String[] args) {
        Request request;
        Backfill.Plan plan;
        try {
            request = parse(List.of(args));
            plan = request.plan(Instant.now());
        } catch (IllegalArgumentException e) {
            System.err.println("report: error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        request.stopNotice(plan).ifPresent(System.err::println);
        System.exit(run(request, plan.periods()));
    }

    static Request parse(List<String> args) {
        if (args.isEmpty() || !args.getFirst().equals("backfill")) {
            throw new IllegalArgumentException(args.isEmpty() ? "backfill?" : "unknown subcommand " + args.getFirst());
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!List.of("--from", "--to", "--account", "--period").contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options.put(name, args.get(i + 1));
        }
        LocalDate from = date(options, "--from");
        LocalDate to = date(options, "--to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        Granularity period = switch (options.getOrDefault("--period", "day")) {
            case "day" -> Granularity.DAY;
            case "hour" -> Granularity.HOUR;
            default ->
                throw new IllegalArgumentException("--period must be hour or day, was " + options.get("--period"));
        };
        Optional<String> account = Optional.ofNullable(options.get("--account"));
        if (account.isPresent() && account.get().isBlank()) {
            throw new IllegalArgumentException("--account is empty");
        }
        return new Request(from, to, account, period);
    }

    private static LocalDate date(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date YYYY-MM-DD, was '" + value + "'");
        }
    }

    private static int run(Request request, List<Window> periods) {
        String job = request.period() == Granularity.DAY
                ? PulseTopology.DAILY_SNAPSHOTS_FUNCTION
                : PulseTopology.HOURLY_SNAPSHOTS_FUNCTION;
        AtomicBoolean stop = new AtomicBoolean();
        // Ctrl-C asks the run to stop between chunks instead of killing the JVM mid-write.
        Signal.handle(new Signal("INT"), signal -> {
            if (!stop.getAndSet(true)) {
                System.err.println("\nreport: stopping after the accounts in flight (Ctrl-C again to quit now)");
            } else {
                System.exit(130);
            }
        });
        try {
            Backfill backfill = new Backfill(ReportingWiring.create(PulseConfig.fromEnv(environment(job)), job)
                    .snapshotJob());
            BackfillProgress progress = new BackfillProgress(
                    System.err,
                    "1".equals(System.getenv(STDERR_TTY)),
                    periods.size(),
                    backfill.accountsPerPeriod(request.account()),
                    System::nanoTime);
            Backfill.Outcome outcome = backfill.run(periods, request.account(), stop::get, progress);
            progress.finish();
            if (outcome.stopped()) {
                System.err.println("report: stopped with " + outcome.periodsDone() + " of " + outcome.periods()
                        + " periods done; resume with: " + request.resumeCommand());
                return stop.get() ? 130 : 1;
            }
            System.err.println("report: backfill done: " + outcome.periods() + " periods, " + outcome.written()
                    + " snapshots written, " + outcome.failed() + " accounts failed (" + job + "-failures)");
            return outcome.failed() > 0 ? 1 : 0;
        } catch (SdkException | ConfigException e) {
            System.err.println("report: error: " + e.getMessage()
                    + " (./pulse services up starts the servers, ./pulse bootstrap creates the tables)");
            return 1;
        }
    }

    /** The job's environment as the local runtime would give it: the platform's, plus each grant naming its resource. */
    static Map<String, String> environment(String job) {
        Map<String, String> env = CliEnvironment.resolve(System.getenv());
        for (Access access : PulseTopology.define().requireFunction(job).access()) {
            env.putIfAbsent(access.environmentVariable(), access.resource());
        }
        env.putIfAbsent(Variables.Reporting.FLAGS_TTL_MS, "1000");
        return env;
    }
}
