package dev.pulse.tools.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * The monthly cost of Pulse, one line per component, from {@link CostInputs} and {@link Prices}. Pure arithmetic:
 * a month is 730 hours; GB are GiB (2^30 bytes) as AWS bills them.
 */
public final class CostModel {
    public static final double HOURS = 730;
    public static final double SECONDS = HOURS * 3600;
    static final double GB = 1L << 30;
    static final double MIB = 1L << 20;
    /** A PUT payload unit: 25 KiB. */
    static final double PUT_UNIT_BYTES = 25 * 1024;

    /** One priced line: what, how it was counted, and USD a month. */
    public record Line(String component, String detail, double usd) {}

    private final Prices prices;

    public CostModel(Prices prices) {
        this.prices = prices;
    }

    /** Kinesis records per second: posts packed {@code postsPerRecord} to a record. */
    static double recordsPerSecond(CostInputs in) {
        return in.rate() / in.traffic().postsPerRecord();
    }

    /** The fewest provisioned shards that take the rate: 1 MiB/s and 1,000 records/s each. */
    public static int shardsNeeded(CostInputs in) {
        double records = recordsPerSecond(in);
        double bytes = records * in.traffic().recordBytes();
        return (int) Math.max(1, Math.max(Math.ceil(bytes / MIB), Math.ceil(records / 1000)));
    }

    public List<Line> lines(CostInputs in) {
        List<Line> lines = new ArrayList<>();
        lines.addAll(kinesisProvisioned(in));
        lines.addAll(lambda(in));
        lines.add(httpApi(in));
        lines.addAll(openSearch(in));
        lines.add(cache(in, in.cache()));
        lines.add(dynamoDb(in));
        lines.add(cloudWatch(in));
        lines.add(web(in));
        lines.addAll(transfer(in));
        lines.add(new Line(
                "KMS keys, Secrets Manager",
                in.kmsKeys() + " keys, " + in.secrets() + " secret",
                in.kmsKeys() * prices.of("kms.key") + in.secrets() * prices.of("secretsmanager.secret")));
        return lines;
    }

    public static double total(List<Line> lines) {
        return lines.stream().mapToDouble(Line::usd).sum();
    }

    List<Line> kinesisProvisioned(CostInputs in) {
        double units = recordsPerSecond(in) * Math.ceil(in.traffic().recordBytes() / PUT_UNIT_BYTES) * SECONDS;
        return List.of(
                new Line(
                        "Kinesis shards (provisioned)",
                        in.shards() + " shards; this rate needs " + shardsNeeded(in),
                        in.shards() * HOURS * prices.of("kinesis.shardHour")),
                new Line(
                        "Kinesis PUT payload units",
                        "%.0f M units of 25 KiB (%.0f posts per %.0f B record)"
                                .formatted(
                                        units / 1e6,
                                        in.traffic().postsPerRecord(),
                                        in.traffic().recordBytes()),
                        units / 1e6 * prices.of("kinesis.putPayloadUnits")));
    }

    /** The stream's three capacity modes at this rate, for comparison (one consumer: the ingest mapping). */
    public List<Line> kinesisModes(CostInputs in) {
        double records = recordsPerSecond(in);
        double ingestGb = records * Math.ceil(in.traffic().recordBytes() / 1024) * 1024 * SECONDS / GB;
        double readGb = records * in.traffic().recordBytes() * SECONDS / GB;
        double minimumGb = prices.of("kinesis.advantage.minimumMiBps") * MIB * SECONDS / GB;
        double provisioned = total(kinesisProvisioned(in));
        double standard = HOURS * prices.of("kinesis.onDemand.streamHour")
                + ingestGb * prices.of("kinesis.onDemand.ingestGb")
                + readGb * prices.of("kinesis.onDemand.retrievalGb");
        double advantage = Math.max(ingestGb, minimumGb) * prices.of("kinesis.advantage.ingestGb")
                + readGb * prices.of("kinesis.advantage.retrievalGb");
        return List.of(
                new Line("Provisioned", in.shards() + " shards + PUT payload units", provisioned),
                new Line(
                        "On-demand Standard",
                        "%.0f GB in, %.0f GB out, 1 stream".formatted(ingestGb, readGb),
                        standard),
                new Line(
                        "On-demand Advantage",
                        "%.0f GB in (billed at least %.0f), %.0f GB out, no stream charge"
                                .formatted(ingestGb, Math.max(ingestGb, minimumGb), readGb),
                        advantage));
    }

    List<Line> lambda(CostInputs in) {
        double gbSeconds = in.rate() * SECONDS * in.ingestMsPerPost() / 1000 * in.ingestMemoryMb() / 1024.0;
        // each shard's slots are polled at most once a second (1 s batching window)
        double calls = Math.min(in.shards() * in.parallelization(), recordsPerSecond(in)) * SECONDS;
        double apiGbSeconds = in.apiRequests() * in.apiMs() / 1000 * in.apiMemoryMb() / 1024.0;
        return List.of(
                new Line(
                        "Lambda ingest, compute",
                        "%.2f M GB-s (%.1f ms/post at %d MB)"
                                .formatted(gbSeconds / 1e6, in.ingestMsPerPost(), in.ingestMemoryMb()),
                        gbSeconds * prices.of("lambda.gbSecond")),
                new Line(
                        "Lambda ingest, requests",
                        "%.0f M invocations".formatted(calls / 1e6),
                        calls / 1e6 * prices.of("lambda.requests")),
                new Line(
                        "Lambda API functions",
                        "%.0f M requests, %.0f ms at %d MB"
                                .formatted(in.apiRequests() / 1e6, in.apiMs(), in.apiMemoryMb()),
                        apiGbSeconds * prices.of("lambda.gbSecond")
                                + in.apiRequests() / 1e6 * prices.of("lambda.requests")));
    }

    Line httpApi(CostInputs in) {
        return new Line(
                "API Gateway HTTP API",
                "%.0f M requests".formatted(in.apiRequests() / 1e6),
                in.apiRequests() / 1e6 * prices.of("apigateway.httpRequests"));
    }

    List<Line> openSearch(CostInputs in) {
        CostInputs.Search s = in.search();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(
                "OpenSearch data nodes",
                s.dataNodes() + " x " + s.dataNodeType(),
                s.dataNodes() * HOURS * prices.of("opensearch." + s.dataNodeType())));
        if (s.masters() > 0) {
            lines.add(new Line(
                    "OpenSearch dedicated masters",
                    s.masters() + " x " + s.masterType(),
                    s.masters() * HOURS * prices.of("opensearch." + s.masterType())));
        }
        lines.add(new Line(
                "OpenSearch storage",
                s.dataNodes() + " x " + s.volumeGb() + " GB gp3",
                s.dataNodes() * s.volumeGb() * prices.of("opensearch.gp3Gb")));
        return lines;
    }

    Line cache(CostInputs in, CostInputs.Cache c) {
        double discount = c.valkey() ? 1 - prices.of("elasticache.valkeyDiscount") : 1;
        return new Line(
                "ElastiCache",
                c.nodes() + " x " + c.nodeType() + (c.valkey() ? " (Valkey)" : " (Redis OSS)"),
                c.nodes() * HOURS * prices.of("elasticache." + c.nodeType()) * discount);
    }

    /** ElastiCache as a lever: the same cache on other node types, counts and engines. */
    public List<Line> cacheOptions(CostInputs in) {
        List<Line> options = new ArrayList<>();
        for (String type : prices.all().keySet()) {
            if (!type.startsWith("elasticache.cache.")) {
                continue;
            }
            String node = type.substring("elasticache.".length());
            for (int nodes : new int[] {1, 2}) {
                for (boolean valkey : new boolean[] {false, true}) {
                    Line line = cache(in, new CostInputs.Cache(node, nodes, valkey));
                    String role = nodes == 1 ? "no replica, no fail-over" : "primary + replica, Multi-AZ";
                    options.add(new Line(line.detail(), role, line.usd()));
                }
            }
        }
        return options;
    }

    Line dynamoDb(CostInputs in) {
        // ingest looks each active page up about once per 10-minute TTL (0.5 RRU each, eventually consistent)
        double lookups = Math.min(in.rate(), in.activePages() / 600.0) * SECONDS * 0.5;
        double reads = in.apiRequests() * 2 + lookups;
        double writes = in.apiRequests() * 0.05;
        double storageGb = 5;
        return new Line(
                "DynamoDB (on demand, PITR)",
                "%.0f M reads, %.1f M writes, %.0f GB".formatted(reads / 1e6, writes / 1e6, storageGb),
                reads / 1e6 * prices.of("dynamodb.readRequests")
                        + writes / 1e6 * prices.of("dynamodb.writeRequests")
                        + storageGb * (prices.of("dynamodb.storageGb") + prices.of("dynamodb.pitrGb")));
    }

    Line cloudWatch(CostInputs in) {
        double calls = Math.min(in.shards() * in.parallelization(), recordsPerSecond(in)) * SECONDS;
        double logsGb = (calls * in.logBytesPerIngestCall() + in.apiRequests() * in.logBytesPerApiRequest()) / GB;
        return new Line(
                "CloudWatch",
                "%.0f GB logs, %d alarms, %d metrics, 1 dashboard".formatted(logsGb, in.alarms(), in.metrics()),
                logsGb * prices.of("cloudwatch.logsIngestGb")
                        + in.alarms() * prices.of("cloudwatch.alarm")
                        + in.metrics() * prices.of("cloudwatch.metric")
                        + prices.of("cloudwatch.dashboard"));
    }

    Line web(CostInputs in) {
        double billed = Math.max(0, in.webGb() - prices.of("cloudfront.freeGb"));
        return new Line(
                "S3 + CloudFront (web app)",
                "%.0f GB out (%.0f GB free)".formatted(in.webGb(), prices.of("cloudfront.freeGb")),
                billed * prices.of("cloudfront.dataOutGb") + prices.of("s3.storageGb"));
    }

    List<Line> transfer(CostInputs in) {
        // functions and domain nodes spread over the zones: (zones-1)/zones of the bulk bytes cross a zone, billed
        // once leaving and once arriving
        double crossGb = in.rate() * in.indexBytesPerPost() * SECONDS / GB * (in.zones() - 1) / in.zones();
        double outGb = in.apiRequests() * (double) in.responseBytes() / GB;
        return List.of(
                new Line(
                        "Data transfer, cross-AZ",
                        "%.0f GB functions -> OpenSearch".formatted(crossGb),
                        crossGb * 2 * prices.of("transfer.interAzGb")),
                new Line(
                        "Data transfer, internet out",
                        "%.0f GB API responses".formatted(outGb),
                        outGb * prices.of("transfer.internetOutGb")),
                new Line(
                        "VPC interface endpoints",
                        in.interfaceEndpoints() + " endpoints x " + in.zones() + " zones",
                        in.interfaceEndpoints() * in.zones() * HOURS * prices.of("privatelink.endpointAzHour")));
    }
}
