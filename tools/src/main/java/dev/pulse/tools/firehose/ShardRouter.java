package dev.pulse.tools.firehose;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Predicts the shard of a partition key the way Kinesis does (MD5 as a 128-bit integer, within a shard's hash range),
 * so each aggregate holds only records of one shard and per-page order is kept.
 */
public final class ShardRouter {
    private final List<Range> ranges;

    ShardRouter(List<Range> ranges) {
        this.ranges = ranges.stream().sorted(Comparator.comparing(Range::start)).toList();
    }

    /** The open shards of a stream (closed parents of a split are skipped). */
    public static ShardRouter of(KinesisClient kinesis, String stream) {
        List<Shard> shards = new java.util.ArrayList<>();
        var page = kinesis.listShards(l -> l.streamName(stream));
        shards.addAll(page.shards());
        while (page.nextToken() != null) {
            String token = page.nextToken();
            page = kinesis.listShards(l -> l.nextToken(token));
            shards.addAll(page.shards());
        }
        List<Range> ranges = shards.stream()
                .filter(shard -> shard.sequenceNumberRange().endingSequenceNumber() == null)
                .map(ShardRouter::range)
                .toList();
        if (ranges.isEmpty()) {
            throw new IllegalStateException("stream " + stream + " has no open shard");
        }
        return new ShardRouter(ranges);
    }

    public Range route(String partitionKey) {
        BigInteger hash = hash(partitionKey);
        for (Range range : ranges) {
            if (hash.compareTo(range.start) >= 0 && hash.compareTo(range.end) <= 0) {
                return range;
            }
        }
        return ranges.getLast();
    }

    Range byShard(String shardId) {
        return ranges.stream()
                .filter(range -> range.shardId().equals(shardId))
                .findFirst()
                .orElseThrow();
    }

    static BigInteger hash(String partitionKey) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static Range range(Shard shard) {
        return new Range(
                shard.shardId(),
                new BigInteger(shard.hashKeyRange().startingHashKey()),
                new BigInteger(shard.hashKeyRange().endingHashKey()));
    }

    /** A shard and its hash-key range; its start is the explicit hash key that routes an aggregate there. */
    public record Range(String shardId, BigInteger start, BigInteger end) {}
}
