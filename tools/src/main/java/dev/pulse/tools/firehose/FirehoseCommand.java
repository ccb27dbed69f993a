package dev.pulse.tools.firehose;

import dev.pulse.core.aws.AwsClients;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.ingest.application.Backoff;
import dev.pulse.ingest.application.QuarantineEntry;
import dev.pulse.ingest.domain.kpl.UserRecord;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/** {@code ./pulse firehose}: reads a feed and publishes it to the posts stream at a steady rate, showing progress. */
public final class FirehoseCommand {
    public static final String STREAM_VARIABLE =
            Access.reads(Access.Kind.STREAM, PulseTopology.POSTS_STREAM).environmentVariable();

    private FirehoseCommand() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = CliEnvironment.resolve(System.getenv());
        FirehoseOptions options;
        try {
            options =
                    FirehoseOptions.parse(List.of(args), env.getOrDefault(STREAM_VARIABLE, PulseTopology.POSTS_STREAM));
        } catch (IllegalArgumentException e) {
            System.err.println("firehose: " + e.getMessage());
            System.err.println(FirehoseOptions.usage());
            System.exit(2);
            return;
        }
        var kinesis = new AwsClients(PulseConfig.fromEnv(env)).kinesis();
        try (PostSource source = source(options);
                KinesisPublisher publisher = new KinesisPublisher(
                        kinesis,
                        options.stream(),
                        options.aggregateBytes(),
                        256,
                        new DeadLetterFile(options.deadLetter()))) {
            run(source, publisher, options, System.out);
        } catch (UncheckedIOException | SdkException e) {
            // An unreadable file, a missing stream or an unreachable Kinesis: one line, no stack trace.
            System.err.println("firehose: error: " + problem(e));
            System.exit(1);
        }
        kinesis.close();
    }

    private static String problem(RuntimeException e) {
        if (e instanceof ResourceNotFoundException) {
            return e.getMessage().split(" \\(Service:")[0] + " (./pulse bootstrap creates the topology's streams)";
        }
        if (e instanceof SdkClientException) {
            return "cannot reach Kinesis: " + e.getMessage() + " (./pulse services up starts it)";
        }
        if (e instanceof UncheckedIOException io && io.getCause() instanceof NoSuchFileException) {
            return "no such file: " + io.getCause().getMessage();
        }
        return e.getMessage();
    }

    public static PostSource source(FirehoseOptions options) {
        String source = options.source();
        if (source.equals("sim")) {
            return new SimulatedSource(new Simulator(
                    options.seed(),
                    options.pages(),
                    options.poisonRate(),
                    QuarantineEntry.MAX_PAYLOAD_BYTES + 4096,
                    Instant::now));
        }
        if (source.startsWith("file:")) {
            return new FileSource(Path.of(source.substring("file:".length())));
        }
        String url = source.startsWith("http:http") ? source.substring("http:".length()) : source;
        return new HttpSource(URI.create(url), Backoff.DEFAULT);
    }

    /** Publishes at the target rate until the duration passes or the feed ends; returns the posts published. */
    public static long run(PostSource source, KinesisPublisher publisher, FirehoseOptions options, PrintStream out)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + options.duration().toNanos();
        long published = 0;
        long nextReport = start + 2_000_000_000L;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            long due = (long) ((now - start) / 1e9 * options.rate());
            if (published >= due) {
                Thread.sleep(1);
            } else {
                UserRecord record = source.next();
                if (record == null) {
                    break;
                }
                publisher.publish(record);
                published++;
            }
            if (now >= nextReport) {
                out.println(progress(publisher.stats(), published, now - start));
                nextReport = now + 2_000_000_000L;
            }
        }
        publisher.flush();
        out.println(progress(publisher.stats(), published, System.nanoTime() - start) + " done");
        long deadLettered = publisher.stats().deadLettered();
        if (deadLettered > 0) {
            out.println("firehose: " + deadLettered + " record" + (deadLettered == 1 ? "" : "s")
                    + " over the Kinesis record limit written, with the reason, to "
                    + publisher.deadLetters().path());
        }
        return published;
    }

    static String progress(PublisherStats stats, long published, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 0.001);
        return String.format(
                Locale.ROOT,
                "firehose rate=%,.0f/s sent=%,d failed=%,d throttled=%,d backlog=%,d dead_lettered=%,d"
                        + " kinesis_records=%,d"
                        + " elapsed=%.0fs",
                stats.sent() / seconds,
                stats.sent(),
                stats.retried(),
                stats.throttled(),
                stats.backlog(),
                stats.deadLettered(),
                stats.kinesisRecords(),
                seconds);
    }
}
