package dev.pulse.tools.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command on the real price file and the real producer's traffic. */
class CostCommandTest {
    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CostCommand.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void givenARate_printsEveryComponentATotalAndTheTwoLevers() {
        String out = run("--rate", "1500");
        assertThat(out)
                .contains("Pulse prod at 1,500 posts/s")
                .contains("| Kinesis shards (provisioned) | 16 shards; this rate needs ")
                .contains("| Lambda ingest, compute |", "| OpenSearch data nodes | 3 x r7g.large.search |")
                .contains("| ElastiCache | 2 x cache.r7g.large (Redis OSS) |", "| DynamoDB (on demand, PITR) |")
                .contains("| API Gateway HTTP API |", "| CloudWatch |", "| S3 + CloudFront (web app) |")
                .contains("| Data transfer, cross-AZ |", "| **Total** |")
                .contains("| On-demand Advantage |", "| 1 x cache.t4g.medium (Valkey) |");
    }

    @Test
    void givenShardsAndACache_pricesThoseInstead() {
        String out = run("--rate", "1500", "--shards", "4", "--cache", "cache.m7g.large:1", "--valkey");
        assertThat(out).contains("| 4 shards; this rate needs ", "| ElastiCache | 1 x cache.m7g.large (Valkey) |");
    }

    @Test
    void withoutARate_orWithAnUnknownFlag_explains() {
        assertThatThrownBy(() -> run()).hasMessageContaining("--rate");
        assertThatThrownBy(() -> run("--rate", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> run("--rate", "10", "--speed", "2")).hasMessageContaining("--speed");
    }

    @Test
    void thePriceFile_givesEveryPriceAUnitRegionDateAndSource() {
        Prices prices = Prices.load();
        assertThat(prices.all()).hasSizeGreaterThan(30);
        prices.all()
                .values()
                .forEach(p -> assertThat(List.of(p.unit(), p.region(), p.asOf(), p.source()))
                        .as(p.key())
                        .allMatch(field -> !field.isBlank()));
        assertThatThrownBy(() -> Prices.parse("kinesis.shardHour = 0.015 | per shard-hour"))
                .hasMessageContaining("key = price | unit | region | as of | source");
    }

    @Test
    void theProducersTraffic_packsManyPostsPerRecord_withinItsBudget() {
        Traffic traffic = Traffic.measure(64 * 1024, 20_000);
        assertThat(traffic.recordBytes()).isLessThanOrEqualTo(64 * 1024).isGreaterThan(60 * 1024);
        assertThat(traffic.postsPerRecord()).isGreaterThan(20);
        assertThat(traffic.postsPerRecord() * traffic.postBytes()).isLessThan(traffic.recordBytes());
    }
}
