package dev.pulse.tools.cost;

import dev.pulse.tools.firehose.FirehoseOptions;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./pulse cost --rate N [--shards N] [--aggregate-bytes B] [--cache TYPE:COUNT] [--valkey]}: the monthly cost
 * of prod at N posts per second, per component, then the Kinesis capacity modes and the ElastiCache options, all
 * from {@link CostModel} and {@code cost/prices.properties}.
 */
public final class CostCommand {
    private CostCommand() {}

    public static void main(String[] args) {
        try {
            run(List.of(args), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("pulse cost: " + e.getMessage());
            System.err.println(
                    "usage: ./pulse cost --rate N [--shards N] [--aggregate-bytes B] [--cache TYPE:COUNT] [--valkey]");
            System.exit(2);
        }
    }

    static void run(List<String> args, PrintStream out) {
        Integer rate = null;
        Integer shards = null;
        int aggregateBytes = FirehoseOptions.DEFAULT_AGGREGATE_BYTES;
        String cache = null;
        boolean valkey = false;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (flag.equals("--valkey")) {
                valkey = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            String value = args.get(++i);
            switch (flag) {
                case "--rate" -> rate = positive(flag, value);
                case "--shards" -> shards = positive(flag, value);
                case "--aggregate-bytes" -> aggregateBytes = positive(flag, value);
                case "--cache" -> cache = value;
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (rate == null) {
            throw new IllegalArgumentException("--rate N (posts per second) is required");
        }
        Prices prices = Prices.load();
        CostInputs in = CostInputs.prod(rate, Traffic.measure(aggregateBytes, 20_000));
        if (shards != null) {
            in = in.withShards(shards);
        }
        if (cache != null || valkey) {
            String[] parts =
                    (cache == null ? in.cache().nodeType() + ":" + in.cache().nodes() : cache).split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("--cache takes TYPE:COUNT, e.g. cache.r7g.large:2");
            }
            in = in.withCache(new CostInputs.Cache(parts[0], positive("--cache", parts[1]), valkey));
        }
        print(in, prices, out);
    }

    static void print(CostInputs in, Prices prices, PrintStream out) {
        CostModel model = new CostModel(prices);
        List<CostModel.Line> lines = model.lines(in);
        out.printf(
                Locale.ROOT,
                "Pulse prod at %,d posts/s, monthly, on-demand list prices (%s, as of %s; %s)%n",
                in.rate(),
                prices.all().get("kinesis.shardHour").region(),
                prices.all().get("kinesis.shardHour").asOf(),
                Prices.RESOURCE);
        out.printf(
                Locale.ROOT,
                "Measured traffic: %.0f B per post, %.1f posts per %.0f B Kinesis record (%d-byte aggregates)%n%n",
                in.traffic().postBytes(),
                in.traffic().postsPerRecord(),
                in.traffic().recordBytes(),
                FirehoseOptions.DEFAULT_AGGREGATE_BYTES);
        table(out, "Component", "Counted", lines, true);
        out.println();
        table(out, "Kinesis mode", "Counted", model.kinesisModes(in), false);
        out.println();
        table(out, "ElastiCache", "Shape", model.cacheOptions(in), false);
    }

    private static void table(PrintStream out, String first, String second, List<CostModel.Line> lines, boolean total) {
        out.printf(Locale.ROOT, "| %s | %s | USD/month |%n|---|---|---:|%n", first, second);
        for (CostModel.Line line : lines) {
            out.printf(Locale.ROOT, "| %s | %s | %,.2f |%n", line.component(), line.detail(), line.usd());
        }
        if (total) {
            out.printf(Locale.ROOT, "| **Total** | | **%,.2f** |%n", CostModel.total(lines));
        }
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 1) {
                throw new IllegalArgumentException(flag + " must be at least 1");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a whole number, got " + value);
        }
    }
}
