package dev.pulse.tools.cost;

import dev.pulse.ingest.domain.kpl.UserRecord;
import dev.pulse.tools.firehose.Aggregator;
import dev.pulse.tools.firehose.Simulator;
import java.time.Instant;

/**
 * What the producer really sends, measured rather than assumed: the simulator's posts, packed by the producer's own
 * {@link Aggregator} at its default budget, give the mean post size, the posts per Kinesis record and the record
 * size.
 */
public record Traffic(double postBytes, double postsPerRecord, double recordBytes) {
    public Traffic {
        if (postBytes <= 0 || postsPerRecord < 1 || recordBytes < postBytes) {
            throw new IllegalArgumentException("implausible traffic: " + postBytes + " B/post, " + postsPerRecord
                    + " posts/record, " + recordBytes + " B/record");
        }
    }

    /** {@code posts} simulated posts (fixed seed, no poison) through an aggregator of {@code aggregateBytes}. */
    public static Traffic measure(int aggregateBytes, int posts) {
        Simulator simulator = new Simulator(42, 100_000, 0, 1 << 20, Simulator.logicalClock(Instant.EPOCH));
        Aggregator aggregator = new Aggregator(aggregateBytes);
        long postBytes = 0;
        long records = 0;
        long recordBytes = 0;
        long packed = 0;
        for (int i = 0; i < posts; i++) {
            var post = simulator.next();
            postBytes += post.payload().length;
            var full = aggregator.add(new UserRecord(post.partitionKey(), post.payload()));
            if (full.isPresent()) {
                records++;
                recordBytes += full.get().data().length;
                packed += full.get().userRecords();
            }
        }
        if (records == 0) {
            throw new IllegalArgumentException(posts + " posts do not fill one " + aggregateBytes + "-byte aggregate");
        }
        return new Traffic((double) postBytes / posts, (double) packed / records, (double) recordBytes / records);
    }
}
