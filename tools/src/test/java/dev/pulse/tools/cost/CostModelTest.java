package dev.pulse.tools.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The model's arithmetic on round prices and inputs, each line worked out by hand. */
class CostModelTest {
    private static final Prices ROUND = Prices.parse("""
            # round numbers, so each expectation can be worked out by hand
            kinesis.shardHour = 0.01 | per shard-hour | test | 2026-01 | hand
            kinesis.putPayloadUnits = 1.0 | per million units | test | 2026-01 | hand
            kinesis.onDemand.streamHour = 0.1 | per stream-hour | test | 2026-01 | hand
            kinesis.onDemand.ingestGb = 1.0 | per GB | test | 2026-01 | hand
            kinesis.onDemand.retrievalGb = 0.5 | per GB | test | 2026-01 | hand
            kinesis.advantage.ingestGb = 0.4 | per GB | test | 2026-01 | hand
            kinesis.advantage.retrievalGb = 0.2 | per GB | test | 2026-01 | hand
            kinesis.advantage.minimumMiBps = 1 | MiB/s | test | 2026-01 | hand
            lambda.gbSecond = 0.00001 | per GB-s | test | 2026-01 | hand
            lambda.requests = 1.0 | per million | test | 2026-01 | hand
            apigateway.httpRequests = 2.0 | per million | test | 2026-01 | hand
            opensearch.big = 1.0 | per hour | test | 2026-01 | hand
            opensearch.small = 0.5 | per hour | test | 2026-01 | hand
            opensearch.gp3Gb = 0.1 | per GB-month | test | 2026-01 | hand
            elasticache.cache.one = 0.1 | per hour | test | 2026-01 | hand
            elasticache.valkeyDiscount = 0.25 | fraction | test | 2026-01 | hand
            dynamodb.readRequests = 1.0 | per million | test | 2026-01 | hand
            dynamodb.writeRequests = 2.0 | per million | test | 2026-01 | hand
            dynamodb.storageGb = 0.2 | per GB-month | test | 2026-01 | hand
            dynamodb.pitrGb = 0.2 | per GB-month | test | 2026-01 | hand
            cloudwatch.logsIngestGb = 1.0 | per GB | test | 2026-01 | hand
            cloudwatch.alarm = 0.1 | per alarm | test | 2026-01 | hand
            cloudwatch.dashboard = 3.0 | per dashboard | test | 2026-01 | hand
            cloudwatch.metric = 0.3 | per metric | test | 2026-01 | hand
            cloudfront.dataOutGb = 0.1 | per GB | test | 2026-01 | hand
            cloudfront.freeGb = 10 | GB free | test | 2026-01 | hand
            s3.storageGb = 1.0 | per GB-month | test | 2026-01 | hand
            transfer.interAzGb = 0.01 | per GB | test | 2026-01 | hand
            transfer.internetOutGb = 0.1 | per GB | test | 2026-01 | hand
            privatelink.endpointAzHour = 0.01 | per endpoint-zone-hour | test | 2026-01 | hand
            kms.key = 1.0 | per key | test | 2026-01 | hand
            secretsmanager.secret = 0.5 | per secret | test | 2026-01 | hand
            """);

    /** 1,000 posts/s of 1 KiB, 50 per 51,200-byte record (2 PUT units): 20 records/s. */
    private static CostInputs inputs() {
        return new CostInputs(
                1_000,
                new Traffic(1024, 50, 51_200),
                4,
                2,
                1024,
                0.5,
                100,
                10_000_000L,
                512,
                100,
                1024,
                new CostInputs.Search("big", 2, "small", 3, 100),
                new CostInputs.Cache("cache.one", 2, false),
                60_000,
                10,
                10,
                1024,
                1024,
                2,
                2,
                3,
                2,
                20);
    }

    private static Map<String, Double> byComponent(List<CostModel.Line> lines) {
        return lines.stream().collect(Collectors.toMap(CostModel.Line::component, CostModel.Line::usd));
    }

    @Test
    void kinesisProvisioned_paysShardHoursAndPutUnitsOf25KiB() {
        Map<String, Double> lines = byComponent(new CostModel(ROUND).lines(inputs()));
        assertThat(lines.get("Kinesis shards (provisioned)")).isCloseTo(4 * 730 * 0.01, within(1e-9));
        // 20 records/s x 2 units (51,200 B = exactly 2 x 25 KiB) x 2,628,000 s = 105.12 M units at $1/M
        assertThat(lines.get("Kinesis PUT payload units")).isCloseTo(105.12, within(1e-6));
    }

    @Test
    void shardsNeeded_isTheLargerOfBytesAndRecordsPerSecond() {
        // 20 records/s x 51,200 B = 0.98 MiB/s: one shard by bytes and by records
        assertThat(CostModel.shardsNeeded(inputs())).isEqualTo(1);
        CostInputs fast = new CostInputs(
                100_000,
                new Traffic(1024, 50, 51_200),
                4,
                2,
                1024,
                0.5,
                100,
                0,
                512,
                0,
                0,
                inputs().search(),
                inputs().cache(),
                0,
                0,
                0,
                0,
                0,
                2,
                0,
                0,
                0,
                0);
        // 2,000 records/s x 51,200 B = 97.7 MiB/s: 98 shards by bytes (records would need 2)
        assertThat(CostModel.shardsNeeded(fast)).isEqualTo(98);
    }

    @Test
    void kinesisModes_onDemandRoundsRecordsUpToAKiB_advantageHasNoStreamChargeButAMinimum() {
        List<CostModel.Line> modes = new CostModel(ROUND).kinesisModes(inputs());
        Map<String, Double> cost = byComponent(modes);
        double gb = 20 * 51_200.0 * 2_628_000 / (1L << 30); // 50 KiB records: no rounding up
        assertThat(cost.get("On-demand Standard")).isCloseTo(730 * 0.1 + gb * 1.0 + gb * 0.5, within(1e-6));
        double minimumGb = 1.0 * (1L << 20) * 2_628_000 / (1L << 30); // 1 MiB/s billed at least
        assertThat(minimumGb).isGreaterThan(gb);
        assertThat(cost.get("On-demand Advantage")).isCloseTo(minimumGb * 0.4 + gb * 0.2, within(1e-6));
        assertThat(cost.get("Provisioned")).isCloseTo(4 * 730 * 0.01 + 105.12, within(1e-6));
    }

    @Test
    void lambdaIngest_billsMsPerPostAtItsMemory_andAtMostOneCallPerShardSlotASecond() {
        Map<String, Double> lines = byComponent(new CostModel(ROUND).lines(inputs()));
        // 1,000 posts/s x 0.5 ms x 1 GB x 2,628,000 s = 1.314 M GB-s at $0.00001
        assertThat(lines.get("Lambda ingest, compute")).isCloseTo(13.14, within(1e-6));
        // min(4 shards x 2 slots, 20 records/s) = 8 calls/s = 21.024 M a month at $1/M
        assertThat(lines.get("Lambda ingest, requests")).isCloseTo(21.024, within(1e-6));
        // 10 M x 0.1 s x 0.5 GB x $0.00001 + 10 M requests at $1/M
        assertThat(lines.get("Lambda API functions")).isCloseTo(5 + 10, within(1e-6));
        assertThat(lines.get("API Gateway HTTP API")).isCloseTo(20, within(1e-9));
    }

    @Test
    void searchAndCache_areFixedNodeHours_andValkeyTakesItsDiscount() {
        CostModel model = new CostModel(ROUND);
        Map<String, Double> lines = byComponent(model.lines(inputs()));
        assertThat(lines.get("OpenSearch data nodes")).isCloseTo(2 * 730 * 1.0, within(1e-9));
        assertThat(lines.get("OpenSearch dedicated masters")).isCloseTo(3 * 730 * 0.5, within(1e-9));
        assertThat(lines.get("OpenSearch storage")).isCloseTo(2 * 100 * 0.1, within(1e-9));
        assertThat(lines.get("ElastiCache")).isCloseTo(2 * 730 * 0.1, within(1e-9));
        Map<String, Double> options = model.cacheOptions(inputs()).stream()
                .collect(Collectors.toMap(CostModel.Line::component, CostModel.Line::usd));
        assertThat(options).containsKeys("1 x cache.one (Redis OSS)", "2 x cache.one (Valkey)");
        assertThat(options.get("1 x cache.one (Redis OSS)")).isCloseTo(73.0, within(1e-9));
        assertThat(options.get("2 x cache.one (Valkey)")).isCloseTo(2 * 730 * 0.1 * 0.75, within(1e-9));
    }

    @Test
    void theRest_dynamoCloudWatchWebTransferAndKeys() {
        Map<String, Double> lines = byComponent(new CostModel(ROUND).lines(inputs()));
        // lookups: min(1,000, 60,000 / 600 = 100)/s x 0.5 RRU x 2,628,000 s = 131.4 M; API reads 20 M; writes 0.5 M
        assertThat(lines.get("DynamoDB (on demand, PITR)")).isCloseTo(131.4 + 20 + 0.5 * 2 + 5 * 0.4, within(1e-6));
        double logsGb = (8 * 2_628_000.0 * 1024 + 10_000_000.0 * 1024) / (1L << 30);
        assertThat(lines.get("CloudWatch")).isCloseTo(logsGb + 10 * 0.1 + 10 * 0.3 + 3, within(1e-6));
        assertThat(lines.get("S3 + CloudFront (web app)")).isCloseTo((20 - 10) * 0.1 + 1.0, within(1e-9));
        double crossGb = 1_000 * 100.0 * 2_628_000 / (1L << 30) / 2; // half the bytes cross between 2 zones
        assertThat(lines.get("Data transfer, cross-AZ")).isCloseTo(crossGb * 2 * 0.01, within(1e-6));
        assertThat(lines.get("Data transfer, internet out"))
                .isCloseTo(10_000_000.0 * 1024 / (1L << 30) * 0.1, within(1e-6));
        assertThat(lines.get("VPC interface endpoints")).isCloseTo(2 * 2 * 730 * 0.01, within(1e-9));
        assertThat(lines.get("KMS keys, Secrets Manager")).isCloseTo(3 + 1, within(1e-9));
    }

    @Test
    void theTotal_isTheSumOfTheLines_andAMissingPriceNamesItself() {
        List<CostModel.Line> lines = new CostModel(ROUND).lines(inputs());
        assertThat(CostModel.total(lines))
                .isCloseTo(lines.stream().mapToDouble(CostModel.Line::usd).sum(), within(1e-9));
        assertThatThrownBy(() ->
                        new CostModel(ROUND).lines(inputs().withCache(new CostInputs.Cache("cache.none", 1, false))))
                .hasMessageContaining("elasticache.cache.none");
    }
}
