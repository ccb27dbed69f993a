package dev.pulse.bench.mentions;

import dev.pulse.core.domain.PageDocument;
import dev.pulse.tools.firehose.PageNameGenerator;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The benchmark's pages, deterministic for a size: names from the simulator's {@link PageNameGenerator}, about half of
 * them given a made-up brand word so the corpus has the long tail of distinct names real pages have (the simulator's
 * vocabulary alone yields only ~100k distinct names, which would flatter any design that scans distinct terms), and
 * fans from a heavy-tailed (Pareto) distribution, as page popularity is.
 */
public final class BenchCorpus {
    private static final String[] SYLLABLES = {
        "ka", "vo", "ro", "men", "da", "li", "zu", "tra", "ne", "bel", "sio", "qua", "fi", "mo", "ra", "tek", "lu",
                "sa",
        "po", "rin", "ga", "del", "vi", "no", "xa", "pe", "tor", "mi", "lan", "cho", "ber", "gu", "sta", "fen", "ko",
                "ma"
    };

    final String[] ids;
    final String[] names;
    final long[] fans;
    /** Page positions ordered by fans, most popular first, for picking typing targets by popularity. */
    final int[] byPopularity;

    public BenchCorpus(int size, long seed) {
        PageNameGenerator generator = new PageNameGenerator(seed);
        SplittableRandom random = new SplittableRandom(seed);
        ids = new String[size];
        names = new String[size];
        fans = new long[size];
        for (int i = 0; i < size; i++) {
            ids[i] = "bench-" + i;
            String name = generator.next();
            int tail = random.nextInt(100);
            if (tail < 30) {
                name = brand(random) + " " + name;
            } else if (tail < 50) {
                name = name + " " + brand(random);
            } else if (tail < 55) {
                name = brand(random) + " " + brand(random);
            }
            names[i] = name;
            double u = 1.0 - random.nextDouble();
            fans[i] = Math.min(300_000_000L, (long) (20 * Math.pow(u, -1 / 1.1)));
        }
        Integer[] order = new Integer[size];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(fans[b], fans[a]));
        byPopularity = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    int size() {
        return ids.length;
    }

    PageDocument document(int i) {
        String username = names[i].toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "_")
                        .replaceAll("^_+|_+$", "")
                + "_" + i;
        return new PageDocument(
                ids[i],
                names[i],
                username,
                "Bench",
                fans[i],
                fans[i] > 1_000_000,
                Instant.parse("2026-11-01T00:00:00Z"));
    }

    private static String brand(SplittableRandom random) {
        StringBuilder word = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int s = 0; s < syllables; s++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
        return word.toString();
    }
}
